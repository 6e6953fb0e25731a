"""History queries: past sessions listed, filtered and paged; people and circles over time.

They read the figures :meth:`SessionRepository.finish` stores beside each session
(``present_count``, ``duration_seconds``, ``fairness``, ``search_text`` and the
``session_people`` rows), so listing 100,000 sessions never replays a log. Only the detail of
one session folds its log, through the repository, like the summary screen does.

:class:`HistoryQueries` is the one object the history page, the CLI and the reports are handed;
it holds the engine and the two repositories and delegates each question to the module that
answers it:

- :mod:`sessions` — the session table: filters, sort orders, keyset pages, counts;
- :mod:`detail` — one session in full (the only query that folds a log);
- :mod:`people` — one person over time; :mod:`circles` — one circle;
- :mod:`balance` — speaking balance and least-heard-first;
- :mod:`retention` — what is due for deletion, and deleting it;
- :mod:`reach` — the period figures (people reached, newcomers, each circle, the period
  before) that the period report, its CSV and the history's period view all print;
- :mod:`sql` — the table aliases and listing row they share.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import Engine

from circlekeeper.history.records import (
    BalanceEntry,
    Choice,
    CircleHistory,
    PageCursor,
    PersonHistory,
    RetentionPreview,
    SessionDeletion,
    SessionDetail,
    SessionFilter,
    SessionListing,
    SessionOrder,
    SessionPage,
)
from circlekeeper.session.period_figures import AttendanceGrid, PeriodFigures, PeriodScope
from circlekeeper.store.history import attendance as history_attendance
from circlekeeper.store.history import balance as history_balance
from circlekeeper.store.history import circles as history_circles
from circlekeeper.store.history import detail as history_detail
from circlekeeper.store.history import people as history_people
from circlekeeper.store.history import reach as history_reach
from circlekeeper.store.history import retention as history_retention
from circlekeeper.store.history import sessions as history_sessions
from circlekeeper.store.history.detail import SessionLogs
from circlekeeper.store.history.reach import Progress
from circlekeeper.store.sessions.deleting import session_deletion

if TYPE_CHECKING:
    from circlekeeper.store.store import Store


class RetentionSetting(Protocol):
    """The slice of :class:`CircleRepository` the history needs."""

    def set_retention(self, circle_id: int, days: int | None) -> None: ...


class HistoryQueries:
    """Read-mostly queries over the store's tables; deleting goes through the repository."""

    def __init__(
        self,
        engine: Engine,
        sessions: SessionLogs,
        circles: RetentionSetting,
        *,
        owner: str | None = None,
    ) -> None:
        """``owner``: the facilitator whose sessions retention may take (``None``: all)."""
        self._engine = engine
        self._sessions = sessions
        self._circles = circles
        self._owner = owner

    @classmethod
    def for_store(cls, store: Store) -> HistoryQueries:
        # A file has one facilitator, who may delete every session; a server's facilitators
        # only their own (row-level security), so retention takes only those.
        shared = store.engine.dialect.name != "sqlite"
        return cls(
            store.engine, store.sessions, store.circles, owner=store.identity if shared else None
        )

    # ------------------------------------------------------------ choices

    def circle_choices(self, include_archived: bool = True) -> list[Choice]:
        return history_sessions.circle_choices(self._engine, include_archived)

    def people_choices(self, circle_id: int | None = None) -> list[Choice]:
        return history_sessions.people_choices(self._engine, circle_id)

    # ----------------------------------------------------------- sessions

    def sessions(
        self,
        filter: SessionFilter = SessionFilter(),  # noqa: B008 - frozen, safe as default
        order: SessionOrder = SessionOrder(),  # noqa: B008
        *,
        after: PageCursor | None = None,
        limit: int = 100,
        with_total: bool = False,
    ) -> SessionPage:
        """One page of sessions matching ``filter`` in ``order``, starting after ``after``
        (see :func:`history_sessions.session_page` for how the pages are walked)."""
        return history_sessions.session_page(
            self._engine, filter, order, after=after, limit=limit, with_total=with_total
        )

    def count(self, filter: SessionFilter = SessionFilter()) -> int:  # noqa: B008
        return history_sessions.count_sessions(self._engine, filter)

    def listing(self, session_id: int) -> SessionListing:
        return history_sessions.session_listing(self._engine, session_id)

    def detail(self, session_id: int) -> SessionDetail:
        """A session with the summary of its log, prompts and moods."""
        return history_detail.session_detail(self._engine, self._sessions, session_id)

    def delete_refusal(self, session_id: int) -> str | None:
        """``None`` when this facilitator may delete the session; else the sentence saying
        why not (another's session, or a role without the right), to show *instead of* the
        *Delete session?* question. Nothing is changed; ``RecordNotFound`` if it is gone."""
        return self._sessions.delete_refusal(session_id)

    def delete_session(self, session_id: int) -> None:
        """The log, notes, prompt uses and moods go with it (the repository sees to that)."""
        self._sessions.delete(session_id)

    def deletion(self, session_id: int) -> SessionDeletion:
        """Whether this facilitator may delete the session, and how many of their private
        notes would go with it (asked before the question, not refused after it)."""
        return session_deletion(self._engine, session_id)

    # ------------------------------------------------------ people, circles

    def person(self, person_id: int) -> PersonHistory:
        return history_people.person_history(self._engine, person_id)

    def circle(self, circle_id: int, *, last_sessions: int = 10) -> CircleHistory:
        return history_circles.circle_history(self._engine, circle_id, last_sessions)

    def speaking_balance(self, circle_id: int, last_sessions: int = 10) -> dict[int, float]:
        """Each person's balance over the circle's last K finished sessions they attended
        (see :func:`history_balance.speaking_balance`)."""
        return history_balance.speaking_balance(self._engine, circle_id, last_sessions)

    def least_heard(self, circle_id: int, *, last_sessions: int = 10) -> list[BalanceEntry]:
        """Current members, least heard first (newcomers with no history count as 0)."""
        return history_balance.least_heard(self._engine, circle_id, last_sessions)

    # ------------------------------------------------------------- periods

    def period(self, scope: PeriodScope, *, progress: Progress | None = None) -> PeriodFigures:
        """The figures of a period and of the period of the same length before it."""
        return history_reach.period_figures(self._engine, scope, progress=progress)

    def attendance_grid(self, scope: PeriodScope, circle_id: int) -> AttendanceGrid:
        """Who came to which of the circle's sessions in the period (names: the caller checks
        the privacy level before showing them)."""
        return history_attendance.attendance_grid(self._engine, scope, circle_id)

    # ---------------------------------------------------------- retention

    def set_retention(self, circle_id: int, days: int | None) -> None:
        self._circles.set_retention(circle_id, days)

    def retention_preview(
        self, circle_id: int, days: int, *, now: datetime | None = None, sample: int = 20
    ) -> RetentionPreview:
        """What ``apply_retention`` with the same arguments would delete (nothing is changed).

        Live sessions are never included: a session left live by a crash is offered for
        resuming first, never deleted behind the facilitator's back.
        """
        return history_retention.retention_preview(
            self._engine, circle_id, days, now=now, sample=sample, owner=self._owner
        )

    def retention_due(self, *, now: datetime | None = None) -> list[RetentionPreview]:
        """For every circle with a retention period, what is due for deletion now (circles
        with nothing due are left out). The app shows these before deleting anything."""
        return history_retention.retention_due(self._engine, now=now, owner=self._owner)

    def apply_retention(self, circle_id: int, days: int, *, now: datetime | None = None) -> int:
        """Delete the circle's finished sessions that started before now − ``days``, each
        through the repository's ``delete``. Returns how many were deleted."""
        return history_retention.apply_retention(
            self._engine, self._sessions, circle_id, days, now=now, owner=self._owner
        )


__all__ = ["HistoryQueries", "RetentionSetting", "SessionLogs"]
