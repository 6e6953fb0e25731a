"""Page geometry, the stylesheet and the numbered canvas shared by every report.

The footer "Confidential · page X of Y · generated DATE" needs the page count, which is only
known at the end, so the canvas keeps each page's state and draws all footers on ``save``
(the classic reportlab "numbered canvas"). The footer's words are translated when it is drawn,
in the language the report is being printed in; a right-to-left footer is shaped and set
flush right like the rest of the page.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, TableStyle

from circlekeeper.i18n import _
from circlekeeper.i18n.formats import format_date, format_number
from circlekeeper.palette import PRINT
from circlekeeper.reports.context import Paper
from circlekeeper.reports.fonts import FontSet
from circlekeeper.reports.fonts import fonts as registered_fonts
from circlekeeper.session.frozen import FrozenRecord

MARGIN = 18 * mm
FRAME_PADDING = 6.0
"""Points a page's frame keeps free inside its top and bottom edges (reportlab's own)."""
FOOTER_Y = 10 * mm
# The app's own palette (circlekeeper.palette), printed: the same teal and magenta as the ring.
INK = colors.HexColor(PRINT.ink)
MUTED = colors.HexColor(PRINT.muted)
ACCENT = colors.HexColor(PRINT.accent)
RULE = colors.HexColor(PRINT.rule)
ZEBRA = colors.HexColor(PRINT.zebra)
OVER = colors.HexColor(PRINT.over)


def page_size(paper: Paper) -> tuple[float, float]:
    return LETTER if paper is Paper.LETTER else A4


class Styles(FrozenRecord):
    title: ParagraphStyle
    subtitle: ParagraphStyle
    org: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_right: ParagraphStyle


def stylesheet(fonts: FontSet, *, rtl: bool = False) -> Styles:
    """The report's paragraph styles; ``rtl`` sets every paragraph flush right (Arabic)."""
    body = ParagraphStyle(
        "ck-body",
        fontName=fonts.regular,
        fontSize=10,
        leading=14,
        textColor=INK,
        spaceAfter=4,
        embeddedHyphenation=1,  # long words break at our soft hyphens (typeset.py), with a "-"
        alignment=TA_RIGHT if rtl else 0,
    )
    cell = ParagraphStyle("ck-cell", parent=body, fontSize=9, leading=11.5, spaceAfter=0)
    cell_head = ParagraphStyle(
        "ck-cell-head", parent=cell, fontName=fonts.bold, fontSize=8.5, leading=11, textColor=MUTED
    )
    return Styles(
        title=ParagraphStyle(
            "ck-title", parent=body, fontName=fonts.bold, fontSize=18, leading=23, spaceAfter=2
        ),
        subtitle=ParagraphStyle("ck-subtitle", parent=body, textColor=MUTED, spaceAfter=2),
        org=ParagraphStyle(
            "ck-org", parent=body, fontName=fonts.bold, fontSize=11, leading=14, textColor=ACCENT
        ),
        h2=ParagraphStyle(
            "ck-h2",
            parent=body,
            fontName=fonts.bold,
            fontSize=12.5,
            leading=16,
            spaceBefore=12,
            spaceAfter=5,
            textColor=INK,
            keepWithNext=1,
        ),
        body=body,
        small=ParagraphStyle("ck-small", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        cell=cell,
        # Numbers sit right-aligned; each variant differs from its parent in that alone.
        cell_right=ParagraphStyle("ck-cell-right", parent=cell, alignment=2),
        cell_head=cell_head,
        cell_head_right=ParagraphStyle("ck-cell-head-right", parent=cell_head, alignment=2),
    )


def numbered_canvas(
    footer: Callable[[int, int], str], font: str, fonts: FontSet | None = None
) -> type[canvas.Canvas]:
    """A canvas class that stamps ``footer(page, pages)`` on every page once all are laid out.

    With ``fonts``, a footer in a right-to-left script is shaped and set flush right."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, object]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                width, height = self._pagesize
                head = state.get(RUNNING_HEAD)
                top = state.get(PAGE_TOP_HEAD)
                if isinstance(top, tuple) and top[1] == number:  # a part that goes on here
                    _draw_running_head(self, top[0], width, height)
                elif isinstance(head, tuple) and head[1] != number:  # not on the first page
                    _draw_running_head(self, head[0], width, height)
                self.saveState()
                self.setStrokeColor(RULE)
                self.setLineWidth(0.5)
                self.line(MARGIN, FOOTER_Y + 9, width - MARGIN, FOOTER_Y + 9)
                self.setFont(font, 8)
                self.setFillColor(MUTED)
                text = footer(number, total)
                if fonts is not None and _right_to_left(text):
                    _draw_rtl_footer(self, text, fonts, width)
                else:
                    self.drawCentredString(width / 2, FOOTER_Y, text)
                self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(
    story: list[Flowable],
    *,
    paper: Paper,
    title: str,
    footer: Callable[[int, int], str],
    fonts: FontSet,
    invariant: bool,
) -> bytes:
    """Lay ``story`` out on pages and return the PDF bytes."""
    buffer = io.BytesIO()
    size = page_size(paper)
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
        title=title,
        author="CircleKeeper",
        creator="CircleKeeper",
        invariant=1 if invariant else 0,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        topPadding=FRAME_PADDING,
        bottomPadding=FRAME_PADDING,
        id="body",
        showBoundary=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=numbered_canvas(footer, fonts.regular, fonts))
    return buffer.getvalue()


def frame_width(paper: Paper) -> float:
    return page_size(paper)[0] - 2 * MARGIN


def frame_height(paper: Paper) -> float:
    """The height a page's flowables share: the frame less its top and bottom padding."""
    return page_size(paper)[1] - 2 * MARGIN - 6 * mm - 2 * FRAME_PADDING


def footer_text(generated: datetime) -> Callable[[int, int], str]:
    """The footer, worded when each page is stamped (in the language the report prints in)."""

    def footer(page: int, pages: int) -> str:
        return _("Confidential · page {page} of {pages} · generated {date}").format(
            page=format_number(page),
            pages=format_number(pages),
            date=format_date(generated, "medium"),
        )

    return footer


def _right_to_left(text: str) -> bool:
    from circlekeeper.reports.bidi_order import has_rtl

    return has_rtl(text)


RUNNING_HEAD = "ck_running_head"
"""The canvas attribute a :class:`RunningHead` sets: its lines and the page it began on."""
PAGE_TOP_HEAD = "ck_page_top_head"
"""The head of the part a page goes on with at its top, when another part begins lower on it
(its lines and that page)."""


class RunningHead(Flowable):
    """Zero-size mark at the start of a session's summary (or a period report's circle): the
    pages after its first carry ``lines`` (which circle, which day) at their top, so a page of
    a printed summary, of a combined export of many, or of a period report still says whose it
    is when it is read on its own."""

    def __init__(self, lines: list[Flowable]) -> None:
        super().__init__()
        self.lines = lines
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv, page = self.canv, self.canv.getPageNumber()
        before = getattr(canv, RUNNING_HEAD, None)
        top = getattr(canv, PAGE_TOP_HEAD, None)
        frame = getattr(getattr(canv, "_doctemplate", None), "frame", None)
        went_on_here = frame is not None and not getattr(frame, "_atTop", True)
        if (
            isinstance(before, tuple)
            and before[1] != page
            and went_on_here
            and not (isinstance(top, tuple) and top[1] == page)
        ):
            # The part before goes on at this page's top: the page is headed with it (a
            # period report's circle that began a page earlier), not with the one beginning.
            setattr(canv, PAGE_TOP_HEAD, (before[0], page))
        setattr(canv, RUNNING_HEAD, (self.lines, page))


def _draw_running_head(
    page: canvas.Canvas, lines: list[Flowable], width: float, height: float
) -> None:
    """The running head above the frame, over a rule, as the footer sits under it."""
    top = height - MARGIN + 4
    page.saveState()
    page.setStrokeColor(RULE)
    page.setLineWidth(0.5)
    page.line(MARGIN, top, width - MARGIN, top)
    page.restoreState()
    for flowable in lines[:1]:
        flowable.wrapOn(page, width - 2 * MARGIN, 20)
        flowable.drawOn(page, MARGIN, top + 3)


def _draw_rtl_footer(page: canvas.Canvas, text: str, fonts: FontSet, width: float) -> None:
    from circlekeeper.reports.typeset import Typesetter

    style = ParagraphStyle(
        "ck-footer", fontName=fonts.regular, fontSize=8, leading=10, textColor=MUTED
    )
    for flowable in Typesetter(fonts).line(text, style, width - 2 * MARGIN, rtl_base=True)[:1]:
        _, height = flowable.wrapOn(page, width - 2 * MARGIN, 20)
        flowable.drawOn(page, MARGIN, FOOTER_Y - height + 8)


def table_style(
    header_rows: int = 1,
    figures_from: int | None = None,
    total_row: bool = False,
    *,
    rtl: bool = False,
) -> TableStyle:
    """Zebra rows, a rule under the header; plain-string cells (our own figures, never user
    text) get the bundled font, and columns from ``figures_from`` on are right-aligned.

    ``rtl``: the table's columns were mirrored by the caller (the first column on the right),
    so every cell is set flush right, as a right-to-left reader expects."""
    fs = registered_fonts()
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fs.regular),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
    ]
    if header_rows:
        commands += [
            ("FONTNAME", (0, 0), (-1, header_rows - 1), fs.bold),
            ("FONTSIZE", (0, 0), (-1, header_rows - 1), 8.5),
            ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), MUTED),
        ]
    if rtl:
        commands.append(("ALIGN", (0, 0), (-1, -1), "RIGHT"))
    elif figures_from is not None:
        commands.append(("ALIGN", (figures_from, 0), (-1, -1), "RIGHT"))
    if total_row:
        commands.append(("FONTNAME", (0, -1), (-1, -1), fs.bold))
    return TableStyle(
        [
            *commands,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, MUTED),
            ("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [None, ZEBRA]),
            ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
    )
