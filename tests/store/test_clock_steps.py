"""The wall clock set back (or forward) mid-circle: the record still runs forwards.

Turn times were always right (they come from the monotonic clock); the session's own times came
from the wall clock at each event, so a clock set back an hour stored a session as 18:00–17:05
that ``export-json`` then refused while ``check`` called the database healthy. Now every time
is one wall-clock anchor plus monotonic elapsed seconds, and ``check`` asks of every session
exactly what an export asks.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from circlekeeper.cli import main
from circlekeeper.session import CircleSession, FakeClock, Participant, SessionCommandRefused
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.store import CircleRecord, Store, open_store
from circlekeeper.store.journal import StoreJournal
from circlekeeper.store.sessions.checking import export_problems
from circlekeeper.store.sessions.exporting import export_problem

pytestmark = pytest.mark.sqlite_only

PLAN = RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(900, 30), prompt="What matters?")
PEOPLE = [Participant("1", "Ana"), Participant("2", "Bo"), Participant("3", "Cy")]
START = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)


class SteppingWall:
    """The laptop's wall clock: it follows the monotonic clock until someone sets it."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.origin = clock.now()
        self.shift = 0.0

    def __call__(self) -> datetime:
        return START + timedelta(seconds=self.clock.now() - self.origin + self.shift)


commands = st.lists(
    st.tuples(
        st.sampled_from(
            ["start_round", "start_turn", "end_turn", "pass_turn", "end_round", "crash"]
        ),
        st.floats(0, 900, allow_nan=False),
        st.sampled_from([0.0, 0.0, 0.0, -3300.0, -60.0, -1.0, 1.0, 3600.0, -86400.0]),
    ),
    max_size=30,
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("steps") / "db.sqlite3"
    with open_store(path) as opened:
        opened.circles.save(CircleRecord(None, "Tuesday"))
        for person in PEOPLE:
            opened.people.add(person.name, circle_ids=[1])
        yield opened


def _play(store: Store, script: list[tuple[str, float, float]]) -> int:
    sid = store.sessions.create(
        1,
        facilitators=("Robin",),
        plan=(PLAN,),
        started_at=START,
        timezone="UTC",
        people=(1, 2, 3),
    )
    clock = FakeClock()
    wall = SteppingWall(clock)
    journal = StoreJournal(store, sid)
    session = CircleSession(clock, sink=journal.append, wall=wall)
    session.start("Tuesday", PEOPLE)
    for command, seconds, step in script:
        clock.advance(seconds)
        wall.shift += step  # someone (or NTP) sets the clock
        if command == "crash":  # the app dies and is opened again, as the window does it
            record = store.sessions.get(sid)
            entries = store.sessions.entries(sid)
            last = max(w for w in (record.last_heartbeat_wall, entries[-1].wall) if w)
            clock.advance(5)
            down = max(0.0, (wall() - last).total_seconds())
            session = CircleSession.resume(
                entries, clock, sink=journal.append, wall=wall, down_seconds=down
            )
            continue
        with contextlib.suppress(SessionCommandRefused):
            if command == "start_round":
                session.start_round(PLAN)
            else:
                getattr(session, command)()
        journal.heartbeat(session.wall_now(), session.elapsed())
    with contextlib.suppress(SessionCommandRefused):
        session.end_turn()
    with contextlib.suppress(SessionCommandRefused):
        session.end_round()
    session.end_session()
    store.sessions.finish(sid)
    return sid


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(commands)
def test_a_clock_set_back_or_forward_never_makes_the_record_run_backwards(store, script) -> None:
    sid = _play(store, script)
    entries = store.sessions.entries(sid)
    anchor = entries[0].wall - timedelta(seconds=entries[0].elapsed)
    for entry in entries:
        # Every time is the one anchor plus monotonic seconds (to the database's microsecond).
        assert abs((entry.wall - anchor).total_seconds() - entry.elapsed) < 1e-3
    assert [e.wall for e in entries] == sorted(e.wall for e in entries)
    record = store.sessions.get(sid)
    assert record.started_at == entries[0].wall
    assert record.ended_at >= record.started_at
    assert export_problem(store, sid) is None


def _stored_by_an_earlier_version(store: Store, sid: int, shift: float) -> None:
    """Walls as an earlier version stored them: the wall clock at each event."""
    with store.engine.begin() as connection:
        connection.execute(
            text("UPDATE sessions SET ended_at = :ended WHERE id = :sid"),
            {"ended": (START + timedelta(seconds=shift)).replace(tzinfo=None), "sid": sid},
        )


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(commands, st.sampled_from([-3300.0, -1.0, 0.0, 60.0]))
def test_whatever_export_refuses_check_finds_and_names(store, script, shift) -> None:
    sid = _play(store, script)
    _stored_by_an_earlier_version(store, sid, shift)
    problem = export_problem(store, sid)
    named = {p.session_id: p for p in export_problems(store)}
    assert (problem is None) == (sid not in named)
    if shift < 0:
        assert problem is not None and problem.place == "ended"
        assert "cannot end before it started" in problem.sentence()


def test_check_names_the_session_export_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "db.sqlite3"
    with open_store(path) as opened:
        opened.circles.save(CircleRecord(None, "Tuesday"))
        for person in PEOPLE:
            opened.people.add(person.name, circle_ids=[1])
        good = _play(opened, [("start_round", 1, 0), ("start_turn", 5, 0), ("end_turn", 60, 0)])
        bad = _play(opened, [("start_round", 1, 0), ("start_turn", 5, -3300)])
        _stored_by_an_earlier_version(opened, bad, -3300)
    assert main(["--db", str(path), "check"]) == 1
    out = capsys.readouterr().out
    assert "is healthy" in out
    assert "1 session cannot be exported as it is stored:" in out
    assert f"Session {bad} (Tuesday): its stored log is inconsistent (ended: the session" in out
    assert f"Session {good} " not in out
    assert main(["--db", str(path), "export-json", str(bad), "-o", str(tmp_path / "x.json")]) == 1
    err = capsys.readouterr().err
    assert "'circlekeeper check' lists every such session" in err
    assert main(["--db", str(path), "export-json", str(good), "-o", str(tmp_path / "g.json")]) == 0
