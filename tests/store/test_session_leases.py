"""A live session has an owner and a lease: two apps never both run one circle (issue #14).

On PostgreSQL two app instances are two ``Store`` objects on one database; a second
facilitator is a second login role. On a SQLite file the writer lock already proves nobody
else runs, so any lease found there is stale and the facilitator's own circle is offered.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from circlekeeper.session import Participant
from circlekeeper.store import CircleRecord, Store, open_store
from circlekeeper.store.journal import StoreJournal
from circlekeeper.store.leases import LeaseHeld, LeaseLost
from circlekeeper.store.models import SessionRow
from tests.store.backends import Backend
from tests.store.samples import PLAN, play_short_session


def start_circle(store: Store, name: str = "Tuesday") -> int:
    circle_id = store.circles.save(CircleRecord(None, name))
    return store.sessions.create(
        circle_id,
        facilitators=("Robin",),
        plan=PLAN,
        started_at=datetime.now(UTC),
        timezone="UTC",
        people=(),
    )


def go_quiet(store: Store, session_id: int, seconds: float) -> None:
    """As if the app holding the lease stopped ``seconds`` ago (a crash, a lid closed)."""
    long_ago = datetime.now(UTC) - timedelta(seconds=seconds)
    with Session(store.engine) as s, s.begin():
        s.execute(
            update(SessionRow)
            .where(SessionRow.id == session_id)
            .values(lease_renewed_at=long_ago, heartbeat_wall=long_ago)
        )


@pytest.fixture
def where(backend: Backend) -> str:
    if backend.is_sqlite:
        pytest.skip("a SQLite file has one app at a time (the writer lock)")
    return backend.fresh("lease")


def test_a_new_circle_is_the_facilitators_and_leased_by_this_app(store: Store) -> None:
    session_id = start_circle(store)
    lease = store.leases.claim(session_id)
    journal = StoreJournal(store, session_id, lease)
    play_short_session((Participant("1", "Ana"),), sink=journal.append)
    journal.heartbeat(datetime.now(UTC), 12.0)
    assert store.sessions.get(session_id).events > 0
    with Session(store.engine) as s:
        row = s.get(SessionRow, session_id)
        assert row is not None and row.owner == store.identity and row.lease_token == lease.token


def test_sqlite_offers_the_facilitators_interrupted_circle_at_once(
    backend: Backend, store: Store
) -> None:
    if not backend.is_sqlite:
        pytest.skip("on a server a fresh lease may belong to a running app")
    session_id = start_circle(store)
    store.leases.claim(session_id)  # the app that crashed a second ago held it
    assert store.leases.stale_own() == [session_id]
    store.leases.claim(session_id)  # resuming takes it over


def test_a_second_app_cannot_resume_close_or_discard_a_running_circle(where: str) -> None:
    with open_store(where) as laptop, open_store(where) as other:
        session_id = start_circle(laptop)
        journal = StoreJournal(laptop, session_id, laptop.leases.claim(session_id))
        journal.heartbeat(datetime.now(UTC), 1.0)
        assert other.leases.stale_own() == []  # start-up offers nothing
        with pytest.raises(LeaseHeld) as held:
            other.leases.claim(session_id)
        message = str(held.value)
        assert "“Tuesday”" in message and other.identity in message and "since" in message
        assert "cannot be resumed, closed or discarded" in message and "\n" not in message
        play_short_session((Participant("1", "Ana"),), sink=journal.append)  # A carries on


def test_a_quiet_lease_goes_to_the_next_start_and_the_old_app_stops_writing(where: str) -> None:
    with open_store(where) as crashed, open_store(where) as restarted:
        session_id = start_circle(crashed)
        old = StoreJournal(crashed, session_id, crashed.leases.claim(session_id))
        entries = play_short_session((Participant("1", "Ana"),))
        old.append(entries[0])
        go_quiet(crashed, session_id, 60)
        assert restarted.leases.stale_own() == [session_id]
        new = StoreJournal(restarted, session_id, restarted.leases.claim(session_id))
        with pytest.raises(LeaseLost):
            old.append(entries[1])
        with pytest.raises(LeaseLost):
            old.heartbeat(datetime.now(UTC), 5.0)
        new.append(entries[1])
        assert [e.seq for e in restarted.sessions.entries(session_id)] == [1, 2]


def test_two_starts_claiming_at_once_get_it_once(where: str) -> None:
    import threading

    with open_store(where) as a, open_store(where) as b:
        session_id = start_circle(a)
        go_quiet(a, session_id, 60)
        barrier = threading.Barrier(2)
        won: list[str] = []

        def claim(store: Store) -> None:
            barrier.wait()
            try:
                store.leases.claim(session_id)
                won.append("claimed")
            except LeaseHeld:
                won.append("held")

        threads = [threading.Thread(target=claim, args=(s,)) for s in (a, b)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert sorted(won) == ["claimed", "held"]


@pytest.fixture
def second_facilitator(where: str) -> Iterator[str]:
    """A URL of another login role on the same database, with a facilitator's table rights."""
    url = make_url(where)
    role = f"ck_sam_{url.database[-10:]}"
    admin = create_engine(where, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            if not connection.execute(
                text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            ).scalar():
                pytest.skip("needs a superuser to make a role (the suite's own cluster is one)")
            open_store(where).close()
            connection.execute(text(f'CREATE ROLE "{role}" LOGIN'))
            rights = "SELECT, INSERT, UPDATE, DELETE"
            connection.execute(text(f'GRANT {rights} ON ALL TABLES IN SCHEMA public TO "{role}"'))
            connection.execute(text(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{role}"'))
        yield url.set(username=role).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP OWNED BY "{role}"'))
            connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


def test_another_facilitators_quiet_circle_is_not_theirs_to_take(
    where: str, second_facilitator: str
) -> None:
    with open_store(where) as robin, open_store(second_facilitator) as sam:
        assert robin.identity != sam.identity
        session_id = start_circle(robin)
        robin.leases.claim(session_id)
        go_quiet(robin, session_id, 3600)  # an hour quiet: still not Sam's to resume
        assert sam.leases.stale_own() == []
        with pytest.raises(LeaseHeld, match=robin.identity):
            sam.leases.claim(session_id)
        go_quiet(robin, session_id, 4 * 3600)
        with pytest.raises(LeaseHeld):  # closing it is a coordinator's job (test_server_roles)
            sam.leases.close_abandoned(session_id)
        assert robin.sessions.get(session_id).status == "live"
        assert robin.leases.stale_own() == [session_id]  # Robin's own, to resume or close


def test_close_abandoned_refuses_a_recent_circle_and_closes_a_silent_one(
    where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from circlekeeper.cli import main

    with open_store(where) as laptop:
        session_id = start_circle(laptop)
        laptop.leases.claim(session_id)
        go_quiet(laptop, session_id, 600)  # ten minutes: a long break, not abandonment
    assert main(["--db", where, "close-abandoned", str(session_id)]) != 0
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "is held by" in err and "since" in err
    with open_store(where) as laptop:
        go_quiet(laptop, session_id, 5 * 3600)
    assert main(["--db", where, "close-abandoned", str(session_id)]) == 0
    assert "closed as abandoned" in capsys.readouterr().out
    with open_store(where, read_only=True) as store:
        assert store.sessions.get(session_id).status == "abandoned"


def test_close_abandoned_says_how_long_and_when_it_may_close(
    where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Walked as a coordinator: a circle silent for 26 minutes was refused with "its last sign
    of life was 1568 seconds ago. It cannot be resumed, closed or discarded from here", which
    told the coordinator neither the time in words nor that it may be closed later."""
    from circlekeeper.cli import main

    with open_store(where) as laptop:
        session_id = start_circle(laptop)
        laptop.leases.claim(session_id)
        go_quiet(laptop, session_id, 30 * 60 + 5)
    assert main(["--db", where, "close-abandoned", str(session_id)]) != 0
    err = capsys.readouterr().err.strip()
    assert "30 minutes ago" in err, err
    assert "silent for 180 minutes" in err and "--hours" in err, err
    assert "cannot be resumed, closed or discarded" not in err
    assert main(["--db", where, "close-abandoned", str(session_id), "--hours", "0.5"]) == 0
