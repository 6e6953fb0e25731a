"""The server, not the app, records who ran a session (migration 0010_run_by_enforced).

History, the session's detail and the printed summary name ``sessions.run_by`` as the
facilitator (0009). The app wrote it, so a facilitator's client, or plain SQL as ``psql``
sends it, could store a session "run by" another facilitator or rename one afterwards.
Against the real server with two facilitator roles and a coordinator: the column is the
writer's login role whatever the client sends, and nobody the row-level security policies
bind can change it; the database's owner is bound no more than the policies bind it, so the
demo and imported sessions it writes keep their typed names; rows older than the revision
are untouched; and the app's own path (start a circle, end it, History) names who ran it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from circlekeeper.demo.seeding import seed_demo_circle
from circlekeeper.session.interchange.session_file import document_from_log
from circlekeeper.store import CircleRecord, migrate, open_store
from circlekeeper.store.database import make_engine
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.store.location import resolve
from circlekeeper.store.sessions.importing import import_session
from tests.store.backends import Backend
from tests.store.test_server_roles import Org, org  # noqa: F401 - the fixture
from tests.store.test_who_ran_it import USUAL, run_a_circle

OMITTED = object()
"""The client names no runner at all (the column is left out of the INSERT)."""


def role(url: str) -> str:
    name = make_url(url).username
    assert name is not None
    return name


def insert_session(conn: psycopg.Connection, circle_id: int, run_by: object = OMITTED) -> int:
    """A session row as plain SQL would write it, naming ``run_by`` or leaving it out."""
    columns = (
        "circle_id, facilitators_json, co_facilitators_json, plan_json, started_at, timezone,"
        " status, shareable, event_count, search_text"
    )
    values = "%s, '[\"Robin Usual\"]', '[]', '[]', now(), 'UTC', 'ended', '', 0, ''"
    params: list[object] = [circle_id]
    if run_by is not OMITTED:
        columns += ", run_by"
        values += ", %s"
        params.append(run_by)
    row = conn.execute(
        f"INSERT INTO sessions ({columns}) VALUES ({values}) RETURNING id", params
    ).fetchone()
    assert row is not None
    return int(row[0])


def run_by_of(conn: psycopg.Connection, session_id: int) -> str | None:
    row = conn.execute("SELECT run_by FROM sessions WHERE id = %s", (session_id,)).fetchone()
    assert row is not None
    return None if row[0] is None else str(row[0])


def a_circle(url: str) -> int:
    with open_store(url) as store:
        return store.circles.save(CircleRecord(None, "Tuesday", facilitators=(USUAL,)))


def test_a_facilitator_cannot_start_a_session_run_by_another(org: Org) -> None:  # noqa: F811
    circle_id = a_circle(org.robin)
    with org.login(org.sam) as sam:
        for other in (role(org.robin), "Robin Usual", ""):
            with pytest.raises(psycopg.errors.InsufficientPrivilege) as refused:
                insert_session(sam, circle_id, run_by=other)
            assert role(org.sam) in str(refused.value)
        assert sam.execute("SELECT count(*) FROM sessions").fetchone() == (0,), "none stored"


def test_the_server_records_the_writer_whatever_the_client_sends(org: Org) -> None:  # noqa: F811
    circle_id = a_circle(org.robin)
    sam_role = role(org.sam)
    with org.login(org.sam) as sam:
        assert run_by_of(sam, insert_session(sam, circle_id)) == sam_role, "nothing sent"
        assert run_by_of(sam, insert_session(sam, circle_id, run_by=None)) == sam_role
        assert run_by_of(sam, insert_session(sam, circle_id, run_by=sam_role)) == sam_role
    # The app sends nothing now: the server fills it in.
    with open_store(org.sam) as store:
        session_id = store.sessions.create(
            circle_id,
            facilitators=(USUAL,),
            plan=(),
            started_at=datetime.now(UTC),
            timezone="UTC",
            people=(),
        )
        assert store.sessions.get(session_id).run_by == sam_role


def test_nobody_the_policies_bind_can_change_who_ran_a_session(org: Org) -> None:  # noqa: F811
    circle_id, robins = run_a_circle(org.robin)
    with org.login(org.robin) as robin:
        for changed in (role(org.sam), None, "Someone Else"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege) as refused:
                robin.execute("UPDATE sessions SET run_by = %s WHERE id = %s", (changed, robins))
            assert "cannot be changed" in str(refused.value)
        # Naming the column with its own value changes nothing and is no offence.
        robin.execute("UPDATE sessions SET run_by = run_by WHERE id = %s", (robins,))
    with org.login(org.cora) as cora:  # a coordinator may close anyone's session, not rename it
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            cora.execute("UPDATE sessions SET run_by = %s WHERE id = %s", (role(org.cora), robins))
        closed = cora.execute("UPDATE sessions SET heartbeat_wall = now() WHERE id = %s", (robins,))
        assert closed.rowcount == 1, "the coordinator's own right is still there"
    _, sams = run_a_circle(org.sam, circle_id)
    with org.login(org.sam) as sam:  # an upsert's UPDATE is an UPDATE too
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as refused:
            sam.execute(
                "INSERT INTO sessions (id, circle_id, facilitators_json, co_facilitators_json,"
                " plan_json, started_at, timezone, status, shareable, event_count, search_text)"
                " SELECT id, circle_id, '[]', '[]', '[]', now(), 'UTC', 'ended', '', 0, ''"
                " FROM sessions WHERE id = %s"
                " ON CONFLICT (id) DO UPDATE SET run_by = %s",
                (sams, role(org.robin)),
            )
        assert "cannot be changed" in str(refused.value)
        assert run_by_of(sam, sams) == role(org.sam)
        assert run_by_of(sam, robins) == role(org.robin)


def test_the_owner_is_bound_no_more_than_the_policies_bind_it(
    org: Org,  # noqa: F811
) -> None:
    """The administrator's demo and imported sessions keep their typed names (NULL), and it
    may correct a record; a facilitator's import is recorded as theirs."""
    circle_id, robins = run_a_circle(org.robin)
    with open_store(org.robin) as store:
        document = document_from_log(store.sessions.entries(robins), circle="Visiting circle")
    admin = create_engine(org.admin, poolclass=NullPool)
    try:
        with admin.begin() as conn:
            conn.execute(
                text("UPDATE sessions SET run_by = 'corrected' WHERE id = :id"), {"id": robins}
            )
    finally:
        admin.dispose()
    with open_store(org.admin) as store:
        imported_by_admin = import_session(store.engine, document).session_id
        assert store.sessions.get(imported_by_admin).run_by is None
        assert store.sessions.get(robins).run_by == "corrected"
        listing = HistoryQueries.for_store(store).listing(imported_by_admin)
        assert listing.facilitators == (USUAL, "Jonas"), "the names in the file, as before"
        demo = seed_demo_circle(store.engine, sessions=3, seed=1)
        with store.engine.connect() as conn:
            runners = conn.execute(
                text("SELECT DISTINCT run_by FROM sessions WHERE circle_id = :c"), {"c": demo}
            ).scalars()
            assert list(runners) == [None], "invented sessions name nobody"
    with open_store(org.sam) as store:
        document = document_from_log(store.sessions.entries(robins), circle="Another circle")
        imported_by_sam = import_session(store.engine, document).session_id
        assert store.sessions.get(imported_by_sam).run_by == role(org.sam)
    assert circle_id


def test_rows_from_before_the_revision_are_untouched(org: Org) -> None:  # noqa: F811
    circle_id, robins = run_a_circle(org.robin)
    engine = make_engine(resolve(org.admin), foreign_keys=False)
    config = migrate.alembic_config()
    try:
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0009_session_run_by")
        with org.login(org.sam) as sam:  # what 0009 let a facilitator store
            spoofed = insert_session(sam, circle_id, run_by=role(org.robin))
            unnamed = insert_session(sam, circle_id)
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        engine.dispose()
    with org.login(org.admin) as admin:
        assert run_by_of(admin, robins) == role(org.robin)
        assert run_by_of(admin, spoofed) == role(org.robin), "stored before: not rewritten"
        assert run_by_of(admin, unnamed) is None
    with org.login(org.sam) as sam, pytest.raises(psycopg.errors.InsufficientPrivilege):
        sam.execute("UPDATE sessions SET run_by = %s WHERE id = %s", (role(org.sam), unnamed))


@pytest.fixture
def owned_database(backend: Backend) -> Iterator[str]:
    """A database owned by a plain role (no superuser, as docs/storage.md sets one up), which
    migrates it and so owns its tables; its URL."""
    if backend.is_sqlite:
        pytest.skip("roles are a PostgreSQL server's")
    assert backend.admin_url is not None
    suffix = uuid.uuid4().hex[:6]
    owner, database = f"ck_own_{suffix}", f"ck_owned_{suffix}"
    admin = create_engine(backend.admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE ROLE "{owner}" LOGIN'))
            connection.execute(text(f'CREATE DATABASE "{database}" OWNER "{owner}"'))
        url = backend.admin_url.set(database=database, username=owner)
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            connection.execute(text(f'DROP ROLE IF EXISTS "{owner}"'))
        admin.dispose()


def test_the_tables_owner_is_not_bound_either(owned_database: str) -> None:
    """The owner is exempt because the policies exempt it, not because it is a superuser."""
    circle_id = a_circle(owned_database)
    parsed = make_url(owned_database)
    with psycopg.connect(
        host=parsed.host,
        port=parsed.port,
        user=parsed.username,
        dbname=parsed.database,
        autocommit=True,
    ) as owner:
        assert owner.execute(
            "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
        ).fetchone() == (False,)
        assert run_by_of(owner, insert_session(owner, circle_id)) == parsed.username
        assert run_by_of(owner, insert_session(owner, circle_id, run_by=None)) is None
        named = insert_session(owner, circle_id, run_by="robin")
        owner.execute("UPDATE sessions SET run_by = 'sam' WHERE id = %s", (named,))
        assert run_by_of(owner, named) == "sam"


def test_the_app_names_who_ran_the_circle_in_history(
    org: Org,  # noqa: F811
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Sam starts Robin's usual circle from the window (the start dialog fills in Robin's
    name), ends it, and History's Facilitator column names Sam's role."""
    from circlekeeper.app import build_app
    from circlekeeper.ui.catalog import CircleDetail, Member
    from circlekeeper.ui.history import HistoryPage
    from tests.ui.conftest import TestClock, app_options

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    parts = build_app(org.sam, app_options(TestClock()))
    window = parts.window
    qtbot.addWidget(window)
    try:
        window.save_circle(
            CircleDetail(None, "Tuesday", facilitators=(USUAL,), members=(Member(-1, "Amal"),))
        )
        window.start_circle()
        session_id = window._session_id
        assert window.live_view is not None
        window.live_view.end_circle()
        assert window.summary_view is not None
        window.summary_view.closed.emit("")
        (history,) = window.findChildren(HistoryPage)
        window.pages.setCurrentWidget(history)
        history.reload()
        qtbot.waitUntil(lambda: history.model.row_of(session_id) is not None, timeout=10000)
        row = history.model.row_of(session_id)
        cells = [
            str(history.model.index(row, column).data())
            for column in range(history.model.columnCount())
        ]
        assert any(role(org.sam) in cell for cell in cells), cells
        assert not any(USUAL in cell for cell in cells), cells
        assert parts.store.sessions.get(session_id).status == "ended"
    finally:
        if window.controller is not None:
            window.controller.shutdown()
        parts.data.close()
