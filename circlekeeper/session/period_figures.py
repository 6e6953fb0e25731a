"""What the period figures hand out: a period, its reach and each circle's figures.

Plain frozen dataclasses (the store's ``history/reach.py`` fills them; the PDF, the CSV and the
history view read them), kept in the pure domain so the renderers need no database to import
them and a test can build them by hand. The ratios are properties over stored counts, so
"returning rate" or "pass rate" mean one thing wherever they are printed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import N_, _
from circlekeeper.session.planned_sessions import PlannedSessions


class InvalidPeriod(UserFacingError):
    """A period whose last day comes before its first."""


@dataclass(frozen=True, slots=True)
class PeriodScope:
    """Calendar days ``first_day`` … ``last_day`` (both included, UTC), one circle or all."""

    first_day: date
    last_day: date
    circle_id: int | None = None

    def __post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise InvalidPeriod(
                _(
                    "The period ends on {last}, before it starts on {first}; give the earlier"
                    " date first."
                ).format(last=self.last_day, first=self.first_day)
            )

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    @property
    def low(self) -> datetime:
        """The first instant of the period (inclusive)."""
        return datetime.combine(self.first_day, time.min, tzinfo=UTC)

    @property
    def high(self) -> datetime:
        """The first instant after the period (exclusive)."""
        return datetime.combine(self.last_day + timedelta(days=1), time.min, tzinfo=UTC)

    def previous(self) -> PeriodScope:
        """The period of the same length that ends the day before this one starts."""
        last = self.first_day - timedelta(days=1)
        return PeriodScope(last - timedelta(days=self.days - 1), last, self.circle_id)


@dataclass(frozen=True, slots=True)
class Reach:
    """How much a circle (or the organization) offered and to how many people in a period.

    *Newcomers* came for the first time ever (to this circle, or to any circle for the
    organization) in the period. *Returned*: people reached who came back at least once after
    their first visit, so everyone who was already known before the period, plus newcomers
    who came a second time.
    """

    sessions: int = 0
    attendances: int = 0
    """People present, summed over sessions (a person at 3 sessions counts 3)."""
    circle_seconds: float = 0.0
    person_seconds: float = 0.0
    """Hours of peer support offered: each session's length times the people present."""
    fairness_total: float = 0.0
    fairness_sessions: int = 0
    people: int = 0
    newcomers: int = 0
    returned: int = 0
    newcomers_returned: int = 0
    person_attendances: int = 0
    """Attendances of known people (the base of frequency and pass rate)."""
    attendances_with_pass: int = 0
    visits: tuple[tuple[int, int], ...] = ()
    """(sessions attended in the period, how many people attended that many), fewest first."""

    @property
    def hours(self) -> float:
        return self.person_seconds / 3600

    @property
    def circle_hours(self) -> float:
        return self.circle_seconds / 3600

    @property
    def average_present(self) -> float | None:
        return self.attendances / self.sessions if self.sessions else None

    @property
    def average_seconds(self) -> float | None:
        return self.circle_seconds / self.sessions if self.sessions else None

    @property
    def average_fairness(self) -> float | None:
        return self.fairness_total / self.fairness_sessions if self.fairness_sessions else None

    @property
    def returning_rate(self) -> float | None:
        return self.returned / self.people if self.people else None

    @property
    def frequency(self) -> float | None:
        """Sessions attended per person reached."""
        return self.person_attendances / self.people if self.people else None

    @property
    def pass_rate(self) -> float | None:
        """Share of attendances in which the person used their right to pass at least once."""
        if not self.person_attendances:
            return None
        return self.attendances_with_pass / self.person_attendances

    def came(self, low: int, high: int | None = None) -> int:
        """How many people attended between ``low`` and ``high`` sessions (inclusive)."""
        top = high if high is not None else max((times for times, _ in self.visits), default=0)
        return sum(n for times, n in self.visits if low <= times <= top)


@dataclass(frozen=True, slots=True)
class SessionLine:
    """One finished session of the period, as the appendix and the charts use it."""

    session_id: int
    circle_id: int
    circle_name: str
    started_at: datetime
    timezone: str
    present: int
    first_timers: int
    """People present for the first time ever in this circle."""
    duration_seconds: float
    fairness: float | None
    facilitators: tuple[str, ...]

    @property
    def returning(self) -> int:
        return max(0, self.present - self.first_timers)


@dataclass(frozen=True, slots=True)
class MoodMonth:
    """Mood counts (value 1–5 → how many chose it) summed over a calendar month (UTC)."""

    month: date
    moment: str
    counts: tuple[tuple[int, int], ...]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


@dataclass(frozen=True, slots=True)
class Trend:
    """Average attendance in the period's first half against its second half."""

    first_half: float | None
    second_half: float | None

    @property
    def change(self) -> float | None:
        if not self.first_half or self.second_half is None:
            return None
        return (self.second_half - self.first_half) / self.first_half

    @property
    def words(self) -> str:
        """The trend in English, marked for translation: print it through ``_()``."""
        change = self.change
        if change is None:
            return N_("too few sessions to tell")
        if change >= 0.1:
            return N_("rising")
        if change <= -0.1:
            return N_("falling")
        return N_("steady")


@dataclass(frozen=True, slots=True)
class CirclePeriod:
    """One circle in the period, and the same figures for the previous period."""

    circle_id: int
    name: str
    privacy: str
    current: Reach
    previous: Reach
    trend: Trend
    prompts_used: int
    top_prompts: tuple[tuple[str, int], ...]
    moods: tuple[MoodMonth, ...]
    facilitators: tuple[tuple[str, int], ...]
    """(facilitator, sessions they facilitated), alphabetical: a count, never a ranking."""
    plan: PlannedSessions = field(default_factory=PlannedSessions)
    """Sessions held in the period against the circle's planned cadence."""


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    """Everything the period report, its CSV and the history view show."""

    scope: PeriodScope
    circle_name: str | None
    """The circle's name when the scope is one circle, else ``None`` (all circles)."""
    current: Reach
    previous: Reach
    circles: tuple[CirclePeriod, ...]
    sessions: tuple[SessionLine, ...]
    facilitators: tuple[tuple[str, int], ...]
    prompts_used: int
    computed_seconds: float = 0.0

    @property
    def previous_scope(self) -> PeriodScope:
        return self.scope.previous()

    def sessions_of(self, circle_id: int) -> tuple[SessionLine, ...]:
        return tuple(s for s in self.sessions if s.circle_id == circle_id)

    def sessions_by_circle(self) -> dict[int, tuple[SessionLine, ...]]:
        """Each circle's sessions, oldest first, in one pass (a circle at a time would read
        every session once per circle: hundreds of circles × tens of thousands of sessions)."""
        return group_by_circle(self.sessions)


def group_by_circle(lines: Iterable[SessionLine]) -> dict[int, tuple[SessionLine, ...]]:
    """Sessions grouped by circle, each group in the order given."""
    groups: dict[int, list[SessionLine]] = {}
    for line in lines:
        groups.setdefault(line.circle_id, []).append(line)
    return {circle_id: tuple(group) for circle_id, group in groups.items()}


@dataclass(frozen=True, slots=True)
class GridPerson:
    name: str
    marks: tuple[str, ...]
    """One mark per session of the grid: ``""`` absent, ``"●"`` present, ``"L"`` arrived late,
    ``"E"`` left early, ``"P"`` passed (combined, say ``"LP"``)."""


@dataclass(frozen=True, slots=True)
class AttendanceGrid:
    """Who came to which session of one circle in the period (only printed when the circle's
    privacy level allows names or initials)."""

    circle_id: int
    sessions: tuple[datetime, ...]
    people: tuple[GridPerson, ...] = field(default_factory=tuple)
