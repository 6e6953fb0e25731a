"""The large painted timer ring a room reads from across the circle.

A phase is never carried by colour alone: *nearing end* turns the arc into short dashes and says
so in words; *over time* closes the ring, adds an inner dotted ring, prefixes the time with “+”
and says “over time”. The ring only paints what it is given; the controller owns time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from circlekeeper.i18n import N_, _
from circlekeeper.i18n.formats import format_clock, plus_sign
from circlekeeper.session.model import Phase, format_duration
from circlekeeper.ui import theme
from circlekeeper.ui.live.cue_style import CueStyle

if TYPE_CHECKING:
    from circlekeeper.session.state import TurnView


@dataclass(frozen=True, slots=True)
class RingColours:
    track: QColor
    normal: QColor
    nearing: QColor
    over: QColor
    paused: QColor
    text: QColor


def ring_colours(colours: theme.Palette) -> RingColours:
    return RingColours(
        track=QColor(colours.track),
        normal=QColor(colours.accent),
        nearing=QColor(colours.nearing),
        over=QColor(colours.over),
        paused=QColor(colours.paused),
        text=QColor(colours.ink),
    )


LIGHT = ring_colours(theme.LIGHT)
DARK = ring_colours(theme.DARK)

PHASE_WORDS = {
    # Translators: the ring's captions (these three and "waiting to start", "paused", "no time
    # limit") stand under the time inside the timer ring, about 70 px wide on a small laptop,
    # and a running phase is shown in capitals: a word or two, or the end is cut off.
    Phase.NORMAL: N_("remaining"),
    Phase.NEARING_END: N_("nearing end"),
    Phase.OVER_TIME: N_("over time"),
}


def phase_caption(view: TurnView | None, cue: CueStyle = CueStyle.FULL) -> str:
    """The words under the time; also what the ring's accessible description says."""
    if view is None:
        # Translators: before the turn begins; see the ring's captions above.
        return _("waiting to start")
    if not view.running:
        return _("paused")
    if view.allotted is None:
        # Translators: an open turn (its time counts up); see the ring's captions above.
        return _("no time limit")
    if cue is CueStyle.NEUTRAL:
        return _("over") if view.phase is Phase.OVER_TIME else _("remaining")
    return _(PHASE_WORDS[view.phase])


def time_text(view: TurnView | None, upcoming: float | None = None) -> str:
    """“2:35” remaining, “+0:15” over, the count-up time for an open turn."""
    if view is None:
        return format_duration(upcoming) if upcoming is not None else "–:––"
    if view.allotted is None:
        return format_duration(view.spoken)
    if view.phase is Phase.OVER_TIME:
        # The locale's plus sign, which keeps to the number's left in Arabic too (bare, it
        # was thrown to its right: "0:16+"), as every signed figure of the app is written.
        return plus_sign() + format_clock(view.over)
    return format_duration(view.remaining or 0.0)


MINIMUM_SIDE = 104
"""Small enough that the live screen (two-line speaker, notes, passers' room, and the offer
to shorten a plan running over) fits 1024×600; the ring is larger whenever there is room."""
CAPTION_SMALLEST = 8
"""Pixels the caption under the time may shrink to before it is shortened with "…"."""


def caption_width(side: float) -> float:
    """How wide the words under the time may be in a ring ``side`` pixels across."""
    return side - 2 * ring_thickness(side) - side * 0.2


def ring_thickness(side: float) -> float:
    return max(8.0, side * 0.07)


class TimerRing(QWidget):
    """Paints one turn: an arc for the time left, the time in large figures, the phase in words."""

    def __init__(self, cue: CueStyle = CueStyle.FULL, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: TurnView | None = None
        self._upcoming: float | None = None
        self._cue = cue
        self._dark: bool | None = None
        """``None``: follow the palette, so a dark desktop theme gets the dark ring."""
        self.setAccessibleName(_("Speaking timer"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(MINIMUM_SIDE, MINIMUM_SIDE)
        self._describe()

    # ------------------------------------------------------------------ state

    @property
    def cue(self) -> CueStyle:
        return self._cue

    def set_cue(self, cue: CueStyle) -> None:
        self._cue = cue
        self._describe()
        self.update()

    def set_dark(self, dark: bool | None) -> None:
        self._dark = dark
        self.update()

    def colours(self) -> RingColours:
        dark = self._dark
        if dark is None:
            dark = theme.is_dark(self.palette())
        return DARK if dark else LIGHT

    def set_view(self, view: TurnView | None, upcoming: float | None = None) -> None:
        """Show one instant; ``upcoming`` is the next speaker's allotment while nobody speaks."""
        changed_words = phase_caption(view, self._cue) != phase_caption(self._view, self._cue)
        self._view = view
        self._upcoming = upcoming
        if changed_words:
            # Screen readers hear phase changes, not every second: only the caption is in the
            # accessible description, and it changes only with the phase.
            self._describe()
        self.update()

    def caption(self) -> str:
        return phase_caption(self._view, self._cue)

    def text(self) -> str:
        return time_text(self._view, self._upcoming)

    def sizeHint(self) -> QSize:
        return QSize(360, 360)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def time_area(self) -> QRect:
        """Where the turn's time is drawn (a dialog beside the circle must leave it visible)."""
        side = min(self.width(), self.height())
        return QRect(
            int((self.width() - side) / 2 + side * 0.15),
            int(self.height() / 2 - side * 0.16),
            int(side * 0.7),
            int(side * 0.24),
        )

    # --------------------------------------------------------------- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        colours = self.colours()
        side = min(self.width(), self.height())
        thickness = ring_thickness(side)
        rect = QRectF(
            (self.width() - side) / 2 + thickness,
            (self.height() - side) / 2 + thickness,
            side - 2 * thickness,
            side - 2 * thickness,
        )
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_track(painter, rect, thickness, colours)
        self._paint_arc(painter, rect, thickness, colours)
        self._paint_text(painter, rect, side, colours)
        painter.end()

    def _accent(self, colours: RingColours) -> QColor:
        view = self._view
        if view is None or not view.running:
            return colours.paused
        if self._cue is not CueStyle.FULL:
            return colours.normal
        return {
            Phase.NORMAL: colours.normal,
            Phase.NEARING_END: colours.nearing,
            Phase.OVER_TIME: colours.over,
        }[view.phase]

    def _paint_track(
        self, painter: QPainter, rect: QRectF, thickness: float, colours: RingColours
    ) -> None:
        pen = QPen(colours.track, thickness)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawEllipse(rect)

    def _paint_arc(
        self, painter: QPainter, rect: QRectF, thickness: float, colours: RingColours
    ) -> None:
        view = self._view
        accent = self._accent(colours)
        full = self._cue is CueStyle.FULL
        if view is None:
            fraction_left = 1.0 if self._upcoming is not None else 0.0
        elif view.allotted is None:
            fraction_left = 1.0
        elif view.allotted <= 0:
            fraction_left = 0.0
        else:
            fraction_left = max(0.0, 1.0 - view.spoken / view.allotted)
        over = view is not None and view.phase is Phase.OVER_TIME

        pen = QPen(accent, thickness)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap if full else Qt.PenCapStyle.RoundCap)
        if full and view is not None and view.phase is Phase.NEARING_END:
            # Shape cue for nearing end: short dashes instead of a solid band.
            pen.setDashPattern([0.6, 0.35])
        painter.setPen(pen)
        if over and self._cue is not CueStyle.NEUTRAL:
            painter.drawEllipse(rect)
            if full:
                inner = QPen(accent, max(2.0, thickness * 0.18))
                inner.setStyle(Qt.PenStyle.DotLine)
                painter.setPen(inner)
                gap = thickness * 1.1
                painter.drawEllipse(rect.adjusted(gap, gap, -gap, -gap))
        elif fraction_left > 0:
            span = int(-360 * 16 * fraction_left)
            painter.drawArc(rect, 90 * 16, span)

    def _paint_text(
        self, painter: QPainter, rect: QRectF, side: float, colours: RingColours
    ) -> None:
        base = QFont(self.font())
        big = QFont(base)
        big.setPixelSize(max(14, int(side * 0.2)))
        big.setWeight(QFont.Weight.DemiBold)
        big.setFeature(QFont.Tag("tnum"), 1)  # tabular figures: the time does not jitter
        small = QFont(base)
        small.setPixelSize(max(10, int(side * 0.06)))

        painter.setPen(colours.text)
        painter.setFont(big)
        time_rect = QRectF(rect.left(), rect.center().y() - side * 0.16, rect.width(), side * 0.24)
        painter.drawText(time_rect, Qt.AlignmentFlag.AlignCenter, self.text())

        caption = self.caption()
        if self._cue is CueStyle.FULL and self._view is not None and self._view.running:
            painter.setPen(self._accent(colours))
            caption = caption.upper() if self._view.phase is not Phase.NORMAL else caption
        else:
            painter.setPen(colours.text)
        caption_rect = QRectF(
            rect.left() + side * 0.1,
            rect.center().y() + side * 0.1,
            caption_width(side),
            side * 0.1,
        )
        # A small ring (1024×600) and a long language ("wartet auf den Start"): the caption
        # takes a smaller size rather than losing its ends to the ring.
        while (
            small.pixelSize() > CAPTION_SMALLEST
            and QFontMetricsF(small).horizontalAdvance(caption) > caption_rect.width()
        ):
            small.setPixelSize(small.pixelSize() - 1)
        caption = QFontMetricsF(small).elidedText(
            caption, Qt.TextElideMode.ElideRight, caption_rect.width()
        )
        painter.setFont(small)
        painter.drawText(caption_rect, Qt.AlignmentFlag.AlignCenter, caption)

    def _describe(self) -> None:
        self.setAccessibleDescription(self.caption())
