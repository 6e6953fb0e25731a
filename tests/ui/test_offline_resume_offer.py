"""A circle whose app stopped while the server was away: the events kept on the laptop count.

Walked on a real server: Robin's laptop lost the server mid-circle (7 events kept in the local
journal), then the app was killed. At the next start the offer said "its 3 recorded events are
safe" (only the server's), and *Close it* finished the session from those 3, leaving the 7 in
a file nobody would read again; *Discard* left them on the laptop for good. Now the offer
counts them, *Close it* delivers them first, and *Discard* removes them with the session.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.store import CircleRecord, Store, open_store
from circlekeeper.store.journal import StoreJournal
from circlekeeper.store.models import SessionRow
from circlekeeper.store.offline_journal import LocalJournal, journal_path
from circlekeeper.ui.store_catalog import StoreCatalog
from tests.store.samples import PLAN

ON_SERVER = 3


@pytest.fixture
def server_url(postgres_admin_url: str) -> Iterator[str]:
    admin = create_engine(postgres_admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    name = f"ck_test_resume_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(postgres_admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def stopped_offline(store: Store, folder: Path) -> tuple[int, Path, int]:
    """A live session with :data:`ON_SERVER` events on the server and the rest in the laptop's
    journal, its app gone quiet a minute ago; returns the id, the journal and all events."""
    circle_id = store.circles.save(CircleRecord(None, "Tuesday"))
    people = tuple(store.people.add(n, circle_ids=(circle_id,)).person_id for n in ("Ana", "Bo"))
    sid = store.sessions.create(
        circle_id,
        facilitators=("Robin",),
        plan=PLAN,
        started_at=datetime.now(UTC) - timedelta(minutes=10),
        timezone="UTC",
        people=people,
    )
    clock = FakeClock()
    log: list = []
    session = CircleSession(clock, sink=log.append, wall=lambda: datetime.now(UTC))
    session.start("Tuesday", [Participant(str(p), f"P{p}") for p in people], ("Robin",))
    session.start_round(PLAN[0])
    for person in people:
        session.start_turn(str(person))
        clock.advance(40)
        session.end_turn()
    journal = StoreJournal(store, sid, store.leases.claim(sid))
    for entry in log[:ON_SERVER]:
        journal.append(entry)
    where = store.location.url.render_as_string(hide_password=True)
    local = LocalJournal(journal_path(folder, where, sid))
    for entry in log[ON_SERVER:]:
        local.add(entry)
    quiet = datetime.now(UTC) - timedelta(minutes=1)
    with Session(store.engine) as s, s.begin():
        s.execute(
            update(SessionRow)
            .where(SessionRow.id == sid)
            .values(lease_renewed_at=quiet, heartbeat_wall=quiet)
        )
    return sid, local.path, len(log)


def test_the_offer_counts_and_close_delivers_the_events_kept_on_the_laptop(
    server_url: str, tmp_path: Path
) -> None:
    with open_store(server_url) as store:
        sid, kept, total = stopped_offline(store, tmp_path)
        catalog = StoreCatalog(store, offline_folder=tmp_path)
        offered = {info.session_id: info.events for info in catalog.live_sessions()}
        assert offered == {sid: total}, "the offer counts what waits on this computer"
        catalog.close_at_last_heartbeat(sid)
        stored = store.sessions.entries(sid)
        assert [e.seq for e in stored] == list(range(1, total + 1))
        record = store.sessions.get(sid)
        assert record.status == "abandoned"
        assert record.ended_at is not None and record.ended_at >= stored[-1].wall
        assert not kept.exists()


def test_discard_takes_the_laptops_copy_with_it(server_url: str, tmp_path: Path) -> None:
    with open_store(server_url) as store:
        sid, kept, _total = stopped_offline(store, tmp_path)
        StoreCatalog(store, offline_folder=tmp_path).discard(sid)
        assert not kept.exists(), "no participant's name left behind on the laptop"
