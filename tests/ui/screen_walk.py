"""One evening through every window, page and dialog, looked at with a given check.

The walk is a facilitator's: the welcome page, the dialogs of the circle menu, a circle's page,
the history with each of its tabs, a live circle with its dialogs (started late, a late
arrival, someone leaving, the notes' passphrase, quitting while it runs), the summary, and the
questions afterwards (deleting a session, the resume offer). ``look(screen, widget)`` is
called on each with the widget on screen; dialogs are looked at while they are open, then
closed as Escape would close them. Used in every shipped language by
``test_translated_dialogs_fit.py`` (text too wide for its button or label) and
``test_mnemonic_clashes.py`` (two widgets of one window claiming one Alt+letter).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from circlekeeper.app import AppParts
from circlekeeper.i18n import _
from circlekeeper.ui.ask import ask_yes_no
from circlekeeper.ui.catalog import LiveSessionInfo
from circlekeeper.ui.export_dialog import ExportDialog
from circlekeeper.ui.live.resume_dialog import ask_resume
from circlekeeper.ui.settings_dialog import AppSettings, SettingsDialog
from circlekeeper.ui.setup.setup_dialog import SetupDialog
from tests.ui.conftest import TestClock
from tests.ui.pseudo_screens import Offender, look_at_modal
from tests.ui.test_pseudo_locale_screens import CIRCLE, with_circle

Look = Callable[[str, QWidget], list[Offender]]
PASSPHRASE = "a long enough passphrase 42"


def modal(look: Look, name: str, open_it: Callable[[], object]) -> list[Offender]:
    """Open a modal dialog, look at it once it is on screen, then close it (rejected)."""
    return look_at_modal(look, name, open_it)


def _history(parts: AppParts, look: Look) -> list[Offender]:
    found: list[Offender] = []
    for title, page in parts.window.options.extra_pages.items():
        parts.window.show_page(page)
        QApplication.processEvents()
        found += look(f"page {title}", parts.window)
        for tabs in page.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
                found += look(f"page {title}, tab {tabs.tabText(index)}", parts.window)
    return found


def walk(parts: AppParts, clock: TestClock, look: Look) -> list[Offender]:
    window = parts.window
    bridge = parts.data.notes.bridge
    found = look("welcome", window)
    found += modal(look, "new circle", window.new_circle)
    found += modal(look, "archived circles", window.show_archived)
    found += modal(look, "prompt library", window.open_prompt_library)
    found += modal(look, "export", lambda: ExportDialog(window).exec())
    found += modal(look, "choose a passphrase", lambda: bridge.request_unlock(window))
    settings = SettingsDialog(AppSettings(), window, language="")
    settings.show()
    QApplication.processEvents()
    found += look("settings", settings)
    settings.close()

    with_circle(parts)
    QApplication.processEvents()
    found += look("a circle's page", window)
    found += modal(look, "edit circle", window.edit_circle)
    automatic = window.options.setup_dialog
    window.options.setup_dialog = SetupDialog
    found += modal(look, "start a circle", window.start_circle)
    window.options.setup_dialog = automatic
    found += _history(parts, look)
    window.show_circles()

    parts.data.notes.vault.create(PASSPHRASE)
    parts.data.notes.vault.lock()
    found += modal(look, "unlock the notes", lambda: bridge.request_unlock(window))
    window.start_circle()
    assert window.controller is not None and window.live_view is not None
    window.controller.move_on()
    window.controller.move_on()
    clock.advance(20)
    QApplication.processEvents()
    found += look("live circle", window)
    view = window.live_view
    found += modal(look, "started late", view._late)
    found += modal(look, "late arrival", view._arrival)
    found += modal(look, "someone leaves", view._leaving)
    automatic_yes = window.options.ask
    window.options.ask = None  # the real question, answered No by closing it
    try:
        found += modal(look, "quit while a circle runs", window.close)
    finally:
        window.options.ask = automatic_yes

    session_id = window._session_id
    assert session_id is not None
    clock.advance(30)
    view.end_circle()
    QApplication.processEvents()
    found += look("summary", window)
    assert window.summary_view is not None
    window.summary_view.closed.emit("")
    history = window.options.extra_pages[_("&History")]
    window.show_page(history)
    history.ask = ask_yes_no  # type: ignore[attr-defined]
    notes = parts.data.notes
    if not notes.vault.is_unlocked:
        notes.vault.unlock(PASSPHRASE)
    notes.service.add("A word after the circle", session_id)  # a session with notes is asked
    found += modal(look, "delete a session", lambda: history.delete_session(session_id))
    history.ask = lambda *_args: True  # type: ignore[attr-defined]
    history.delete_session(session_id)  # type: ignore[attr-defined]
    QApplication.processEvents()
    found += look("a session deleted, with its undo", window)
    history.deleting.undo()  # type: ignore[attr-defined]
    history.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]  # Sessions, beside its detail
    history.show_session(session_id)  # type: ignore[attr-defined]
    deadline = time.monotonic() + 10  # read on the history's own thread
    while history.detail_view is None and time.monotonic() < deadline:  # type: ignore[attr-defined]
        QTest.qWait(10)
    assert history.detail_view is not None  # type: ignore[attr-defined]
    found += look("a session's detail in the history", window)
    started = datetime(2026, 12, 2, 18, 5, tzinfo=UTC)
    info = LiveSessionInfo(1, CIRCLE, started, started, 12)
    found += modal(look, "resume offer", lambda: ask_resume(window, info))
    return found


@contextmanager
def shown_app(qtbot: Any, db: Path, options: Any, size: tuple[int, int]) -> Iterator[AppParts]:
    """The app on ``db``, shown at ``size``; its circle stopped and its data closed after."""
    from circlekeeper.app import build_app

    parts = build_app(str(db), options)
    qtbot.addWidget(parts.window)
    parts.window.resize(*size)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    try:
        yield parts
    finally:
        if parts.window.controller is not None:
            parts.window.controller.shutdown()
            parts.window.controller = None
        parts.window.close()
        parts.data.close()


@contextmanager
def shown_in(
    language: str, qtbot: Any, db: Path, clock: TestClock, app: QApplication
) -> Iterator[AppParts]:
    """The app in ``language`` (catalog and Qt's own words), shown at the laptop size."""
    from circlekeeper.i18n import use_language
    from circlekeeper.ui.qt_language import apply_language
    from tests.ui.conftest import AutoSetup, app_options
    from tests.ui.test_pseudo_locale_screens import HEIGHT, WIDTH

    use_language(language)
    apply_language(app, language)
    with shown_app(qtbot, db, app_options(clock, AutoSetup), (WIDTH, HEIGHT)) as parts:
        yield parts
