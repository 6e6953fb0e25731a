"""The period report's figure tables: a long label never runs into the figure beside it."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from circlekeeper.reports.figure_rows import FigureRows
from circlekeeper.reports.fonts import fonts

GERMAN = "Stunden gegenseitiger Unterstützung (Dauer × Anwesende)"


def test_a_long_label_gets_room_and_the_figures_keep_theirs() -> None:
    font_set = fonts()
    rows = [
        ["", "Dieser Zeitraum", "Vorheriger Zeitraum", "Veränderung"],
        [GERMAN, "1,0", "0", "neu"],
    ]
    table = FigureRows(rows, [240.0, 120.0, 120.0, 80.0], font_set, size=9)
    label_room = table.widths[0] - 4
    assert stringWidth(GERMAN, font_set.regular, 9) <= label_room
    assert table.widths[0] > 240.0  # it took room the figures did not need
    assert abs(sum(table.widths) - 560.0) < 0.01  # the table keeps its width
    for column in (1, 2, 3):  # each figure and heading still fits its column
        for row in rows:
            font = font_set.bold if row is rows[0] else font_set.regular
            assert stringWidth(row[column], font, 9) + 4 <= table.widths[column]


def test_short_labels_leave_the_columns_as_given() -> None:
    table = FigureRows([["", "Now"], ["People", "3"]], [200.0, 100.0], fonts(), size=9)
    assert table.widths == [200.0, 100.0]


def test_a_label_too_long_for_its_room_wraps_at_a_space_and_its_figures_stay_on_line_one() -> None:
    font_set = fonts()
    rows = [
        ["", "Dieser Zeitraum", "Vorher"],
        [GERMAN, "1.234,5 Std.", "0,1 Std."],
        ["Kurz", "1", "2"],
    ]
    table = FigureRows(rows, [150.0, 100.0, 60.0], font_set, size=9)
    label = table.lines[1][0]
    assert len(label) >= 2, "too long for one line of its column"
    assert " ".join(label) == GERMAN and not any("…" in line for line in label)
    for line in label:
        assert stringWidth(line, font_set.regular, 9) <= table.widths[0] - 8
    assert table.lines[1][1:] == [["1.234,5 Std."], ["0,1 Std."]], "figures never wrap"
    assert table.heights[1] == table.heights[2] + (len(label) - 1) * table.leading
    assert table.height == sum(table.heights) + 2


def test_a_single_word_wider_than_its_column_is_cut_with_an_ellipsis() -> None:
    from circlekeeper.reports.figure_rows import label_lines

    font = fonts().regular
    lines = label_lines("Donaudampfschifffahrtsgesellschaft tagt", font, 9, 80.0)
    assert lines[0].endswith("…") and lines[0].startswith("Donau") and lines[1] == "tagt"
    assert stringWidth(lines[0], font, 9) <= 80.0


def test_a_heading_and_its_table_move_to_the_next_page_together() -> None:
    """A circle's heading is never left alone at the foot of a page: the group starts the
    next page; a group taller than a whole page still prints, part by part."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from circlekeeper.reports.period_flowables import KeptTogether
    from tests.reports.conftest import pdf_pages

    font_set = fonts()
    styles = getSampleStyleSheet()
    rows = [["", "Now"], *[[f"Figure {n}", str(n)] for n in range(8)]]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4)
    tall = [Paragraph(f"Line {n}", styles["Normal"]) for n in range(80)]
    doc.build(
        [
            Spacer(1, doc.height - 60),
            KeptTogether(
                [
                    Paragraph("Tuesday circle", styles["Heading2"]),
                    FigureRows(rows, [200.0, 80.0], font_set),
                ]
            ),
            KeptTogether(tall),
        ]
    )
    pages = pdf_pages(out.getvalue())
    assert "Tuesday circle" not in pages[0]
    assert "Tuesday circle" in pages[1] and "Figure 7" in pages[1]
    assert "Line 0" in "".join(pages) and "Line 79" in pages[-1]


def test_remembered_text_writes_the_same_pdf_as_reportlab_across_font_subsets() -> None:
    """Strings are encoded once per document; with more than 256 different characters the
    font has a second subset, and switching back and forth must still name the right one,
    so the page is byte for byte what reportlab's own text object writes."""
    import io

    from reportlab.pdfgen.canvas import Canvas
    from reportlab.pdfgen.textobject import PDFTextObject

    from circlekeeper.reports.period_flowables import RememberedText
    from tests.reports.conftest import pdf_text

    font_set = fonts()
    many = "".join(chr(c) for c in range(0x0400, 0x0460)) + "".join(
        chr(c) for c in range(0x0100, 0x0200)
    )
    strings = ["Sessions held", many, "Sessions held", "0.94", many[::-1], "0.94", many]

    def page(text_object: type[PDFTextObject]) -> bytes:
        out = io.BytesIO()
        canvas = Canvas(out, invariant=1)
        for round_ in range(2):
            text = text_object(canvas)
            text.setFont(font_set.regular, 8)
            for number, value in enumerate(strings):
                text.setTextOrigin(20, 800 - 12 * (number + round_ * len(strings)))
                text.textOut(value)
            canvas.drawText(text)
        canvas.save()
        return out.getvalue()

    remembered = page(RememberedText)
    assert remembered == page(PDFTextObject)
    assert "".join(pdf_text(remembered).split()).count("Sessionsheld") == 4
