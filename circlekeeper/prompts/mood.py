"""The optional, anonymous 1–5 mood count at check-in and check-out.

People hold up fingers or tick a card; the facilitator enters only *how many* chose each value,
never who. Counts are validated here (values 1–5, whole numbers, not more than the people
present when that is known), saved through a :class:`MoodRepository`, and read back as a plain
trend a chart or a PDF can draw.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _, ngettext
from circlekeeper.prompts.repository import MoodRepository
from circlekeeper.session.prompts import MoodCounts

VALUES = (1, 2, 3, 4, 5)


class MoodMoment(StrEnum):
    CHECK_IN = "check-in"
    CHECK_OUT = "check-out"


class MoodCountsInvalid(UserFacingError):
    """Counts that cannot be right (negative, a value outside 1–5, more than are present)."""


@dataclass(frozen=True, slots=True)
class MoodPoint:
    """One session on the trend: its check-in and check-out counts (either may be missing)."""

    when: datetime
    check_in: MoodCounts | None
    check_out: MoodCounts | None

    @property
    def shift(self) -> float | None:
        """Average at check-out minus average at check-in, when both were taken."""
        if self.check_in is None or self.check_out is None:
            return None
        before, after = self.check_in.average, self.check_out.average
        if before is None or after is None:
            return None
        return after - before


def make_counts(
    moment: MoodMoment | str, counts: Mapping[int, object], *, present: int | None = None
) -> MoodCounts:
    """Validated :class:`MoodCounts` with all five values present (zeros included).

    The counts are typed ``object``: they come from a dialog or a file and are checked here.
    """
    moment = MoodMoment(moment)
    clean: dict[int, int] = {}
    for value, n in counts.items():
        if value not in VALUES:
            raise MoodCountsInvalid(
                _("A mood value must be 1 to 5, not {value}.").format(value=repr(value))
            )
        if not isinstance(n, int) or isinstance(n, bool) or n < 0:
            raise MoodCountsInvalid(
                _("The count for {value} must be a whole number, 0 or more.").format(value=value)
            )
        clean[value] = n
    result = MoodCounts(moment.value, {v: clean.get(v, 0) for v in VALUES})
    if present is not None and result.total > present:
        raise MoodCountsInvalid(
            ngettext(
                "The counts add up to {total}, but {count} person is present; please check them.",
                "The counts add up to {total}, but {count} people are present; please check them.",
                present,
            ).format(total=result.total, count=present)
        )
    return result


class MoodService:
    def __init__(self, repository: MoodRepository) -> None:
        self._repository = repository

    def record(
        self,
        session_id: int,
        moment: MoodMoment | str,
        counts: Mapping[int, int],
        *,
        present: int | None = None,
    ) -> MoodCounts | None:
        """Save the counts for one moment (replacing earlier ones). All zeros saves nothing:
        the circle simply did not do a mood count."""
        result = make_counts(moment, counts, present=present)
        if result.total == 0:
            return None
        self._repository.save(session_id, result)
        return result

    def for_session(self, session_id: int) -> dict[MoodMoment, MoodCounts]:
        return {MoodMoment(c.moment): c for c in self._repository.for_session(session_id)}

    def trend(self, circle_id: int) -> list[MoodPoint]:
        """One point per session that has a count, oldest first."""
        by_session: dict[datetime, dict[str, MoodCounts]] = {}
        for when, counts in self._repository.for_circle(circle_id):
            by_session.setdefault(when, {})[counts.moment] = counts
        return [
            MoodPoint(
                when,
                moments.get(MoodMoment.CHECK_IN.value),
                moments.get(MoodMoment.CHECK_OUT.value),
            )
            for when, moments in sorted(by_session.items())
        ]
