"""The first page is read before the store opens, and is exactly what the store then shows.

``app.first_page`` reads the circle list and the first circle's page with ``sqlite3`` so the
window shows the facilitator's circles in its first paint; when the store takes over nothing
may change on screen, and whenever the file cannot be read as the store would read it the
window waits for the store instead (which then says what is wrong).
"""

from __future__ import annotations

import sqlite3
from dataclasses import fields
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from circlekeeper.app import build_app, first_page
from circlekeeper.demo.seeding import seed_demo
from circlekeeper.session.frozen import fields as record_fields
from circlekeeper.store import CircleRecord, open_store
from circlekeeper.ui.catalog import CircleCard, Member
from circlekeeper.ui.first_page import FirstPage, ListedCard, SeatedMember
from circlekeeper.ui.main_window import MainWindow


@pytest.fixture
def circles_db(tmp_path: Path) -> Path:
    """Four demo circles, one of them archived, and an archived person in the first listed."""
    db = tmp_path / "circles.sqlite3"
    with open_store(db) as store:
        seed_demo(store.engine, 12, seed=5)
        listed = store.circles.list()
        store.circles.archive(listed[-1].circle_id or 0)
        store.circles.save(CircleRecord(None, "Zz quiet circle"))  # nobody in it, never met
        first = store.circles.list()[0]
        store.people.archive(store.people.members(first.circle_id or 0)[0].person_id)
    return db


def test_the_first_page_is_what_the_catalog_shows_once_the_data_opens(
    qtbot: QtBot, circles_db: Path
) -> None:
    page = first_page(str(circles_db))
    assert page is not None and page.first is not None
    parts = build_app(str(circles_db))
    try:
        qtbot.addWidget(parts.window)
        catalog = parts.window.catalog
        assert page.cards() == catalog.circles()
        assert page.detail() == catalog.circle(page.circles[0].circle_id)
        assert page.circles[-1].name == "Zz quiet circle"
        assert (page.circles[-1].members, page.circles[-1].sessions) == (0, 0)
        assert len(page.circles) == 4, "the archived circle is not listed"
    finally:
        parts.data.close()


def test_the_window_shows_the_first_page_then_the_same_page_from_the_store(
    qtbot: QtBot, circles_db: Path
) -> None:
    page = first_page(str(circles_db))
    assert page is not None and page.first is not None
    window = MainWindow(None, None, page)
    qtbot.addWidget(window)
    listed = [window.circle_list.item(i).text() for i in range(window.circle_list.count())]
    shown = window.circle_page.title.text(), window.circle_page.people.text()
    assert window.pages.currentWidget() is window.circle_page
    assert window.side.isEnabled(), "the circles are there to choose, not a waiting state"
    assert "Grief Circle" in shown[0]
    with qtbot.waitExposed(window):
        window.show()
    qtbot.wait(100)
    geometry = window.circle_list.geometry(), window.circle_page.geometry()
    parts = build_app(str(circles_db))
    try:
        qtbot.addWidget(parts.window)
        other = parts.window
        window.attach_catalog(other.catalog)
        qtbot.wait(100)  # the layouts settle
        assert (window.circle_list.geometry(), window.circle_page.geometry()) == geometry, (
            "nothing moves when the data opens (the status bar is there from the start)"
        )
        assert [other.circle_list.item(i).text() for i in range(other.circle_list.count())] == (
            listed
        )
        assert (other.circle_page.title.text(), other.circle_page.people.text()) == shown
    finally:
        parts.data.close()


def test_the_first_pages_lines_hold_every_field_of_the_catalogs_records() -> None:
    """The first page's light records carry the catalog's fields, in its order: a field added
    to a card or a member reaches the first paint too (or this fails)."""
    assert record_fields(ListedCard) == tuple(f.name for f in fields(CircleCard))
    assert record_fields(SeatedMember) == tuple(f.name for f in fields(Member))


def test_a_new_or_empty_file_is_the_welcome_page(tmp_path: Path) -> None:
    assert first_page(str(tmp_path / "not yet" / "ck.sqlite3")) == FirstPage((), None)
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert first_page(str(empty)) == FirstPage((), None)
    assert not (tmp_path / "not yet").exists(), "reading creates nothing"


def test_no_circles_yet_is_the_welcome_page(tmp_path: Path) -> None:
    db = tmp_path / "ck.sqlite3"
    open_store(db).close()
    assert first_page(str(db)) == FirstPage((), None)


@pytest.mark.parametrize("version", ["0001", "9999_future"])
def test_a_schema_to_migrate_or_from_a_newer_app_waits_for_the_store(
    circles_db: Path, version: str
) -> None:
    with sqlite3.connect(circles_db) as raw:
        raw.execute("UPDATE alembic_version SET version_num = ?", (version,))
    raw.close()
    assert first_page(str(circles_db)) is None


def test_damaged_and_foreign_files_and_servers_wait_for_the_store(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"\x13" * 20_000)
    assert first_page(str(garbage)) is None
    assert garbage.read_bytes() == b"\x13" * 20_000, "nothing is written"
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE songs (title TEXT)")
    raw.close()
    assert first_page(str(other)) is None
    assert first_page(str(tmp_path)) is None, "a folder"
    assert first_page("postgresql://circles@localhost/ck") is None


def test_circle_page_labels_show_text_as_typed_and_can_be_selected(
    qtbot: QtBot, circles_db: Path
) -> None:
    from PySide6.QtCore import Qt

    page = first_page(str(circles_db))
    assert page is not None
    window = MainWindow(None, None, page)
    qtbot.addWidget(window)
    title = window.circle_page.title
    assert title.textFormat() == Qt.TextFormat.PlainText
    assert title.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
