"""A circle's planned cadence: how often it means to meet, and how many meetings that plans
for a span of days.

Kept as pure date arithmetic (no query per session, no calendar library) so the period report
can set "held 3 of 4 planned" beside hundreds of circles for the price of a few additions.

The first planned meeting (``Cadence.since``, or the circle's first session when no date is
given) fixes everything else: weekly and fortnightly meetings fall on its weekday, 7 or 14 days
apart. *Monthly* means what facilitators of peer-support circles almost always mean by it: the
same weekday of the month ("the second Tuesday"), not the same date (a date drifts across the
week, and a group that meets on evenings keeps its weekday). A first meeting in the fifth
week of a month (day 29–31) means "the last Tuesday", since not every month has a fifth.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from enum import StrEnum

from circlekeeper.i18n import N_, _
from circlekeeper.session.frozen import FrozenRecord

LAST = 5
"""The week of the month for "the last Tuesday" (a first meeting on day 29 or later)."""


class CadenceKind(StrEnum):
    """How often a circle plans to meet (the stored value is the enum's value)."""

    NONE = "none"
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"

    @property
    def label(self) -> str:
        """The choice as the circle editor lists it."""
        return _(KIND_LABELS[self])


KIND_LABELS = {
    CadenceKind.NONE: N_("No fixed schedule"),
    CadenceKind.WEEKLY: N_("Every week"),
    CadenceKind.FORTNIGHTLY: N_("Every two weeks"),
    CadenceKind.MONTHLY: N_("Once a month"),
}
STEP_DAYS = {CadenceKind.WEEKLY: 7, CadenceKind.FORTNIGHTLY: 14}
MONTHLY_WORDS = {
    # Translators: {weekday} is a day of the week as the calendar names it ("Tuesday").
    1: N_("On the first {weekday} of each month"),
    2: N_("On the second {weekday} of each month"),
    3: N_("On the third {weekday} of each month"),
    4: N_("On the fourth {weekday} of each month"),
    LAST: N_("On the last {weekday} of each month"),
}


class InvalidCadence(ValueError):
    """A stored cadence this version does not know (written by a newer CircleKeeper)."""


class Cadence(FrozenRecord):
    """How often a circle plans to meet, and (optionally) from which first meeting."""

    kind: CadenceKind = CadenceKind.NONE
    since: date | None = None
    """The first planned meeting. ``None``: the circle's first session stands in for it."""

    @classmethod
    def parse(cls, kind: str, since: date | None = None) -> Cadence:
        """A stored cadence; raises :class:`InvalidCadence` for a kind this version lacks."""
        try:
            return cls(CadenceKind(kind), since)
        except ValueError as error:
            raise InvalidCadence(kind) from error

    @property
    def is_planned(self) -> bool:
        return self.kind is not CadenceKind.NONE

    def anchor(self, first_session: date | None) -> date | None:
        """The first planned meeting: the given start date, else the circle's first session."""
        if not self.is_planned:
            return None
        return self.since or first_session

    def meetings(self, first: date, last: date, *, anchor: date) -> int:
        """How many meetings the plan holds on days ``first`` … ``last`` (both included),
        none before its first meeting ``anchor``."""
        first = max(first, anchor)
        if last < first or not self.is_planned:
            return 0
        step = STEP_DAYS.get(self.kind)
        if step is not None:
            behind = (first - anchor).days
            start = anchor + timedelta(days=-(-behind // step) * step)
            return 0 if start > last else (last - start).days // step + 1
        return sum(1 for day in _monthly_days(anchor, first, last) if first <= day <= last)

    def describe(
        self,
        anchor: date | None,
        weekday: Callable[[date], str],
        *,
        start: Callable[[date], str] | None = None,
    ) -> str:
        """``Every week on Tuesday`` / ``On the second Tuesday of each month`` / ``No fixed
        schedule``; ``weekday(day)`` names a day's weekday in the reader's language (the pure
        core has no calendar names of its own: the caller passes Babel's). With ``start`` (a
        date formatter) a given start date is added: ``Every week on Tuesday, from 3 March
        2026``."""
        words = self._pattern(anchor, weekday)
        if start is None or self.since is None or not self.is_planned:
            return words
        # Translators: a circle's schedule ("Every week on Tuesday") and its first meeting.
        return _("{schedule}, from {day}").format(schedule=words, day=start(self.since))

    def _pattern(self, anchor: date | None, weekday: Callable[[date], str]) -> str:
        if anchor is None or not self.is_planned:
            return self.kind.label
        name = weekday(anchor)
        if self.kind is CadenceKind.WEEKLY:
            # Translators: {weekday} is a day of the week ("Tuesday").
            return _("Every week on {weekday}").format(weekday=name)
        if self.kind is CadenceKind.FORTNIGHTLY:
            # Translators: {weekday} is a day of the week ("Tuesday").
            return _("Every two weeks on {weekday}").format(weekday=name)
        return _(MONTHLY_WORDS[week_of_month(anchor)]).format(weekday=name)


def week_of_month(day: date) -> int:
    """1 for the first seven days of a month … 4; ``LAST`` from day 29 on."""
    return min(LAST, (day.day - 1) // 7 + 1)


def monthly_day(year: int, month: int, weekday: int, week: int) -> date:
    """The ``week``-th ``weekday`` (Monday 0) of a month; ``LAST``: the month's last one."""
    if week == LAST:
        import calendar  # counting meetings, not the window's first paint, needs it

        end = date(year, month, calendar.monthrange(year, month)[1])
        return end - timedelta(days=(end.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (week - 1))


def _monthly_days(anchor: date, first: date, last: date) -> list[date]:
    """The monthly meeting days of every month from ``first``'s to ``last``'s."""
    week, weekday = week_of_month(anchor), anchor.weekday()
    index, end = first.year * 12 + first.month - 1, last.year * 12 + last.month - 1
    return [monthly_day(i // 12, i % 12 + 1, weekday, week) for i in range(index, end + 1)]
