"""A circle's planned cadence is kept with the circle (migration 0007): saved and read back on
every backend, by the export's file reader too, and a circle from before has no fixed
schedule."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from alembic import command

from circlekeeper.session.cadence import Cadence, CadenceKind
from circlekeeper.store import Store, migrate, open_store
from circlekeeper.store.database import make_engine
from circlekeeper.store.file_reader import open_file_reader
from circlekeeper.store.location import resolve
from circlekeeper.store.records import CircleRecord

SECOND_TUESDAY = Cadence(CadenceKind.MONTHLY, date(2026, 1, 13))


def test_a_circle_keeps_its_cadence_and_its_first_meeting(store: Store) -> None:
    monthly = store.circles.save(CircleRecord(None, "Second Tuesdays", cadence=SECOND_TUESDAY))
    weekly = store.circles.save(CircleRecord(None, "Weekly", cadence=Cadence(CadenceKind.WEEKLY)))
    plain = store.circles.save(CircleRecord(None, "Whenever"))
    assert store.circles.get(monthly).cadence == SECOND_TUESDAY
    assert store.circles.get(weekly).cadence == Cadence(CadenceKind.WEEKLY)
    assert store.circles.get(plain).cadence == Cadence()
    changed = replace(store.circles.get(monthly), cadence=Cadence(CadenceKind.FORTNIGHTLY))
    store.circles.save(changed)
    assert store.circles.get(monthly).cadence == Cadence(CadenceKind.FORTNIGHTLY)


def test_no_fixed_schedule_keeps_no_first_meeting(store: Store) -> None:
    loose = Cadence(CadenceKind.NONE, date(2026, 1, 13))
    circle = store.circles.save(CircleRecord(None, "Loose", cadence=loose))
    assert store.circles.get(circle).cadence == Cadence()


def test_the_file_reader_reads_the_same_cadence(tmp_path: Path) -> None:
    path = tmp_path / "ck.sqlite3"
    with open_store(path) as store:
        circle = store.circles.save(CircleRecord(None, "Second Tuesdays", cadence=SECOND_TUESDAY))
        stored = store.circles.get(circle)
    reader = open_file_reader(path)
    try:
        assert reader.circles.get(circle) == stored
    finally:
        reader.close()


def test_circles_from_before_the_migration_have_no_fixed_schedule(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    open_store(path).close()
    engine = make_engine(resolve(path), foreign_keys=False)
    try:
        config = migrate.alembic_config()
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0006_demo_circles")
            connection.exec_driver_sql(
                "INSERT INTO circles (name, description, agreements_json, default_plan_json,"
                " facilitators_json, archived, privacy, mood_enabled, created_at, demo)"
                " VALUES ('Old friends', '', '[]', '[]', '[]', 0, 'counts', 0,"
                " '2025-01-01 00:00:00', 0)"
            )
    finally:
        engine.dispose()
    with open_store(path) as store:
        (old,) = store.circles.list()
        assert old.name == "Old friends" and old.cadence == Cadence()
        store.circles.save(replace(old, cadence=SECOND_TUESDAY))
        assert store.circles.get(old.circle_id or 0).cadence == SECOND_TUESDAY
