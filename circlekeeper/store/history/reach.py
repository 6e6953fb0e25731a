"""The period figures: how many people the circles reached, how often they came, how each
circle did, and the same for the previous period of the same length.

One query layer for the period report's PDF, its CSV and the history view, so the three can
never disagree. Every figure comes from SQL aggregates over what ``finish()`` stores beside
each session (``present_count``, ``duration_seconds``, ``fairness``, ``session_people``); no
log is replayed. The one per-person pass groups ``session_people`` by circle and person over
everything before the period's end, because "newcomer" and "came back" depend on a person's
first visit, which may be years earlier.
"""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, Integer, String, case, cast, exists, func, select
from sqlalchemy.dialects.postgresql import JSONB

from circlekeeper.session.period_figures import (
    AttendanceGrid,
    CirclePeriod,
    GridPerson,
    MoodMonth,
    PeriodFigures,
    PeriodScope,
    Reach,
    SessionLine,
    Trend,
    group_by_circle,
)
from circlekeeper.store import codec
from circlekeeper.store import models as m
from circlekeeper.store.history.reach_plans import plans_in_period, unmet_plans
from circlekeeper.store.history.reach_visits import (
    CURRENT,
    PREVIOUS,
    PeopleTally,
    count_visits,
    finished_between,
    finished_between_by_circle,
    in_scope,
)
from circlekeeper.store.history.sql import SP, C, S

Progress = Callable[[int, int], None]
STEPS = 6
TOP_PROMPTS = 5
MOOD_VALUES = (1, 2, 3, 4, 5)


def period_figures(
    engine: Engine, scope: PeriodScope, *, progress: Progress | None = None
) -> PeriodFigures:
    """The figures of ``scope`` and of the period of the same length before it."""
    began = time.perf_counter()
    previous = scope.previous()
    step = _Stepper(progress)
    with engine.connect() as conn:
        circles = _circles(conn, scope)
        session_totals = _session_totals(conn, scope, previous)
        step()
        visits = count_visits(conn, scope, previous)
        step()
        lines = _session_lines(conn, scope, circles, visits.first_timers)
        step()
        prompts = _prompts(conn, scope)
        step()
        moods = _moods(conn, scope)
        step()
        step()
    facilitators = _facilitators(lines)
    lines_of = group_by_circle(lines)
    shown = sorted(
        {cid for cid, _ in session_totals} | {cid for cid, _ in visits.by_circle},
        key=lambda cid: (_natural(circles[cid][0]), cid),
    )
    with engine.connect() as conn:
        plans = plans_in_period(conn, scope, shown, lines_of)
    shown = sorted(
        [*shown, *unmet_plans(plans, shown)], key=lambda cid: (_natural(circles[cid][0]), cid)
    )
    per_circle = tuple(
        CirclePeriod(
            circle_id=cid,
            name=circles[cid][0],
            privacy=circles[cid][1],
            current=_reach(
                session_totals.get((cid, CURRENT)), visits.by_circle.get((cid, CURRENT))
            ),
            previous=_reach(
                session_totals.get((cid, PREVIOUS)), visits.by_circle.get((cid, PREVIOUS))
            ),
            trend=_trend(lines_of.get(cid, ()), scope),
            prompts_used=sum(n for _, n in prompts.get(cid, ())),
            top_prompts=tuple(prompts.get(cid, ())[:TOP_PROMPTS]),
            moods=tuple(moods.get(cid, ())),
            facilitators=tuple(sorted(facilitators.get(cid, {}).items(), key=_alphabetical)),
            plan=plans[cid],
        )
        for cid in shown
    )
    everyone: Counter[str] = Counter()
    for counted in facilitators.values():
        everyone.update(counted)
    return PeriodFigures(
        scope=scope,
        circle_name=circles[scope.circle_id][0] if scope.circle_id in circles else None,
        current=_reach(_sum_totals(session_totals, CURRENT), visits.overall[CURRENT]),
        previous=_reach(_sum_totals(session_totals, PREVIOUS), visits.overall[PREVIOUS]),
        circles=per_circle,
        sessions=tuple(lines),
        facilitators=tuple(sorted(everyone.items(), key=_alphabetical)),
        prompts_used=sum(c.prompts_used for c in per_circle),
        computed_seconds=time.perf_counter() - began,
    )


def attendance_grid(engine: Engine, scope: PeriodScope, circle_id: int) -> AttendanceGrid:
    """Who came to which of the circle's sessions in the period, people by name, sessions in
    time order. The caller decides whether the privacy level allows printing it."""
    with engine.connect() as conn:
        sessions = conn.execute(
            select(S.id, S.started_at)
            .where(finished_between(scope.low, scope.high), S.circle_id == circle_id)
            .order_by(S.started_at, S.id)
        ).all()
        column = {row.id: index for index, row in enumerate(sessions)}
        rows = conn.execute(
            select(
                SP.session_id,
                SP.person_id,
                m.PersonRow.name,
                SP.joined_late,
                SP.left_early,
                SP.passes,
            )
            .join(m.PersonRow, m.PersonRow.id == SP.person_id)
            .join(S, S.id == SP.session_id)
            .where(finished_between(scope.low, scope.high), S.circle_id == circle_id)
        ).all()
    marks: dict[int, list[str]] = {}
    names: dict[int, str] = {}
    for row in rows:
        names[row.person_id] = row.name
        cells = marks.setdefault(row.person_id, [""] * len(sessions))
        mark = ("L" if row.joined_late else "") + ("E" if row.left_early else "")
        mark += "P" if row.passes else ""
        cells[column[row.session_id]] = mark or "●"
    people = sorted(names, key=lambda pid: (names[pid].casefold(), pid))
    return AttendanceGrid(
        circle_id=circle_id,
        sessions=tuple(row.started_at for row in sessions),
        people=tuple(GridPerson(names[pid], tuple(marks[pid])) for pid in people),
    )


# --------------------------------------------------------------------------- the queries


@dataclass(slots=True)
class _Stepper:
    progress: Progress | None
    done: int = 0

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, STEPS)


def _which(scope: PeriodScope, previous: PeriodScope) -> Any:
    """``'current'``, ``'previous'`` or NULL for a session's start."""
    return case(
        (S.started_at >= scope.low, CURRENT),
        (S.started_at >= previous.low, PREVIOUS),
        else_=None,
    )


def _circles(conn: Any, scope: PeriodScope) -> dict[int, tuple[str, str]]:
    query = select(C.id, C.name, C.privacy)
    if scope.circle_id is not None:
        query = query.where(C.id == scope.circle_id)
    return {row.id: (row.name, row.privacy) for row in conn.execute(query)}


@dataclass(frozen=True, slots=True)
class _Totals:
    sessions: int
    attendances: int
    circle_seconds: float
    person_seconds: float
    fairness_total: float
    fairness_sessions: int


def _session_totals(
    conn: Any, scope: PeriodScope, previous: PeriodScope
) -> dict[tuple[int, str], _Totals]:
    """Per circle and period: sessions held, attendances, lengths, fairness (SQL sums)."""
    which = _which(scope, previous).label("which")
    present = func.coalesce(S.present_count, 0)
    length = func.coalesce(S.duration_seconds, 0.0)
    query = (
        select(
            S.circle_id,
            which,
            func.count().label("sessions"),
            func.sum(present).label("attendances"),
            func.sum(length).label("circle_seconds"),
            func.sum(length * present).label("person_seconds"),
            func.sum(S.fairness).label("fairness_total"),
            func.count(S.fairness).label("fairness_sessions"),
        )
        .where(finished_between(previous.low, scope.high), *in_scope(scope))
        .group_by(S.circle_id, which)
    )
    return {
        (row.circle_id, row.which): _Totals(
            row.sessions,
            int(row.attendances or 0),
            float(row.circle_seconds or 0.0),
            float(row.person_seconds or 0.0),
            float(row.fairness_total or 0.0),
            row.fairness_sessions,
        )
        for row in conn.execute(query)
    }


def _sum_totals(totals: dict[tuple[int, str], _Totals], which: str) -> _Totals | None:
    parts = [t for (_, w), t in totals.items() if w == which]
    if not parts:
        return None
    return _Totals(
        sum(t.sessions for t in parts),
        sum(t.attendances for t in parts),
        sum(t.circle_seconds for t in parts),
        sum(t.person_seconds for t in parts),
        sum(t.fairness_total for t in parts),
        sum(t.fairness_sessions for t in parts),
    )


def _session_lines(
    conn: Any,
    scope: PeriodScope,
    circles: dict[int, tuple[str, str]],
    first_timers: Counter[tuple[int, datetime]],
) -> list[SessionLine]:
    query = (
        select(
            S.id,
            S.circle_id,
            S.started_at,
            S.timezone,
            S.present_count,
            S.duration_seconds,
            S.fairness,
            S.facilitators_json,
        )
        .where(finished_between(scope.low, scope.high), *in_scope(scope))
        .order_by(S.started_at, S.id)
    )
    parsed: dict[str, tuple[str, ...]] = {}
    lines = []
    for row in conn.execute(query):
        started = _aware(row.started_at)
        names = parsed.get(row.facilitators_json)
        if names is None:
            names = parsed[row.facilitators_json] = tuple(codec.loads(row.facilitators_json, []))
        lines.append(
            SessionLine(
                session_id=row.id,
                circle_id=row.circle_id,
                circle_name=circles.get(row.circle_id, ("?", ""))[0],
                started_at=started,
                timezone=row.timezone or "UTC",
                present=row.present_count or 0,
                first_timers=first_timers.pop((row.circle_id, started), 0),
                duration_seconds=row.duration_seconds or 0.0,
                fairness=row.fairness,
                facilitators=names,
            )
        )
    return lines


def _prompts(conn: Any, scope: PeriodScope) -> dict[int, list[tuple[str, int]]]:
    """Prompts heard per circle, most used first. A session with no recorded use counts the
    prompts typed into its plan (those were what was heard); grouped by plan text in SQL.
    Both queries find their sessions from the (circle, started-at) index: only the sessions
    with no recorded use have their rows (and plans) read."""
    where = (finished_between_by_circle(scope.low, scope.high), *in_scope(scope))
    used = conn.execute(
        select(S.circle_id, m.PromptUseRow.text, func.count().label("uses"))
        .join(S, S.id == m.PromptUseRow.session_id)
        .where(finished_between_by_circle(scope.low, scope.high), *in_scope(scope))
        .group_by(S.circle_id, m.PromptUseRow.text)
    ).all()
    counted: dict[int, Counter[str]] = defaultdict(Counter)
    for row in used:
        if row.text.strip():
            counted[row.circle_id][row.text.strip()] += row.uses
    no_uses = ~exists().where(m.PromptUseRow.session_id == S.id)
    plans = conn.execute(
        select(S.circle_id, S.plan_json, func.count().label("sessions"))
        .where(*where, no_uses)
        .group_by(S.circle_id, S.plan_json)
    ).all()
    for row in plans:
        for plan in codec.plan_from_json(row.plan_json):
            for text in plan.prompts():
                if text.strip():
                    counted[row.circle_id][text.strip()] += row.sessions
    return {
        cid: sorted(texts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
        for cid, texts in counted.items()
    }


def _moods(conn: Any, scope: PeriodScope) -> dict[int, list[MoodMonth]]:
    """Mood counts per circle, month and moment, summed in SQL: the database's own JSON
    functions read how many chose each value (1–5, all a mood can be: the app offers no
    other and a session file with another is refused), so one row per circle, month and
    moment reaches Python, not one per session to be parsed there."""
    month = func.substr(cast(S.started_at, String), 1, 7).label("month")
    query = (
        select(
            S.circle_id,
            month,
            m.MoodRow.moment,
            *(func.sum(_chose(conn, value)).label(f"v{value}") for value in MOOD_VALUES),
        )
        .join(S, S.id == m.MoodRow.session_id)
        .where(finished_between_by_circle(scope.low, scope.high), *in_scope(scope))
        .group_by(S.circle_id, month, m.MoodRow.moment)
        .order_by(S.circle_id, month, m.MoodRow.moment)
    )
    result: dict[int, list[MoodMonth]] = defaultdict(list)
    for row in conn.execute(query):
        year, number = (int(part) for part in row.month.split("-"))
        counts = tuple(
            (value, int(n)) for value, n in zip(MOOD_VALUES, row[3:], strict=True) if n is not None
        )
        if counts:
            result[row.circle_id].append(MoodMonth(date(year, number, 1), row.moment, counts))
    return result


def _chose(conn: Any, value: int) -> Any:
    """How many chose ``value`` in a row's ``counts_json`` (``{"1": 2, "4": 3}``), or NULL."""
    if conn.dialect.name == "postgresql":
        return cast(cast(m.MoodRow.counts_json, JSONB)[str(value)].astext, Integer)
    return func.json_extract(m.MoodRow.counts_json, f'$."{value}"')


def _facilitators(lines: Sequence[SessionLine]) -> dict[int, Counter[str]]:
    """Sessions per facilitator in each circle, counted over the period's session lines,
    which carry every session's facilitators already (a second pass over the sessions in SQL
    read each one's row again, a tenth of the figures' time). Each circle's distinct lists
    are counted first, then their names."""
    lists: Counter[tuple[int, tuple[str, ...]]] = Counter(
        (line.circle_id, line.facilitators) for line in lines
    )
    result: dict[int, Counter[str]] = defaultdict(Counter)
    for (circle_id, names), sessions in lists.items():
        for name in names:
            if str(name).strip():
                result[circle_id][str(name).strip()] += sessions
    return result


# ------------------------------------------------------------------------ arithmetic


def _reach(totals: _Totals | None, people: PeopleTally | None) -> Reach:
    totals = totals or _Totals(0, 0, 0.0, 0.0, 0.0, 0)
    people = people or PeopleTally()
    return Reach(
        sessions=totals.sessions,
        attendances=totals.attendances,
        circle_seconds=totals.circle_seconds,
        person_seconds=totals.person_seconds,
        fairness_total=totals.fairness_total,
        fairness_sessions=totals.fairness_sessions,
        people=people.people,
        newcomers=people.newcomers,
        returned=people.returned,
        newcomers_returned=people.newcomers_returned,
        person_attendances=people.person_attendances,
        attendances_with_pass=people.attendances_with_pass,
        visits=tuple(sorted(people.visits.items())),
    )


def _trend(lines: Sequence[SessionLine], scope: PeriodScope) -> Trend:
    middle = scope.low + (scope.high - scope.low) / 2
    first = [line.present for line in lines if line.started_at < middle]
    second = [line.present for line in lines if line.started_at >= middle]
    return Trend(_mean(first), _mean(second))


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def _natural(name: str) -> list[tuple[int, int | str]]:
    """Sort key that puts "Circle 2" before "Circle 10"."""
    return [
        (0, int(part)) if part.isdigit() else (1, part)
        for part in re.split(r"(\d+)", name.casefold())
        if part
    ]


def _alphabetical(item: tuple[str, int]) -> tuple[str, str]:
    return item[0].casefold(), item[0]


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
