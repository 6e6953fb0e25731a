"""The schema comes only from alembic migrations, and the migrations match the models."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from circlekeeper.store import StoreUnavailable, migrate, open_store
from circlekeeper.store.database import make_engine
from circlekeeper.store.location import resolve
from circlekeeper.store.models import Base


def test_an_empty_database_upgraded_to_head_matches_the_models(tmp_path: Path) -> None:
    engine = make_engine(resolve(tmp_path / "empty.sqlite3"), foreign_keys=False)
    try:
        migrate.upgrade(engine)
        with engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "render_as_batch": True}
            )
            assert compare_metadata(context, Base.metadata) == []
            names = {
                row[0]
                for row in connection.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type IN ('index', 'table')"
                )
            }
    finally:
        engine.dispose()
    for expected in (
        "ix_sessions_circle_id_started_at",
        "ix_sessions_started_at",
        "ix_sessions_status",
        "ix_session_people_person_id_session_id",
        "session_people",
        "alembic_version",
    ):
        assert expected in names


def test_every_constraint_has_a_name() -> None:
    for table in Base.metadata.tables.values():
        for constraint in table.constraints:
            assert constraint.name, f"unnamed constraint on {table.name}"
        for index in table.indexes:
            assert index.name


def test_an_existing_file_is_backed_up_before_it_is_migrated(tmp_path: Path) -> None:
    """An older CircleKeeper file (here: one at the base revision holding a table of its
    own) is copied before the upgrade, and the copy is the file as it was."""
    path = tmp_path / "old.sqlite3"
    open_store(path).close()
    engine = make_engine(resolve(path), foreign_keys=False)
    try:
        config = migrate.alembic_config()
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
            connection.exec_driver_sql("CREATE TABLE keepsake (words TEXT)")
            connection.exec_driver_sql("INSERT INTO keepsake VALUES ('we were here first')")
    finally:
        engine.dispose()
    with open_store(path) as store:
        before = [p for p in store.backups.list() if "before-migration" in p.name]
        assert len(before) == 1
        assert store.circles.list() == []
    copy = sqlite3.connect(before[0])
    try:
        assert copy.execute("SELECT words FROM keepsake").fetchall() == [("we were here first",)]
        tables = copy.execute("SELECT count(*) FROM sqlite_master WHERE name='circles'")
        assert tables.fetchone() == (0,)
    finally:
        copy.close()


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "photos.sqlite3"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE photos (name TEXT)")
    other.close()
    before = path.read_bytes()
    with pytest.raises(StoreUnavailable, match="another program"):
        open_store(path)
    assert path.read_bytes() == before
    open_store(path.with_name("mine.sqlite3")).close()


def test_a_database_already_at_head_is_not_migrated_again(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    open_store(path).close()
    open_store(path).close()
    with open_store(path) as store:
        assert not [p for p in store.backups.list() if "before-migration" in p.name]


def test_the_revision_chain_read_from_the_files_is_alembics() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.known_revisions() == {
        s.revision: s.down_revision for s in scripts.walk_revisions()
    }
    assert migrate.head_revision() == scripts.get_current_head()


def test_a_database_at_the_newest_schema_opens_without_importing_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "ready.sqlite3"
    with open_store(path):
        pass  # created and migrated
    code = (
        "import sys\n"
        "from circlekeeper.store import open_store\n"
        f"with open_store({str(path)!r}) as store:\n"
        "    store.circles.list()\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
