"""A heading printed with the first rows of its table, never alone at a page's foot.

The period report's attendance grid is a long table under a heading and a legend. A heading
keeps with the next flowable only (reportlab's ``keepWithNext``), so "Attendance" and its legend
printed at the foot of a page with the grid's first row overleaf. Moving the whole group to the
next page would leave most of a page blank before a grid of forty people; this splits the table
where the page ends, provided the heading has a few of its rows under it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Table

from circlekeeper.reports.period_flowables import KeptTogether

LEAST_ROWS = 3
"""Rows under the heading before a page may end (fewer in a table that has fewer)."""
_SLACK = 1.0


class HeadedTable(Flowable):
    """``lead`` (a heading, a legend) over ``table``, as one group that splits only below
    the table's first rows."""

    def __init__(self, lead: Sequence[Flowable], table: Table) -> None:
        super().__init__()
        self.lead = list(lead)
        self.table = table
        self._group = KeptTogether([*self.lead, table])

    def getSpaceBefore(self) -> float:
        return self._group.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self._group.getSpaceAfter()

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        canv = getattr(self, "canv", None)
        if canv is not None:
            self._group.canv = canv
        self.width, self.height = self._group.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        self._group.drawOn(self.canv, 0, 0)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        at_top = frame is None or bool(getattr(frame, "_atTop", False))
        lead = KeptTogether(self.lead)
        _w, lead_height = lead.wrap(available_width, available_height)
        gap = max(self.lead[-1].getSpaceAfter(), self.table.getSpaceBefore()) if self.lead else 0
        room = available_height - lead_height - gap - _SLACK
        head = int(getattr(self.table, "repeatRows", 0) or 0)
        rows = len(self.table._cellvalues) - head  # (reportlab keeps no public count)
        pieces = self.table.split(available_width, room) if room > 0 else []
        if len(pieces) == 2 and len(pieces[0]._cellvalues) - head >= min(LEAST_ROWS, rows):
            return [*self.lead, *pieces]
        return [*self.lead, self.table] if at_top else []
