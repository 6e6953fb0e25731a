"""The composition root of the desktop app: one place builds the store, the catalog and windows.

Nothing else constructs application-wide objects, so every other module can be handed exactly
the narrow things it uses (a catalog, a clock, a store) and be tested alone.
"""

from __future__ import annotations

import logging
import os
import random
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _
from circlekeeper.process_clock import seconds_since_process_start

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QWidget

    from circlekeeper.store import Store
    from circlekeeper.store.history.queries import HistoryQueries
    from circlekeeper.ui.first_page import FirstPage
    from circlekeeper.ui.language_switch import LanguageSwitch
    from circlekeeper.ui.main_window import MainWindow, WindowOptions
    from circlekeeper.ui.notes.wiring import NotesParts

log = logging.getLogger(__name__)

RECENT_SESSIONS = 10
"""How far back *least heard first* looks when it orders a circle's speakers."""
UNPAINTED_WINDOW_WAIT_MS = 1500
"""How long the data waits for the window's first paint before opening anyway."""


class Connected:
    """What lives on an open database; closed together, the vault locked before the store.

    A plain class, as is :class:`AppParts`: this module is imported before the window's first
    paint, and ``@dataclass`` would spend milliseconds there generating methods (equality, a
    repr) these holders of live resources do not use.
    """

    __slots__ = ("closed", "history", "notes", "store")

    def __init__(self, store: Store, notes: NotesParts, history: HistoryQueries) -> None:
        self.store = store
        self.notes = notes
        self.history = history
        self.closed = False

    def take(self, other: Connected) -> None:
        """Hold ``other``'s data from now on (a restore reopened it): whoever keeps this
        holder (the language switch, the exit that closes it) follows."""
        self.store, self.notes, self.history = other.store, other.notes, other.history
        self.closed = False

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            self.notes.bridge.shutdown()
        finally:
            self.store.close()


class AppParts:
    """What the composition root built; the caller closes ``data`` when the window is gone."""

    __slots__ = ("data", "window")

    def __init__(self, data: Connected, window: MainWindow) -> None:
        self.data = data
        self.window = window

    @property
    def store(self) -> Store:
        return self.data.store


def default_options() -> WindowOptions:
    from circlekeeper.i18n.choice import LanguagePreference
    from circlekeeper.ui.main_window import WindowOptions

    return WindowOptions(
        muted=os.environ.get("CIRCLEKEEPER_MUTE") == "1",
        language_preference=LanguagePreference(),
    )


def run_gui(db: str | None, *, smoke_test: bool = False, argv: Sequence[str] = ()) -> int:
    """Show the main window with the facilitator's circles at once, then open the data.

    The database, its migrations and SQLAlchemy itself take a moment to load; the window does
    not wait for them: its first page is read with ``sqlite3`` (:func:`first_page`), so a
    facilitator sees their circles in the first paint. The data opens once the window has been
    painted (opening it blocks the event loop, and a window shown but not yet painted is an
    empty frame), or after ``UNPAINTED_WINDOW_WAIT_MS`` if the window is never exposed
    (started minimised); then the store's catalog takes over the same page.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from circlekeeper.ui.feature_scan import install_quick_feature_scan

    install_quick_feature_scan()  # before the window's modules and the data's are imported
    from circlekeeper.i18n import active_language
    from circlekeeper.identity import APP_ID, APP_NAME, VERSION
    from circlekeeper.ui.app_icon import app_icon
    from circlekeeper.ui.main_window import MainWindow
    from circlekeeper.ui.qt_language import apply_language
    from circlekeeper.ui.theme import apply_theme, install_enter_presses_buttons, style_arguments

    existing = QApplication.instance()
    app = existing or QApplication([sys.argv[0], *style_arguments(), *argv])
    assert isinstance(app, QApplication)  # windows need widgets, not a bare core application
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(VERSION)
    app.setDesktopFileName(APP_ID)  # lets the desktop match the window to its menu entry
    app.setWindowIcon(app_icon())
    translator = apply_language(app, active_language())
    from circlekeeper.ui.plain_clipboard import install_plain_clipboard

    install_plain_clipboard()  # a path copied from an Arabic message is the path
    # Enter presses buttons after the first paint: see open_data.
    apply_theme(app, enter_presses_buttons=False, styled=existing is None)
    if smoke_test and db is None:  # never the facilitator's own circles
        import tempfile

        scratch = tempfile.TemporaryDirectory(prefix="circlekeeper-smoke-")
        db = os.path.join(scratch.name, "smoke.sqlite3")
    from circlekeeper.store.file_path import plain_file
    from circlekeeper.store.lock import second_copy

    if (locked := second_copy(db)) is not None:  # a dialog of its own, before any window
        from circlekeeper.ui.first_copy import say_already_open

        say_already_open(locked.path, str(locked))
        raise locked
    page = first_page(db)
    if page is not None:  # its names' emoji, Chinese… show from the first paint
        from circlekeeper.ui.bundled_fonts import register_fonts_for

        register_fonts_for(repr(page))  # (every text the page shows is in its repr)
    window = MainWindow(None, default_options(), page)
    from circlekeeper.ui.window_place import remember_place, restore_place

    restore_place(window, window.splitter)
    current = [window]  # a language switch replaces the window
    if not smoke_test:  # a benchmark run must not move the facilitator's window
        app.aboutToQuit.connect(lambda: remember_place(current[0], current[0].splitter))
    window.show()
    opened: list[Connected] = []
    failure: list[UserFacingError] = []
    content_shown: list[bool] = []

    def finish_smoke() -> None:
        from circlekeeper import smoke_check

        smoke_check.report(opened[0].store, failure)
        app.exit(failure[0].exit_code if failure else 0)

    def shown_with_content() -> None:
        """The facilitator sees their data: what the start-up benchmark measures to."""
        content_shown.append(True)
        if smoke_test:
            print(f"{seconds_since_process_start() * 1000:.0f}", flush=True)
            if opened:  # the data opened before it could be shown
                finish_smoke()

    def open_data() -> None:
        if opening:
            return
        opening.append(True)
        install_enter_presses_buttons(app)
        while not opened:  # again once a damaged file's backup is in its place
            try:
                opened.append(connect_store(window, db))
            except UserFacingError as error:
                log.error("could not open the database: %s", error)
                from circlekeeper.store.restoring import backup_offer
                from circlekeeper.ui.damaged_start import cannot_open  # after the paint

                if smoke_test or not cannot_open(window, error, backup_offer(error)):
                    failure.append(error)
                    app.exit(error.exit_code)
                    return
        from circlekeeper.long_lived import keep_for_life  # after the paint, as all of this

        keep_for_life()  # start-up's objects leave the cycle collector's full rounds
        if smoke_test:
            log.info("data ready after %.0f ms", seconds_since_process_start() * 1000)
            if content_shown:
                finish_smoke()
            return
        if (path := plain_file(db)) is not None:  # a second copy raises this window
            from circlekeeper.ui.first_copy import FirstCopy

            FirstCopy(path, lambda: current[0], app)
        switch = install_language_switch(window, opened[0], translator)
        switch.replaced.append(lambda new: current.__setitem__(0, new))
        install_restore(opened[0], switch)
        greet(window, opened[0])

    opening: list[bool] = []
    window.content_painted.connect(shown_with_content)
    window.first_painted.connect(open_data)
    QTimer.singleShot(UNPAINTED_WINDOW_WAIT_MS, open_data)
    try:
        code = app.exec()
    finally:
        for data in opened:
            data.close()
    if failure:
        raise failure[0]
    return code


def first_page(db: str | None) -> FirstPage | None:
    """The circle list and the first circle's page, read before the store opens (see
    ``store/first_look.py``); ``None`` when only the store can tell what to show."""
    from circlekeeper.store.first_look import read_first_look
    from circlekeeper.ui.first_page import FirstPage, ListedCard, SeatedMember

    look = read_first_look(db)
    if look is None:
        return None
    cards = tuple(
        ListedCard(
            listed.record.circle_id or 0,
            listed.record.name,
            listed.record.description,
            listed.members,
            listed.sessions,
            listed.record.demo,
        )
        for listed in look.circles
    )
    if not look.circles:
        return FirstPage(cards, None)
    members = tuple(
        SeatedMember(p.person_id, p.name, p.pronouns, p.archived) for p in look.first_members
    )
    return FirstPage(cards, look.circles[0].record, members)


def greet(window: MainWindow, data: Connected) -> None:
    """What a facilitator is asked right after start-up: circles a crash left running first,
    then sessions past their circle's keeping time."""
    from circlekeeper.ui.open_notices import show_notices
    from circlekeeper.ui.retention_offer import offer_due_retention

    show_notices(window, data.store.notices, read_only=data.store.read_only)
    if data.store.read_only:
        return  # resuming a circle and deleting old sessions would both write
    window.offer_resume()
    offer_due_retention(data.history, lambda c: data.store.circles.get(c).name, window.ask)


def install_language_switch(
    window: MainWindow, data: Connected, translator: QTranslator | None = None
) -> LanguageSwitch:
    """Settings ▸ Language then rebuilds the window on the same open data, at once."""
    from PySide6.QtWidgets import QApplication

    from circlekeeper.ui.language_switch import LanguageSwitch
    from circlekeeper.ui.main_window import MainWindow

    def rebuild(old: MainWindow) -> MainWindow:
        # The old window's own choices (clock, dialogs, preference) carry over; everything
        # that lives on the data is wired again, worded in the new language.
        from copy import copy

        options = copy(old.options)
        options.extra_pages, options.switch_language = {}, None
        fresh = MainWindow(None, options)
        wire_window(fresh, data.store, notes=data.notes)
        return fresh

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return LanguageSwitch(app, window, rebuild, translator)


def connect_store(window: MainWindow, db: str | None) -> Connected:
    """Open the database and give the window everything that lives on it."""
    from circlekeeper.store import open_store

    try:
        store = open_store(db)
    except UserFacingError as refused:  # actions a revoked role kept on the laptop: say so
        from circlekeeper.store.offline_journal import kept_back_said

        raise kept_back_said(refused, db) from None
    try:
        return wire_window(window, store)
    except BaseException:
        store.close()
        raise


def wire_window(window: MainWindow, store: Store, notes: NotesParts | None = None) -> Connected:
    """Give ``window`` everything that lives on the open ``store``.

    ``notes``: the vault of a window this one replaces (a language switch), so unlocked notes
    stay unlocked; else a new one."""
    from circlekeeper.commands.report_input import base_context, period_report, session_report
    from circlekeeper.demo.seeding import seed_welcome_demo
    from circlekeeper.history.records import SessionFilter
    from circlekeeper.prompts.mood import MoodService
    from circlekeeper.store.history.queries import HistoryQueries
    from circlekeeper.ui.bundled_fonts import register_bundled_fonts
    from circlekeeper.ui.export_dialog import session_pdf_exporter
    from circlekeeper.ui.history import HistoryPage
    from circlekeeper.ui.history.period_export import store_period_saver
    from circlekeeper.ui.notes import build_notes
    from circlekeeper.ui.notes.in_view import for_window
    from circlekeeper.ui.notes.panel import NotesPanel
    from circlekeeper.ui.prompts.feature import PromptFeature
    from circlekeeper.ui.prompts.mood_widget import MoodCountDialog
    from circlekeeper.ui.settings_dialog import AppSettings
    from circlekeeper.ui.store_catalog import StoreCatalog

    register_bundled_fonts()  # names in every script the PDF prints show on screen too

    def name_of(person_id: int) -> str:
        return store.people.get(person_id).name

    settings = store.settings
    stored = AppSettings.load(settings)
    prompts = PromptFeature(store.prompts, avoid_last=stored.prompt_avoid_last)
    if notes is None:
        notes = build_notes(
            store.notes,
            store.vault_header,
            idle_minutes=stored.vault_idle_minutes or None,
            parent=window,
        )
    else:
        notes.bridge.setParent(window)

    def settings_applied(changed: AppSettings) -> None:
        prompts.avoid_last = changed.prompt_avoid_last
        notes.vault.set_idle_minutes(changed.vault_idle_minutes or None)

    window.options.settings_store = settings
    window.options.settings_applied = settings_applied
    window.options.prompts = prompts
    window.options.prompt_dealer = prompts.dealer_for
    window.options.notes_factory = notes.factory
    window.options.pdf_exporter = session_pdf_exporter(
        lambda session_id: session_report(store, session_id)
    )
    moods = MoodService(store.moods)
    window.options.mood_dialog = lambda parent, session_id, moment, present: MoodCountDialog(
        moods, session_id, moment, present=present, parent=parent
    ).exec()
    window.options.moods_of = lambda session_id: list(moods.for_session(session_id).values())
    notes_menu = notes.install_menu(window, name_of=name_of)
    queries = HistoryQueries.for_store(store)

    def export_from_history(parent: QWidget, session_id: int) -> object:
        """The history's *Save as PDF*: whichever exporter the window has at the time."""
        exporter = window.options.pdf_exporter
        if exporter is None:
            return None
        return exporter(parent, session_id, store.sessions.get(session_id).shareable)

    def saved_from_history(parent: QWidget, path: Path, kind: str) -> object:
        """Where a PDF or CSV saved from the history went: as after a circle's summary."""
        if window.options.exported is not None:
            return window.options.exported(parent, path)
        from circlekeeper.ui.export_memory import offer_to_open

        offer_to_open(parent, path, kind)
        return None

    history = HistoryPage(
        queries,
        notes_widget_factory=lambda session_id: NotesPanel(
            notes.service, notes.bridge, session_id=session_id, name_of=name_of
        ),
        person_notes_factory=lambda person_id: NotesPanel(
            notes.service, notes.bridge, person_id=person_id, name_of=name_of
        ),
        pdf_hook=export_from_history,
        saved=saved_from_history,
        ask=window.options.ask,
        period_saver=store_period_saver(
            lambda *args, **kw: period_report(store, *args, **kw),
            lambda: base_context(store),
            lambda circle_id: store.circles.get(circle_id).name,
        ),
    )
    window.add_page(_("&History"), history)
    notes_menu.follow(for_window(window, history, queries))
    window.apply_settings(stored)
    window.attach_catalog(
        StoreCatalog(
            store,
            prompts=prompts,
            balance=lambda circle_id: queries.speaking_balance(circle_id, RECENT_SESSIONS),
            session_count=lambda circle_id: queries.count(SessionFilter(circle_id=circle_id)),
            demo_factory=lambda target: seed_welcome_demo(
                target.engine, seed=random.randrange(1 << 30)
            ),
        )
    )
    if store.read_only:
        from circlekeeper.ui.read_only_hold import hold_writes

        hold_writes(window, notes_menu)  # after the language switch's rebuild too
    return Connected(store, notes, queries)


def build_app(db: str | None, options: WindowOptions | None = None) -> AppParts:
    """The window already connected to the store (for tests and tools: no event loop)."""
    from circlekeeper.ui.main_window import MainWindow

    window = MainWindow(None, options or default_options())
    parts = AppParts(connect_store(window, db), window)
    switch = install_language_switch(window, parts.data)
    switch.replaced.append(lambda new: setattr(parts, "window", new))
    install_restore(parts.data, switch)
    return parts


def install_restore(data: Connected, switch: LanguageSwitch) -> None:
    """*Restore from backup…* (``ui/restore/``): ``data`` is closed, the backup put in its
    place, and the data opened again under a window built as a language switch builds one."""
    from circlekeeper.ui.restore.command import RestoreCommand
    from circlekeeper.ui.store_catalog import StoreBackups

    switch.window.options.restore_backup = RestoreCommand(
        lambda: StoreBackups(data.store),
        data.close,
        lambda fresh: data.take(connect_store(fresh, str(data.store.path))),
        switch,
    )
