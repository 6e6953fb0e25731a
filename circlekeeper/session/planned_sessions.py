"""Sessions held against a circle's planned cadence in a period: "held 3 of 4 planned".

One pure function fills the figure for the period report's PDF, its CSV and the history's
Period tab alike (the store hands it the circle's cadence, its first and last session and the
days it met), so the three can never count differently.

What is counted, and why:

- The plan is counted from its first meeting (the cadence's start date, else the circle's first
  session): a circle that started mid-period is not expected to have met before it existed.
- An archived circle's plan ends with its last session: a circle that has closed is not
  "behind" on meetings nobody planned any more.
- *Held* counts the sessions on the days the plan covers, whatever weekday they fell on (a
  session moved to Wednesday was still held).
- With no fixed schedule, or no planned meeting inside the period, there is nothing to compare
  with: only the sessions held are given, and no judgement.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from circlekeeper.session.cadence import Cadence


@dataclass(frozen=True, slots=True)
class PlannedSessions:
    """One circle's sessions held against its plan in one period."""

    cadence: Cadence = field(default_factory=Cadence)
    held: int = 0
    """Sessions held on the days the plan covers (every day of the period without a plan)."""
    planned: int | None = None
    """Meetings the plan held in the period; ``None``: nothing to compare with."""
    anchor: date | None = None
    """The plan's first meeting (its weekday names the schedule), when there is a plan."""
    counted_from: date | None = None
    """The first day counted, when the plan began after the period's first day."""
    counted_until: date | None = None
    """The last day counted, when the plan ended (an archived circle) before the period did."""

    @property
    def compared(self) -> bool:
        """Whether there is a plan to set the sessions held against."""
        return self.planned is not None


def planned_sessions(
    cadence: Cadence,
    first_day: date,
    last_day: date,
    *,
    held_on: Iterable[date],
    first_session: date | None = None,
    closed_after: date | None = None,
    today: date | None = None,
) -> PlannedSessions:
    """The circle's figure for the days ``first_day`` … ``last_day``.

    ``held_on``: the days its sessions of the period started. ``first_session``: the day of its
    first session ever (stands in for a missing start date). ``closed_after``: for an archived
    circle, the day of its last session (the plan ends there). ``today``: meetings still to
    come are not yet planned-and-missed, so a period reaching into the future counts to here.
    """
    days = list(held_on)
    anchor = cadence.anchor(first_session)
    if anchor is None:
        return PlannedSessions(cadence, held=len(days))
    start = max(first_day, anchor)
    end = min(day for day in (last_day, closed_after, today) if day is not None)
    planned = cadence.meetings(start, end, anchor=anchor)
    if not planned:
        return PlannedSessions(cadence, held=len(days), anchor=anchor)
    return PlannedSessions(
        cadence,
        held=sum(1 for day in days if start <= day <= end),
        planned=planned,
        anchor=anchor,
        counted_from=start if start > first_day else None,
        counted_until=end if end < last_day else None,
    )
