"""Writing a private note the evening after a circle, on a real SQLite file: *Notes ▸ Notes of
this circle…* opens the chosen circle's last session, or the one open in History, where a new
note can be written about someone who was there."""

from __future__ import annotations

from PySide6.QtGui import QAction

from circlekeeper.demo.seeding import seed_demo_circle
from circlekeeper.history.records import SessionFilter
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.ui.bidi_text import plain
from circlekeeper.ui.history import HistoryPage
from circlekeeper.ui.notes.notes_dialog import NotesDialog
from circlekeeper.ui.notes.panel import NotesPanel


def session_notes_action(window) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text() == "Notes of &this circle…")


def opened(qtbot, window) -> NotesDialog:
    session_notes_action(window).trigger()
    dialogs = [d for d in window.findChildren(NotesDialog) if d.isVisible()]
    assert len(dialogs) == 1
    qtbot.addWidget(dialogs[0])
    return dialogs[0]


def test_the_chosen_circles_last_session_opens_with_no_circle_run_today(qtbot, real_app) -> None:
    parts = real_app()
    window, store = parts.window, parts.store
    circle_id = seed_demo_circle(store.engine, sessions=3, seed=4)
    window.refresh_circles(select=circle_id)
    sessions = HistoryQueries.for_store(store).sessions(SessionFilter(circle_id=circle_id)).rows
    assert session_notes_action(window).isEnabled()
    dialog = opened(qtbot, window)
    assert dialog.panel.session_id == sessions[0].session_id  # the newest
    assert store.circles.get(circle_id).name in plain(dialog.windowTitle())
    # Whom a note can be about: who was there.
    about = [plain(dialog.panel.about.itemText(i)) for i in range(dialog.panel.about.count())]
    assert about[0] == "About no one" and len(about) > 2
    dialog.close()


def test_the_session_open_in_history_is_the_one_whose_notes_open(qtbot, real_app) -> None:
    parts = real_app()
    window, store = parts.window, parts.store
    circle_id = seed_demo_circle(store.engine, sessions=3, seed=4)
    window.refresh_circles(select=circle_id)
    history = next(p for p in window.options.extra_pages.values() if isinstance(p, HistoryPage))
    window.show_page(history)
    qtbot.waitUntil(lambda: history.model.rowCount() == 3)
    history.table.selectRow(2)  # the oldest
    qtbot.waitUntil(lambda: history.detail_view is not None)
    oldest = history.detail_view.detail.listing.session_id
    dialog = opened(qtbot, window)
    assert dialog.panel.session_id == oldest
    # The history's own view of the session has the same way to write one.
    notes = history.detail_view.notes_widget
    assert isinstance(notes, NotesPanel) and not notes.new_button.isHidden()
    assert notes.about.count() == dialog.panel.about.count()
    dialog.close()


def test_a_circle_that_never_met_says_so(qtbot, real_app, monkeypatch) -> None:
    from circlekeeper.ui.catalog import CircleDetail, Member
    from circlekeeper.ui.setup.setup_dialog import default_plan

    parts = real_app()
    window = parts.window
    window.save_circle(
        CircleDetail(None, "New", default_plan=default_plan(), members=(Member(-1, "Amal"),))
    )
    said: list[str] = []
    monkeypatch.setattr(
        "circlekeeper.ui.notes.factory.QMessageBox.information",
        lambda parent, title, text: said.append(text),
    )
    session_notes_action(window).trigger()
    assert said and "Choose a circle that has met" in said[0]
    assert not [d for d in window.findChildren(NotesDialog) if d.isVisible()]
