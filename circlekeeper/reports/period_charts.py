"""The period report's small charts: attendance split into returning and first-time people,
and mood counts over time (stacked bars drawn by :class:`StackedBars`, a few canvas calls
each, since a large organization's year has hundreds of them)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors

from circlekeeper import palette
from circlekeeper.i18n import _
from circlekeeper.reports.fonts import FontSet
from circlekeeper.reports.layout import ACCENT
from circlekeeper.reports.period_flowables import StackedBar, StackedBars

FIRST_TIME = colors.HexColor(palette.FIRST_TIME)
MOOD_COLOURS = tuple(colors.HexColor(colour) for colour in palette.MOOD_SCALE)

__all__ = ["StackedBar", "attendance_split_chart", "mood_chart"]


def attendance_split_chart(
    bars: Sequence[StackedBar], width: float, fonts: FontSet, height: float = 100
) -> StackedBars:
    """People present per session (or per month, on average): returning below, first time
    above."""
    legend = [(_("returning"), ACCENT), (_("first time"), FIRST_TIME)]
    return StackedBars(bars, legend, width, fonts, height)


def mood_chart(
    bars: Sequence[StackedBar], width: float, fonts: FontSet, height: float = 90
) -> StackedBars:
    """How many people chose each mood value, per month (1 low … 5 high)."""
    legend = [
        (_("mood {value}").format(value=value), colour)
        for value, colour in enumerate(MOOD_COLOURS, start=1)
    ]
    return StackedBars(bars, legend, width, fonts, height)
