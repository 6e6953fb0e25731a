"""Who came, and how often: the one pass over ``session_people`` behind the period figures.

"Newcomer" and "came back" depend on a person's first visit, which may be years before the
period, so this groups every attendance before the period's end by circle and person (one
SQL aggregate) and counts each person once per circle and once for the organization.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, String, and_, case, cast, false, func, literal, select
from sqlalchemy.orm import aliased

from circlekeeper.session.period_figures import PeriodScope
from circlekeeper.store import models as m
from circlekeeper.store.history.sql import FINISHED, SP, S

CURRENT = "current"
PREVIOUS = "previous"


def finished_between(low: datetime, high: datetime) -> Any:
    """Finished sessions that started in ``[low, high)``. Written as "not live" (the same
    thing, by the table's CHECK) so SQLite walks the started-at index, not the status one."""
    return and_(S.status != "live", S.started_at >= low, S.started_at < high)


def finished_between_by_circle(low: datetime, high: datetime) -> Any:
    """:func:`finished_between` for queries that need no more of a session than its circle
    and start: written as "in one of the circles, and not one of the (few) live sessions" so
    SQLite answers from the (circle, started-at) index alone and never reads the sessions'
    rows, which hold their plans and search text (a third of a large period's time)."""
    live = select(S.id).where(S.status == "live")
    return and_(
        S.circle_id.in_(select(m.CircleRow.id)),
        S.started_at >= low,
        S.started_at < high,
        S.id.not_in(live),
    )


def in_scope(scope: PeriodScope) -> list[Any]:
    return [] if scope.circle_id is None else [S.circle_id == scope.circle_id]


@dataclass(slots=True)
class PeopleTally:
    """People figures of one period for one circle (or for everyone)."""

    people: int = 0
    newcomers: int = 0
    returned: int = 0
    newcomers_returned: int = 0
    person_attendances: int = 0
    attendances_with_pass: int = 0
    visits: Counter[int] = field(default_factory=Counter)

    def count(self, first: datetime, attended: int, passed: int, low: datetime) -> None:
        if not attended:
            return
        self.people += 1
        self.person_attendances += attended
        self.attendances_with_pass += passed
        self.visits[attended] += 1
        new = first >= low
        self.newcomers += new
        came_back = (not new) or attended >= 2
        self.returned += came_back
        self.newcomers_returned += new and attended >= 2


@dataclass(slots=True)
class Visits:
    by_circle: dict[tuple[int, str], PeopleTally]
    overall: dict[str, PeopleTally]
    first_timers: Counter[tuple[int, datetime]]
    """(circle, session start) → people whose first visit to the circle it was (current)."""

    def of(self, circle_id: int, which: str) -> PeopleTally | None:
        return self.by_circle.get((circle_id, which))


def count_visits(conn: Any, scope: PeriodScope, previous: PeriodScope) -> Visits:
    """One pass over the two periods' ``session_people`` grouped by circle and person: how
    often each came (and passed) in each period, their first visit in the window, and
    whether they had come to that circle before it (an ``EXISTS`` each, answered from the
    person's index, so years of earlier history are never scanned)."""
    cur = _at_or_after(conn, scope.low)
    passed = func.coalesce(SP.passes, 0) > 0
    # Every row is in one of the two periods: the previous one's figures are the window's
    # less the current one's (two conditions per row, not six).
    window = (
        select(
            S.circle_id,
            SP.person_id,
            func.min(S.started_at).label("first"),
            func.sum(case((cur, 1), else_=0)).label("n_cur"),
            func.count().label("n_all"),
            func.sum(case((and_(cur, passed), 1), else_=0)).label("pass_cur"),
            func.sum(case((passed, 1), else_=0)).label("pass_all"),
        )
        .join(S, S.id == SP.session_id)
        .where(finished_between_by_circle(previous.low, scope.high), *in_scope(scope))
        .group_by(S.circle_id, SP.person_id)
        .subquery()
    )
    known = _known_before(conn, window, previous.low, scope.high)
    query = select(window, known.label("known"))
    long_ago = previous.low - timedelta(microseconds=1)
    by_circle: dict[tuple[int, str], PeopleTally] = defaultdict(PeopleTally)
    first_timers: Counter[tuple[int, datetime]] = Counter()
    person: dict[int, list[Any]] = {}
    for row in conn.execute(query):
        first = long_ago if row.known else _aware(row.first)
        n_prev, pass_prev = row.n_all - row.n_cur, row.pass_all - row.pass_cur
        by_circle[(row.circle_id, CURRENT)].count(first, row.n_cur, row.pass_cur, scope.low)
        by_circle[(row.circle_id, PREVIOUS)].count(first, n_prev, pass_prev, previous.low)
        if row.n_cur and first >= scope.low:
            first_timers[(row.circle_id, first)] += 1
        seen = person.setdefault(row.person_id, [first, 0, 0, 0, 0])
        seen[0] = min(seen[0], first)
        for index, value in enumerate((row.n_cur, n_prev, row.pass_cur, pass_prev), 1):
            seen[index] += value
    # A person first seen before the period in circles that had no session in it still
    # counts as known; those circles' rows are absent above, so look them up.
    overall = {CURRENT: PeopleTally(), PREVIOUS: PeopleTally()}
    earlier = _first_visits_before(conn, scope, previous, person) if scope.circle_id is None else {}
    for pid, (first, n_cur, n_prev, pass_cur, pass_prev) in person.items():
        first = min(first, earlier.get(pid, first))
        overall[CURRENT].count(first, n_cur, pass_cur, scope.low)
        overall[PREVIOUS].count(first, n_prev, pass_prev, previous.low)
    return Visits(dict(by_circle), overall, first_timers)


def _known_before(conn: Any, window: Any, low: datetime, high: datetime) -> Any:
    """Whether the window row's person came to its circle before ``low``: one ``EXISTS``
    per (circle, person), answered from the person's index; or plainly false when no
    session was held before ``low`` (the whole history, or a long period reaching back past
    the first session), so nothing is asked per person.

    SQLite joins the person's attendances to their sessions and stops at the first of that
    circle. PostgreSQL, given the same join, estimates that a person seldom attends a given
    circle (it cannot know that people keep to theirs) and hashes the circle's earlier
    sessions with all of the person's attendances for every row, 0.2 ms each: a month's
    figures of 100,000 sessions spent 0.6 s of the server's CPU here, against 0.03 s on
    SQLite. So when the history before the window is at least as long as the window (most
    people in it came before: a month, a quarter, a year of an established organization),
    PostgreSQL asks each of the person's attendances for its session instead (one
    primary-key step) and stops at the first that was that circle's and earlier: the month
    0.25 s, the year 0.5 s instead of 0.8 s. A newcomer's attendances are all read that
    way, so for a window longer than the history before it the join stays (two years of
    six: 1.3 s with the join, 1.7 s without). Measured with ``CK_BENCH_PERIOD_POSTGRES_URL``
    (benchmarks/bench_period.py)."""
    first = _first_session(conn)
    if first is None or first >= low:
        return false()
    earlier = aliased(m.SessionRow)
    attended = aliased(m.SessionPersonRow)
    that_circle_before = and_(
        earlier.circle_id == window.c.circle_id,
        earlier.started_at < low,
        earlier.status != "live",
    )
    if conn.dialect.name != "postgresql" or low - first < high - low:
        return (
            select(literal(1))
            .select_from(attended)
            .join(earlier, earlier.id == attended.session_id)
            .where(attended.person_id == window.c.person_id, that_circle_before)
            .exists()
        )
    asked = (
        select(that_circle_before)
        .where(earlier.id == attended.session_id)
        .correlate_except(earlier)
        .scalar_subquery()
    )
    return (
        select(literal(1))
        .select_from(attended)
        .where(attended.person_id == window.c.person_id, asked)
        .exists()
    )


def _first_session(conn: Any) -> datetime | None:
    """When the first finished session began: the start-time index's first entries."""
    first = conn.execute(
        select(S.started_at).where(S.status != "live").order_by(S.started_at).limit(1)
    ).scalar()
    return None if first is None else _aware(first)


def _at_or_after(conn: Any, moment: datetime) -> ColumnElement[bool]:
    """``started_at >= moment``, for a condition evaluated on every attendance row. SQLite
    gives the column numeric affinity (its declared type is DATETIME), so comparing it with
    a bound value tries to read both as numbers on every row: a third of the query's time.
    Compared as the text it is stored as (the moment bound through the column's own type,
    so written the same way), the same rows match at the cost of a string comparison."""
    if conn.dialect.name != "sqlite":
        return S.started_at >= moment
    stored = cast(literal(moment, S.started_at.type), String)
    return cast(S.started_at, String) >= stored


def _first_visits_before(
    conn: Any, scope: PeriodScope, previous: PeriodScope, people: dict[int, list[Any]]
) -> dict[int, datetime]:
    """Earlier first visits, in circles the person stopped attending before ``previous``."""
    recent_first = {pid: seen[0] for pid, seen in people.items()}
    later = [pid for pid, first in recent_first.items() if first >= previous.low]
    if not later:
        return {}
    found: dict[int, datetime] = {}
    for chunk in _chunks(later, 500):
        query = (
            select(SP.person_id, func.min(S.started_at).label("first"))
            .join(S, S.id == SP.session_id)
            .where(S.status.in_(FINISHED), S.started_at < previous.low, SP.person_id.in_(chunk))
            .group_by(SP.person_id)
        )
        found.update({row.person_id: _aware(row.first) for row in conn.execute(query)})
    return found


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
