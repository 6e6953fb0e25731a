"""The period figures' SQL aggregates against the straightforward computation.

Hypothesis draws small random histories (circles, people, sessions in and around a period,
live ones, passes, missing lengths and fairness, prompts, moods), writes them as the rows
``finish()`` stores, and the figures the store computes with SQL aggregates must equal what
plain Python works out from the same rows by the definitions in ``session/period_figures.py``:
every session loaded, every person's first visit found by scanning their whole history. Runs
on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert

from circlekeeper.session.period_figures import PeriodFigures, PeriodScope, Reach, SessionLine
from circlekeeper.store import Store
from circlekeeper.store import models as m
from circlekeeper.store.codec import dumps
from circlekeeper.store.history.reach import period_figures

PERIOD = PeriodScope(date(2026, 3, 1), date(2026, 3, 31))
EARLIEST = datetime(2025, 6, 1, tzinfo=UTC)
SPAN_MINUTES = (datetime(2026, 5, 1, tzinfo=UTC) - EARLIEST) // timedelta(minutes=1)
PROMPTS = ("How are you arriving?", "What helped this week?", "What do you hope for?")


@dataclass(frozen=True, slots=True)
class Attendance:
    person: int
    passes: int


@dataclass(frozen=True, slots=True)
class Held:
    circle: int
    minute: int
    status: str
    present_count: int | None
    duration: float | None
    fairness: float | None
    facilitators: tuple[str, ...]
    people: tuple[Attendance, ...]
    prompts: tuple[str, ...]
    moods: tuple[tuple[str, tuple[tuple[int, int], ...]], ...]

    @property
    def started(self) -> datetime:
        return EARLIEST + timedelta(minutes=self.minute)


def _session(circles: int, people: int) -> st.SearchStrategy[Held]:
    attendance = st.builds(
        Attendance, st.integers(0, people - 1), st.sampled_from((None, 0, 0, 1, 2))
    )
    mood = st.tuples(
        st.sampled_from(("check-in", "check-out")),
        st.lists(
            st.tuples(st.integers(1, 5), st.integers(1, 4)), max_size=3, unique_by=lambda v: v[0]
        ).map(tuple),
    )
    return st.builds(
        Held,
        circle=st.integers(0, circles - 1),
        minute=st.integers(0, SPAN_MINUTES - 1),
        status=st.sampled_from(("ended", "ended", "ended", "abandoned", "live")),
        present_count=st.one_of(st.none(), st.integers(0, 9)),
        duration=st.one_of(st.none(), st.floats(0, 7200, allow_nan=False).map(round)),
        fairness=st.one_of(st.none(), st.floats(0.2, 1.0).map(lambda f: round(f, 3))),
        facilitators=st.lists(
            st.sampled_from(("Robin", "Sam", "Ana")), max_size=2, unique=True
        ).map(tuple),
        people=st.lists(attendance, max_size=6, unique_by=lambda a: a.person).map(tuple),
        prompts=st.lists(st.sampled_from(PROMPTS), max_size=3).map(tuple),
        moods=st.lists(mood, max_size=2, unique_by=lambda v: v[0]).map(tuple),
    )


HISTORIES = st.integers(1, 3).flatmap(
    lambda circles: st.integers(1, 8).flatmap(
        lambda people: st.tuples(
            st.just(circles),
            st.just(people),
            # Distinct start minutes: the appendix tells sessions apart by their start.
            st.lists(_session(circles, people), max_size=30, unique_by=lambda s: s.minute),
        )
    )
)


def _write(
    store: Store, circles: int, people: int, sessions: list[Held]
) -> tuple[list[int], list[int], dict[int, Held]]:
    """The history as the rows ``finish()`` leaves: a fresh database each example."""
    with store.engine.begin() as conn:
        for table in (
            m.MoodRow,
            m.PromptUseRow,
            m.SessionPersonRow,
            m.SessionRow,
            m.PersonRow,
            m.CircleRow,
        ):
            conn.execute(delete(table))
        circle_ids = [
            conn.execute(
                insert(m.CircleRow).values(name=f"Circle {n + 1}").returning(m.CircleRow.id)
            ).scalar_one()
            for n in range(circles)
        ]
        person_ids = [
            conn.execute(
                insert(m.PersonRow).values(name=f"Person {n + 1}").returning(m.PersonRow.id)
            ).scalar_one()
            for n in range(people)
        ]
        held: dict[int, Held] = {}
        for session in sessions:
            sid = conn.execute(
                insert(m.SessionRow)
                .values(
                    circle_id=circle_ids[session.circle],
                    started_at=session.started,
                    status=session.status,
                    present_count=session.present_count,
                    duration_seconds=session.duration,
                    fairness=session.fairness,
                    facilitators_json=dumps(list(session.facilitators)),
                )
                .returning(m.SessionRow.id)
            ).scalar_one()
            held[sid] = session
            for who in session.people:
                conn.execute(
                    insert(m.SessionPersonRow).values(
                        session_id=sid, person_id=person_ids[who.person], passes=who.passes
                    )
                )
            for index, text in enumerate(session.prompts):
                conn.execute(
                    insert(m.PromptUseRow).values(session_id=sid, round_index=index, text=text)
                )
            for moment, counts in session.moods:
                conn.execute(
                    insert(m.MoodRow).values(
                        session_id=sid,
                        moment=moment,
                        counts_json=dumps({str(v): n for v, n in counts}),
                    )
                )
    return circle_ids, person_ids, held


# ------------------------------------------------------------ the straightforward way


def _reach(held: dict[int, Held], scope: PeriodScope, circle: int | None) -> Reach:
    """One period's reach, from every session loaded and every history scanned."""
    finished = {sid: s for sid, s in held.items() if s.status != "live"}
    mine = {sid: s for sid, s in finished.items() if circle is None or s.circle == circle}
    inside = [s for s in mine.values() if scope.low <= s.started < scope.high]
    first: dict[int, datetime] = {}
    for s in mine.values():
        for who in s.people:
            first[who.person] = min(first.get(who.person, s.started), s.started)
    came: Counter[int] = Counter()
    passed: Counter[int] = Counter()
    for s in inside:
        for who in s.people:
            came[who.person] += 1
            passed[who.person] += bool(who.passes)
    new = {p for p in came if first[p] >= scope.low}
    fair = [s.fairness for s in inside if s.fairness is not None]
    return Reach(
        sessions=len(inside),
        attendances=sum(s.present_count or 0 for s in inside),
        circle_seconds=sum(s.duration or 0.0 for s in inside),
        person_seconds=sum((s.duration or 0.0) * (s.present_count or 0) for s in inside),
        fairness_total=sum(fair),
        fairness_sessions=len(fair),
        people=len(came),
        newcomers=len(new),
        returned=sum(1 for p, n in came.items() if p not in new or n >= 2),
        newcomers_returned=sum(1 for p in new if came[p] >= 2),
        person_attendances=sum(came.values()),
        attendances_with_pass=sum(passed.values()),
        visits=tuple(sorted(Counter(came.values()).items())),
    )


def _first_timers(held: dict[int, Held], sid: int) -> int:
    """People at their first session ever in this session's circle."""
    this = held[sid]
    earlier = [
        s
        for s in held.values()
        if s.status != "live" and s.circle == this.circle and s.started < this.started
    ]
    before = {who.person for s in earlier for who in s.people}
    return sum(1 for who in this.people if who.person not in before)


def _assert_reach(got: Reach, want: Reach) -> None:
    for name in Reach.__dataclass_fields__:
        a, b = getattr(got, name), getattr(want, name)
        if isinstance(b, float):
            assert a == pytest.approx(b), name
        else:
            assert a == b, name


def _assert_people(
    figures: PeriodFigures, held: dict[int, Held], circle_ids: list[int], scope: PeriodScope
) -> None:
    """Reach of the period and the one before, for everyone and for each circle."""
    previous = scope.previous()
    _assert_reach(figures.current, _reach(held, scope, None))
    _assert_reach(figures.previous, _reach(held, previous, None))
    by_id = {c.circle_id: c for c in figures.circles}
    for index, cid in enumerate(circle_ids):
        held_here = [
            s
            for s in held.values()
            if s.circle == index and s.status != "live" and previous.low <= s.started < scope.high
        ]
        if not held_here:
            assert cid not in by_id
            continue
        _assert_reach(by_id[cid].current, _reach(held, scope, index))
        _assert_reach(by_id[cid].previous, _reach(held, previous, index))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=HISTORIES)
def test_sql_aggregates_equal_the_straightforward_count(
    store: Store, history: tuple[int, int, list[Held]]
) -> None:
    circles, people, sessions = history
    circle_ids, _, held = _write(store, circles, people, sessions)
    figures = period_figures(store.engine, PERIOD)
    _assert_people(figures, held, circle_ids, PERIOD)
    lines = [
        (sid, s)
        for sid, s in sorted(held.items(), key=lambda kv: (kv[1].started, kv[0]))
        if s.status != "live" and PERIOD.low <= s.started < PERIOD.high
    ]
    assert [line.session_id for line in figures.sessions] == [sid for sid, _ in lines]
    for line, (sid, s) in zip(figures.sessions, lines, strict=True):
        assert _line_facts(line) == (
            s.present_count or 0,
            _first_timers(held, sid),
            s.duration or 0.0,
            s.facilitators,
        )
    inside = [s for _, s in lines]
    facilitated = Counter(name for s in inside for name in s.facilitators)
    assert dict(figures.facilitators) == facilitated
    assert figures.prompts_used == sum(len(s.prompts) for s in inside)
    moods: dict[tuple[int, date, str], Counter[int]] = defaultdict(Counter)
    for s in inside:
        for moment, counts in s.moods:
            for value, n in counts:
                moods[(circle_ids[s.circle], date(s.started.year, s.started.month, 1), moment)][
                    value
                ] += n
    got = {
        (c.circle_id, month.month, month.moment): Counter(dict(month.counts))
        for c in figures.circles
        for month in c.moods
    }
    assert got == {key: counts for key, counts in moods.items() if counts}


def _line_facts(line: SessionLine) -> tuple[int, int, float, tuple[str, ...]]:
    return line.present, line.first_timers, line.duration_seconds, line.facilitators


LONG_PERIODS = (
    # longer than the history before it: PostgreSQL joins instead of asking per attendance
    PeriodScope(date(2025, 12, 1), date(2026, 4, 30)),
    # the period before reaches back past every session: nobody can have come earlier
    PeriodScope(date(2025, 9, 1), date(2026, 4, 30)),
)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=HISTORIES)
def test_long_periods_count_newcomers_and_returners_alike(
    store: Store, history: tuple[int, int, list[Held]]
) -> None:
    """Who had come before is asked in different ways for periods long against the history
    before them (reach_visits._known_before); the answers are the same."""
    circles, people, sessions = history
    circle_ids, _, held = _write(store, circles, people, sessions)
    for scope in LONG_PERIODS:
        _assert_people(period_figures(store.engine, scope), held, circle_ids, scope)
