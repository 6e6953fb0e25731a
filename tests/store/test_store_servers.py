"""What "any SQLAlchemy URL works, PostgreSQL included" promises, on every backend.

Each test runs on SQLite and, when ``CIRCLEKEEPER_TEST_POSTGRES_URL`` names a server, on a fresh
PostgreSQL database (see ``tests/store/backends.py``): migrations build the schema the models
describe, an older schema with data is upgraded in place, read-only stores cannot write, a
database of another program is refused, and the headless commands work on a URL.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, create_engine, inspect, text

from circlekeeper.cli import main
from circlekeeper.store import CircleRecord, StoreUnavailable, migrate, open_store
from circlekeeper.store.database import make_engine
from circlekeeper.store.location import resolve
from circlekeeper.store.models import Base, compared_on
from tests.store.backends import NewDb


def test_migrations_build_exactly_the_schema_the_models_describe(new_db: NewDb) -> None:
    engine = make_engine(resolve(new_db("schema")), foreign_keys=False)
    try:
        migrate.upgrade(engine)
        with engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
            context = MigrationContext.configure(
                connection,
                opts={"compare_type": True, "include_object": compared_on(connection.dialect.name)},
            )
            assert compare_metadata(context, Base.metadata) == []
            indexes = {i["name"] for i in inspect(connection).get_indexes("sessions")}
            covering = _covering_index(connection)
    finally:
        engine.dispose()
    assert {"ix_sessions_circle_id_started_at", "ix_sessions_started_at"} <= indexes
    # Alembic compares an index's key columns, not what it INCLUDEs: that is checked here.
    if engine.dialect.name == "postgresql":
        assert covering == {"column_names": ["session_id"], "include": ["person_id", "passes"]}
    else:
        assert covering is None


def _covering_index(connection: Connection) -> dict[str, list[str]] | None:
    """The period figures' covering index on ``session_people`` (0008), as the server has it."""
    for index in inspect(connection).get_indexes("session_people"):
        if index["name"] == "ix_session_people_session_id_covering":
            options = index.get("dialect_options", {})
            return {
                "column_names": list(index["column_names"]),
                "include": list(options.get("postgresql_include", [])),
            }
    return None


def test_the_period_index_comes_and_goes_with_its_revision(new_db: NewDb) -> None:
    """0008 builds the covering index on PostgreSQL (nothing on SQLite), and undoing it
    takes away that index alone: the rows and every other index stay."""
    where = new_db("covering")
    with open_store(where) as store:
        circle_id = store.circles.save(CircleRecord(None, "Tuesday"))
        ana = store.people.add("Ana", circle_ids=[circle_id]).person_id
        session_id = store.sessions.create(
            circle_id,
            facilitators=("Robin",),
            plan=(),
            started_at=datetime(2026, 3, 3, 18, tzinfo=UTC),
            timezone="UTC",
            people=(ana,),
        )
    engine = make_engine(resolve(where), foreign_keys=False)
    try:
        with engine.connect() as connection:
            at_head = _covering_index(connection)
            indexes_at_head = _index_names(connection)
        config = migrate.alembic_config()
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0007_circle_cadence")
        with engine.connect() as connection:
            assert migrate.current_revision(connection) == "0007_circle_cadence"
            assert _covering_index(connection) is None
            gone = indexes_at_head - _index_names(connection)
            rows = connection.execute(text("SELECT session_id FROM session_people")).all()
        migrate.upgrade(engine)
        with engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
            assert _covering_index(connection) == at_head
            assert _index_names(connection) == indexes_at_head
    finally:
        engine.dispose()
    assert rows == [(session_id,)]
    if engine.dialect.name == "postgresql":
        assert at_head is not None
        assert gone == {"ix_session_people_session_id_covering"}
    else:
        assert at_head is None and gone == set()


def _index_names(connection: Connection) -> set[str]:
    found = inspect(connection)
    tables = found.get_table_names()
    return {str(index["name"]) for table in tables for index in found.get_indexes(table)}


def test_an_older_schema_holding_data_is_upgraded_and_keeps_it(new_db: NewDb) -> None:
    where = new_db("older")
    with open_store(where) as store:
        circle_id = store.circles.save(CircleRecord(None, "Tuesday", description="kept"))
        store.people.add("Ana", circle_ids=[circle_id])
    engine = make_engine(resolve(where), foreign_keys=False)
    try:
        config = migrate.alembic_config()
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0001")
    finally:
        engine.dispose()
    with pytest.raises(StoreUnavailable, match="open CircleKeeper once to update it"):
        open_store(where, read_only=True)
    with open_store(where) as store:
        assert store.circles.get(circle_id).description == "kept"
        assert [p.name for p in store.people.members(circle_id)] == ["Ana"]
        with store.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()


def test_a_reader_sees_the_writer_and_cannot_write_even_through_raw_sql(new_db: NewDb) -> None:
    where = new_db("reader")
    with open_store(where) as writer:
        writer.circles.save(CircleRecord(None, "Tuesday"))
        with open_store(where, read_only=True) as reader:
            assert reader.read_only
            writer.circles.save(CircleRecord(None, "Thursday"))  # the app writes meanwhile
            assert reader.circles.by_name("Thursday") is not None
            with pytest.raises(StoreUnavailable, match="read-only"):
                reader.circles.save(CircleRecord(None, "Not saved"))
            with pytest.raises(StoreUnavailable), reader.engine.begin() as connection:
                connection.execute(text("DELETE FROM circles"))
        assert {c.name for c in writer.circles.list()} == {"Tuesday", "Thursday"}


def test_reports_never_wait_for_the_server_to_compile_their_queries(new_db: NewDb) -> None:
    """PostgreSQL's JIT took seconds to compile the period figures' aggregates, which run in
    a fraction of that (a month of 100,000 sessions: 2.6 s of the server's CPU instead of
    0.7 s): every connection the app opens, writing or reading, has it off."""
    where = new_db("nojit")
    if "://" not in where:
        pytest.skip("JIT compilation is a PostgreSQL server's")
    with open_store(where) as writer, open_store(where, read_only=True) as reader:
        for store in (writer, reader):
            with store.engine.connect() as connection:
                assert connection.execute(text("SHOW jit")).scalar_one() == "off"
        with pytest.raises(StoreUnavailable, match="read-only"):  # still a reader
            reader.circles.save(CircleRecord(None, "Not saved"))


def test_a_reader_refuses_a_database_without_circlekeeper_data(new_db: NewDb) -> None:
    where = new_db("empty")
    with pytest.raises(StoreUnavailable, match="open CircleKeeper once"):
        open_store(where, read_only=True)
    if "://" in where:  # a server database stays empty; a missing file stays missing
        engine = create_engine(where)
        try:
            with engine.connect() as connection:
                assert inspect(connection).get_table_names() == []
        finally:
            engine.dispose()


def test_another_programs_database_is_refused_and_left_alone(new_db: NewDb) -> None:
    where = new_db("other")
    open_store(where).close()  # create the file (or reach the server database) first
    engine = create_engine(where if "://" in where else f"sqlite:///{where}")
    try:
        with engine.begin() as connection:
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(text(f"DROP TABLE {table.name}"))
            connection.execute(text("DROP TABLE alembic_version"))
            connection.execute(text("CREATE TABLE photos (name TEXT)"))
        with pytest.raises(StoreUnavailable, match="another program"):
            open_store(where)
        with engine.connect() as connection:
            assert inspect(connection).get_table_names() == ["photos"]
    finally:
        engine.dispose()


def test_demo_and_sessions_commands_work_on_the_database(
    new_db: NewDb, capsys: pytest.CaptureFixture[str]
) -> None:
    where = new_db("cli")
    assert main(["--db", where, "demo", "--sessions", "20", "--seed", "1"]) == 0
    assert "Added 20 demo sessions" in capsys.readouterr().out
    assert main(["--db", where, "sessions"]) == 0
    listing = capsys.readouterr().out
    assert "20 sessions" in listing
    with open_store(where) as store:  # after explicit demo ids, the app can still add one
        circle_id = store.circles.list()[0].circle_id
        added = store.sessions.create(
            circle_id,
            facilitators=("Robin",),
            plan=(),
            started_at=datetime.now(UTC),
            timezone="UTC",
            people=(),
        )
        assert added > 20


def test_an_unreachable_server_is_one_sentence_not_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("psycopg", reason="needs the PostgreSQL driver (circlekeeper[postgres])")
    url = "postgresql+psycopg://nobody:secret@127.0.0.1:1/circlekeeper"
    assert main(["--db", url, "sessions"]) != 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0, err
    assert "cannot reach the database server" in err and "127.0.0.1:1" in err
    assert "secret" not in err  # the password is never printed


def test_a_missing_driver_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if it were not installed
    url = "postgresql+psycopg://circlekeeper@127.0.0.1:1/circlekeeper"
    assert main(["--db", url, "sessions"]) != 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0, err
    assert "pip install 'circlekeeper[postgres]'" in err
