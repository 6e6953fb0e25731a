"""What the history queries hand out: frozen dataclasses, never ORM rows.

Kept apart from the queries so widgets (and their tests) can import the shapes without caring
how they are fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from circlekeeper.session.cadence import Cadence
from circlekeeper.session.model import RoundPlan
from circlekeeper.session.prompts import MoodCounts, PromptUse
from circlekeeper.session.summary import SessionSummary


class SessionSort(StrEnum):
    """Columns the history table can be sorted by."""

    STARTED = "started"
    CIRCLE = "circle"
    PRESENT = "present"
    DURATION = "duration"
    FAIRNESS = "fairness"
    STATUS = "status"


@dataclass(frozen=True, slots=True)
class SessionFilter:
    """Which sessions to list. ``since`` is inclusive, ``until`` exclusive (both UTC-aware).

    ``text`` is matched, case-insensitively, inside the prompts and the shareable summary.
    """

    circle_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    person_id: int | None = None
    status: str | None = None
    text: str = ""
    hidden: frozenset[int] = frozenset()
    """Sessions left out whatever they match: deleted in the window, the deletion not yet
    carried out (it can still be undone), so the list and its count leave them out."""


@dataclass(frozen=True, slots=True)
class SessionOrder:
    key: SessionSort = SessionSort.STARTED
    descending: bool = True


@dataclass(frozen=True, slots=True)
class PageCursor:
    """Where the next page starts (keyset paging): the last row's sort value and id."""

    value: object
    session_id: int


@dataclass(frozen=True, slots=True)
class SessionListing:
    """One line of the history table."""

    session_id: int
    circle_id: int
    circle_name: str
    started_at: datetime
    ended_at: datetime | None
    timezone: str
    facilitators: tuple[str, ...]
    status: str
    present_count: int | None
    duration_seconds: float | None
    fairness: float | None
    circle_demo: bool = False
    """The circle is one the demo data made."""
    named_facilitators: tuple[str, ...] = ()
    """The names typed in the start dialog, when ``facilitators`` is who ran the session
    (their login role on a server) and the names say something else."""


@dataclass(frozen=True, slots=True)
class SessionPage:
    rows: tuple[SessionListing, ...]
    next_cursor: PageCursor | None
    """``None`` when this page is the last one."""
    total: int | None = None
    """How many sessions match the filter (only computed when asked for)."""


@dataclass(frozen=True, slots=True)
class SessionDetail:
    """Everything the session detail shows: the listing, the summary of its log and extras."""

    listing: SessionListing
    summary: SessionSummary
    co_facilitators: tuple[str, ...]
    plan: tuple[RoundPlan, ...]
    prompts: tuple[PromptUse, ...]
    moods: tuple[MoodCounts, ...]
    shareable: str
    events: int
    last_heard: datetime | None = None
    """A live session whose app has gone quiet (no heartbeat for a while): its last sign of
    life, which the turn still running is timed to. ``None`` while it is running or over."""


@dataclass(frozen=True, slots=True)
class PersonSessionPoint:
    """One session a person attended, with their share of the speaking time."""

    session_id: int
    circle_id: int
    started_at: datetime
    spoken_seconds: float
    equal_share: float
    passes: int
    joined_late: bool
    left_early: bool

    @property
    def share_ratio(self) -> float | None:
        """Spoken time over the equal share (1.0 = exactly an equal share)."""
        if not self.equal_share:
            return None
        return self.spoken_seconds / self.equal_share


@dataclass(frozen=True, slots=True)
class CircleAttendance:
    """A person's attendance in one circle: streaks and gaps counted in that circle's sessions."""

    circle_id: int
    circle_name: str
    held: int
    attended: int
    longest_streak: int
    current_streak: int
    longest_gap: int
    current_gap: int
    last_attended: datetime | None


@dataclass(frozen=True, slots=True)
class PersonHistory:
    person_id: int
    name: str
    pronouns: str
    archived: bool
    sessions_attended: int
    total_spoken_seconds: float
    average_share: float | None
    """Mean of spoken / equal share over sessions with an equal share (1.0 = equal)."""
    passes: int
    late: int
    left_early: int
    points: tuple[PersonSessionPoint, ...]
    circles: tuple[CircleAttendance, ...]


@dataclass(frozen=True, slots=True)
class CircleSessionPoint:
    session_id: int
    started_at: datetime
    present_count: int | None
    fairness: float | None
    duration_seconds: float | None
    mood_check_in: float | None = None
    mood_check_out: float | None = None


@dataclass(frozen=True, slots=True)
class MonthFigure:
    """A calendar month (UTC) of a circle: the chart points once there are many sessions."""

    month: date
    sessions: int
    average_present: float | None
    average_fairness: float | None
    mood_check_in: float | None
    mood_check_out: float | None


@dataclass(frozen=True, slots=True)
class PromptCount:
    text: str
    uses: int
    last_used: datetime | None


@dataclass(frozen=True, slots=True)
class BalanceEntry:
    """A person on the *least heard recently* list (balance < 0: heard less than equal)."""

    person_id: int
    name: str
    balance: float
    sessions: int


@dataclass(frozen=True, slots=True)
class CircleHistory:
    circle_id: int
    name: str
    sessions_held: int
    first: datetime | None
    last: datetime | None
    average_present: float | None
    average_fairness: float | None
    retention_days: int | None
    points: tuple[CircleSessionPoint, ...]
    months: tuple[MonthFigure, ...]
    prompts: tuple[PromptCount, ...]
    least_heard: tuple[BalanceEntry, ...] = field(default_factory=tuple)
    cadence: Cadence = field(default_factory=Cadence)
    """How often it plans to meet (its first session stands in for a missing start date)."""
    demo: bool = False
    """The circle is one the demo data made (its heading says so, as everywhere else)."""


@dataclass(frozen=True, slots=True)
class SessionDeletion:
    """What History knows before it deletes a session: whether this facilitator may (on a
    server, only their own sessions, and a coordinator none), and how many private notes of
    theirs would go with it."""

    session_id: int
    refused: str | None
    """Why not, in words; ``None`` when the deletion may go ahead."""
    notes: int = 0


@dataclass(frozen=True, slots=True)
class RetentionPreview:
    """What a retention run would delete: sessions that *started* before ``cutoff``."""

    circle_id: int
    days: int
    now: datetime
    cutoff: datetime
    sessions: int
    notes: int
    oldest: datetime | None
    newest: datetime | None
    sample: tuple[SessionListing, ...]
    """The first few sessions to go (oldest first), to show the facilitator."""


@dataclass(frozen=True, slots=True)
class Choice:
    """An id and a display name, for filter pickers."""

    item_id: int
    name: str
    demo: bool = False
    """A circle the demo data made (shown with a "(demo)" mark)."""
