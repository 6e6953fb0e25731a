"""What a shared server must take, and the ways it refuses, said as one line (issue #14).

Every test runs on the SQLite file and on a real PostgreSQL server (``tests/store/backends.py``):
an unbounded shareable summary saves, searches and travels through export and import; two
first starts on one empty database both open it; ``demo`` draws its ids from the sequence;
the server's refusals (no permission, too large, a character it cannot store) are one
sentence; and no participant's name reaches a traceback or a log line.
"""

from __future__ import annotations

import logging
import threading
import traceback
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from circlekeeper.cli import main
from circlekeeper.history.records import SessionFilter
from circlekeeper.session import Participant
from circlekeeper.store import CircleRecord, StoreUnavailable, migrate, open_store
from circlekeeper.store.bulk import reserve_session_ids
from circlekeeper.store.history.queries import HistoryQueries
from tests.store.backends import Backend, NewDb
from tests.store.samples import PLAN, START, play_short_session

SECRET_NAME = "Marguerite Okonkwo-Lindqvist"
"""A participant's name that must never be printed in a traceback or written to a log."""


def long_summary(size: int = 100_000) -> str:
    words = ["we", "listened", "and", "the", "room", "felt", "lighter", "than", "before"]
    out: list[str] = []
    total = 0
    index = 0
    while total < size:
        word = f"{words[index % len(words)]}{index}"
        out.append(word)
        total += len(word) + 1
        index += 1
    return " ".join(out)


def new_session(store, circle: str = "Tuesday") -> int:  # type: ignore[no-untyped-def]
    circle_id = store.circles.save(CircleRecord(None, circle))
    return store.sessions.create(
        circle_id,
        facilitators=("Robin",),
        plan=PLAN,
        started_at=START,
        timezone="UTC",
        people=(),
    )


def test_a_100_kb_shareable_summary_saves_is_found_and_travels(
    new_db: NewDb, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = new_db("summary")
    summary = long_summary()
    with open_store(where) as store:
        session_id = new_session(store)
        play_short_session(
            (Participant("1", "Ana"),), sink=lambda e: store.sessions.append(session_id, e)
        )
        store.sessions.set_shareable(session_id, summary)
        store.sessions.finish(session_id)
        assert store.sessions.get(session_id).shareable == summary
        found = HistoryQueries.for_store(store).sessions(SessionFilter(text="LIGHTER42 "))
        assert [row.session_id for row in found.rows] == [session_id]
    out = tmp_path / "session.json"
    assert main(["--db", where, "export-json", str(session_id), "-o", str(out)]) == 0
    copy = new_db("copy")
    open_store(copy).close()
    assert main(["--db", copy, "import", str(out)]) == 0, capsys.readouterr().err
    with open_store(copy, read_only=True) as store:
        found = HistoryQueries.for_store(store).sessions(SessionFilter(text="lighter42 "))
        copies = [store.sessions.get(row.session_id).shareable for row in found.rows]
    assert copies == [summary]


def test_two_first_starts_at_once_both_open_the_database(backend: Backend) -> None:
    if backend.is_sqlite:
        pytest.skip("a SQLite file has one writer: the second start is told it is open")
    for _round in range(3):
        where = backend.fresh("race")
        barrier = threading.Barrier(3)
        outcomes: list[object] = []

        def first_start(
            where: str = where, barrier: threading.Barrier = barrier, outcomes: list = outcomes
        ) -> None:
            barrier.wait()
            try:
                with open_store(where) as store:
                    outcomes.append(len(store.circles.list()))
            except Exception as error:  # the test reports whatever happened
                outcomes.append(error)

        threads = [threading.Thread(target=first_start) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert outcomes == [0, 0, 0]
        engine = create_engine(where)
        try:
            with engine.connect() as connection:
                assert migrate.current_revision(connection) == migrate.head_revision()
        finally:
            engine.dispose()


def test_demo_ids_come_from_the_sequence_so_the_app_never_collides(backend: Backend) -> None:
    if backend.is_sqlite:
        pytest.skip("a SQLite file has one writer (the lock), so demo and app never interleave")
    where = backend.fresh("demo")
    with open_store(where) as store:
        reserved = reserve_session_ids(store.engine, 5)  # a demo run is half-way
        made_meanwhile = new_session(store)  # the app starts a circle meanwhile
        assert made_meanwhile not in reserved
        assert len(set(reserved)) == 5
    assert main(["--db", where, "demo", "--sessions", "12", "--seed", "2"]) == 0
    with open_store(where) as store:
        assert new_session(store, "Friday") > made_meanwhile


def test_a_failed_statement_never_shows_a_name_in_a_traceback_or_log(
    store, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    circle_id = store.circles.save(CircleRecord(None, "Tuesday"))
    person = store.people.add(SECRET_NAME, circle_ids=[circle_id])
    caplog.set_level(logging.DEBUG)
    with pytest.raises(SQLAlchemyError) as caught, store.engine.begin() as connection:
        connection.execute(  # the same id again: a primary-key violation quoting the row
            text(
                "INSERT INTO people (id, name, pronouns, archived, created_at)"
                " VALUES (:id, :name, '', false, :at)"
            ),
            {"id": person.person_id, "name": SECRET_NAME, "at": datetime.now(UTC)},
        )
    printed = "".join(traceback.format_exception(caught.value))
    assert "INSERT INTO people" in printed  # the statement is there, for whoever debugs it
    assert SECRET_NAME not in printed
    assert SECRET_NAME not in caplog.text


def test_a_text_over_a_server_limit_is_one_sentence(store, backend: Backend) -> None:  # type: ignore[no-untyped-def]
    if backend.is_sqlite:
        pytest.skip("SQLite has no index entry limit")
    with store.engine.begin() as connection:  # an index such as the btree 0003 replaced
        connection.execute(text("CREATE INDEX ix_test_description ON circles (description)"))
    with pytest.raises(StoreUnavailable, match="too large for the database server") as caught:
        store.circles.save(CircleRecord(None, "Tuesday", description=long_summary(20_000)))
    assert "\n" not in str(caught.value)
    assert store.circles.list() == []


def test_a_character_the_server_cannot_store_is_one_sentence(store, backend: Backend) -> None:  # type: ignore[no-untyped-def]
    if backend.is_sqlite:
        pytest.skip("SQLite stores a NUL character as it is")
    with pytest.raises(StoreUnavailable, match="character the database cannot store"):
        store.circles.save(CircleRecord(None, "Tues\x00day"))
    with (
        pytest.raises(StoreUnavailable, match="character the database cannot store"),
        store.engine.begin() as connection,
    ):
        connection.execute(text("SELECT convert_from('\\xc328'::bytea, 'UTF8')"))
    assert store.circles.list() == []


def test_a_role_without_rights_gets_one_line_and_no_traceback(
    backend: Backend, capsys: pytest.CaptureFixture[str]
) -> None:
    if backend.is_sqlite:
        pytest.skip("a SQLite file has no roles")
    where = backend.fresh("rights")
    open_store(where).close()
    role = f"ck_reader_{make_url(where).database[-10:]}"
    admin = create_engine(where, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            if not connection.execute(
                text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            ).scalar():
                pytest.skip("needs a superuser to make a role (the suite's own cluster is one)")
            connection.execute(text(f'CREATE ROLE "{role}" LOGIN'))
            connection.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"'))
        url = make_url(where).set(username=role).render_as_string(hide_password=False)
        assert main(["--db", url, "demo", "--sessions", "3"]) != 0
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0, err
        assert "Your database role may not do this" in err and "permission denied" in err
        assert "Traceback" not in err
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP OWNED BY "{role}"'))
            connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


def test_a_service_file_names_the_server_so_the_url_holds_no_secrets(
    backend: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if backend.is_sqlite:
        pytest.skip("a SQLite file needs no server settings")
    url = make_url(backend.fresh("service"))
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[circles]\nhost={url.host}\nport={url.port}\ndbname={url.database}\n"
        f"user={url.username}\nsslmode=prefer\n"
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    with open_store("postgresql+psycopg:///?service=circles") as store:
        store.circles.save(CircleRecord(None, "Tuesday"))
    with open_store(url.render_as_string(hide_password=False), read_only=True) as store:
        assert [c.name for c in store.circles.list()] == ["Tuesday"]
