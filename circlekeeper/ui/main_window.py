"""The main window: circles on the left; welcome, circle, live circle or summary on the right.

It wires pages together and turns their intents into catalog calls; the live circle itself is
run by a :class:`LiveController` that it creates per session.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _
from circlekeeper.ui import offline_notice, window_resume, window_settings
from circlekeeper.ui.circle_list import CIRCLE, circle_list, fill_circles
from circlekeeper.ui.live.chime import Chime
from circlekeeper.ui.screen_fit import fit_to_screen
from circlekeeper.ui.welcome_page import WelcomePage
from circlekeeper.ui.window_menus import WindowMenus, menu_path
from circlekeeper.ui.window_options import WindowOptions

if TYPE_CHECKING:
    # Loaded when first used, not before the window is on screen: the benchmark for start-up
    # holds the first paint to 1.15x a bare QMainWindow, and each Qt class or namespace touched
    # early builds all of its enums (the Qt namespace alone costs about 50 ms of CPU).
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from circlekeeper.session.dealing import PromptDeal
    from circlekeeper.ui.catalog import Catalog, CircleDetail
    from circlekeeper.ui.first_page import FirstPage
    from circlekeeper.ui.live.arrival_dialog import Arrival
    from circlekeeper.ui.live.controller import LiveController
    from circlekeeper.ui.live.presenter_window import PresenterWindow
    from circlekeeper.ui.live.summary_view import SummaryView
    from circlekeeper.ui.live.view import LiveView
    from circlekeeper.ui.setup.circle_page import CirclePage

log = logging.getLogger(__name__)
STATUS_SECONDS = 10
"""How long a passing status-bar message stays."""


class MainWindow(QMainWindow):
    session_started = Signal(int)
    session_finished = Signal(int)
    first_painted = Signal()
    """The window has been painted and put on screen once (emitted just after that paint);
    the app opens its data then, so a facilitator sees the window while SQLAlchemy loads."""
    content_painted = Signal()
    """The window has been painted showing the facilitator's own data (their circles, or the
    welcome of an empty database), not a waiting state: what start-up is measured to."""

    def __init__(
        self,
        catalog: Catalog | None,
        options: WindowOptions | None = None,
        first_page: FirstPage | None = None,
    ) -> None:
        """``catalog`` may come later (:meth:`attach_catalog`): the window then appears at
        once, showing ``first_page`` (read without the store) when there is one, else a
        waiting state, and its commands work once the data has opened."""
        super().__init__()
        self._catalog = catalog
        self.options = options or WindowOptions()
        self.setWindowTitle("CircleKeeper")
        fit_to_screen(self, 1200, 780)
        self.chime = Chime(muted=self.options.muted, parent=self)
        self.controller: LiveController | None = None
        self.live_view: LiveView | None = None
        self.presenter: PresenterWindow | None = None
        self.summary_view: SummaryView | None = None
        self._session_id: int | None = None
        self._copied_through = 0  # the last action a rescue copy holds (quit_question.py)
        self.ended_here: set[int] = set()  # ended with actions kept on this laptop
        self._chosen: int | None = None  # the circle chosen in the list, see _circle_id
        self._painted = False
        self._shows_content = catalog is not None
        self._content_reported = False

        self.circle_list = circle_list()
        self.circle_list.currentItemChanged.connect(self._circle_chosen)
        new = QPushButton(_("New circle…"))
        new.setAccessibleName(_("New circle"))
        new.setToolTip(_("Create a circle (Ctrl+Shift+N)"))
        new.clicked.connect(self.new_circle)
        archive = self.archive_button = QPushButton(_("Archive"))
        archive.setAccessibleName(_("Archive circle"))
        archive.setToolTip(_("Hide this circle; its history is kept"))
        archive.clicked.connect(self.archive_circle)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        heading = QLabel(_("Circles"))
        heading.setObjectName("sectionTitle")
        side_layout.addWidget(heading)
        side_layout.addWidget(self.circle_list, 1)
        side_buttons = QHBoxLayout()
        side_buttons.addWidget(new)
        side_buttons.addWidget(archive)
        side_layout.addLayout(side_buttons)
        self.side = side

        self.pages = QStackedWidget()
        self._welcome: WelcomePage | None = None
        self._welcome_page_holder: QWidget | None = None
        self._circle_page: CirclePage | None = None
        for page in self.options.extra_pages.values():
            self.pages.addWidget(page)

        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 940])
        self.setCentralWidget(splitter)
        self.splitter = splitter
        # Before the data opens, the menus' commands are built just after the first paint.
        self.menus = WindowMenus(self, build=catalog is not None, acting_on_circle=[archive])
        self.help_menu = self.menus.help_menu  # other menus are placed before Help
        if catalog is not None:
            self.statusBar().showMessage(_("Ready"))
            self.refresh_circles()
        elif first_page is not None:
            self._show_first_page(first_page)
        else:  # nothing to read before the store (a server): not the welcome of a new one
            from circlekeeper.ui.opening_page import show_opening

            self.side.setEnabled(False)
            show_opening(self, self.pages)

    def _show_first_page(self, page: FirstPage) -> None:
        """The circles as the catalog will list them, before it is attached; what a click
        asks for meanwhile waits for the data (it opens right after this first paint)."""
        fill_circles(self.circle_list, page.circles)
        self._shows_content = True
        self.statusBar()  # there from the start ("Ready" when the data opens): no jump then
        if page.first is None:
            self.pages.setCurrentWidget(self._welcome_holder)
            return
        self.circle_list.blockSignals(True)
        self.circle_list.setCurrentRow(0)
        self.circle_list.blockSignals(False)
        self._circle_id = page.first.circle_id
        self.circle_page.show_settings(page.first, page.members)
        self.pages.setCurrentWidget(self.circle_page)

    @property
    def welcome(self) -> WelcomePage:
        """Built when first shown (a database with no circles yet, or while it opens): its
        long wrapped text costs a layout in every first paint that does not show it."""
        if self._welcome is None:
            welcome = WelcomePage()
            welcome.create_requested.connect(self.new_circle)
            welcome.demo_requested.connect(self.open_demo)
            holder = QWidget()
            QHBoxLayout(holder).addWidget(welcome)
            self.pages.insertWidget(0, holder)
            self._welcome, self._welcome_page_holder = welcome, holder
        return self._welcome

    @property
    def _welcome_holder(self) -> QWidget:
        """The page that centres :attr:`welcome` (the one the stack shows)."""
        self.welcome  # noqa: B018  # builds it
        assert self._welcome_page_holder is not None
        return self._welcome_page_holder

    @property
    def circle_page(self) -> CirclePage:
        """Built when a circle is first shown (in the first paint when there are circles)."""
        if self._circle_page is None:
            from circlekeeper.ui.setup.circle_page import CirclePage

            page = CirclePage()
            page.start_requested.connect(self.start_circle)
            page.edit_requested.connect(self.edit_circle)
            self.pages.insertWidget(1, page)
            self._circle_page = page
        return self._circle_page

    @property
    def _circle_id(self) -> int | None:
        """The circle chosen in the list (or running); choosing one, or none, greys or enables
        what acts on it (Archive, Edit circle…, Start a circle… and their shortcuts)."""
        return self._chosen

    @_circle_id.setter
    def _circle_id(self, circle_id: int | None) -> None:
        self._chosen = circle_id
        self.menus.sync_circle_commands()

    @property
    def catalog(self) -> Catalog:
        """The data, once open; until then every action that reads data checks :attr:`has_data`."""
        if self._catalog is None:
            raise RuntimeError("the window's data is not open yet")
        return self._catalog

    @property
    def has_data(self) -> bool:
        return self._catalog is not None

    def attach_catalog(self, catalog: Catalog) -> None:
        self.menus.build()
        self._catalog = catalog
        self.side.setEnabled(True)
        if self._welcome is not None:
            self._welcome.set_ready(True)
        self.statusBar().showMessage(_("Ready"))
        self.refresh_circles()
        self._shows_content = True
        self.update()  # content_painted follows the paint that shows it

    def add_page(self, title: str, page: QWidget) -> None:
        """Another area of the app (history, prompts), reachable from the Go menu."""
        self.menus.build()  # the Go menu lists the areas added before this one first
        self.options.extra_pages[title] = page
        self.pages.addWidget(page)
        number = len(self.options.extra_pages) + 1
        self.menus.add_go_action(title, f"Ctrl+{number}", lambda: self.show_page(page))

    def show_page(self, page: QWidget) -> None:
        """Another area (history, prompts); refused while a circle runs, which owns the screen."""
        if self.controller is not None:
            self.say(_("A circle is running; end it to look elsewhere."))
            return
        self.pages.setCurrentWidget(page)  # pages refresh themselves when shown

    def show_circles(self) -> None:
        if self.controller is not None and self.live_view is not None:
            self.pages.setCurrentWidget(self.live_view)
            return
        self.refresh_circles()
        if self._circle_id is None:
            self.pages.setCurrentWidget(self._welcome_holder)
        else:
            self.pages.setCurrentWidget(self.circle_page)

    # ---------------------------------------------------------------- circles

    def refresh_circles(self, select: int | None = None) -> None:
        if not self.has_data:
            return
        cards = self.catalog.circles()
        current = select if select is not None else self._circle_id
        fill_circles(self.circle_list, cards)
        if not cards:
            self._circle_id = None
            if self.controller is None:
                self.pages.setCurrentWidget(self._welcome_holder)
            return
        row = next((i for i, c in enumerate(cards) if c.circle_id == current), 0)
        self.circle_list.setCurrentRow(row)
        self._circle_chosen(self.circle_list.currentItem(), None)

    def _circle_chosen(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        self._circle_id = item.data(CIRCLE)
        # Before the data has opened, the choice is kept and shown when it opens.
        if self.controller is None and self.summary_view is None and self.has_data:
            self.circle_page.show_circle(self.catalog.circle(self._circle_id))
            self.pages.setCurrentWidget(self.circle_page)

    def new_circle(self) -> None:
        if not self.has_data:
            return
        circle_id = self._edit_until_saved(None)
        if circle_id is not None:
            self.say(_("The new circle is ready."))

    def edit_circle(self) -> None:
        if self._circle_id is None or self.controller is not None:
            return
        self._edit_until_saved(self.catalog.circle(self._circle_id))

    def _edit_until_saved(self, detail: CircleDetail | None) -> int | None:
        """The editor again, with everything typed still in it, until the save succeeds (a
        taken name, say) or the facilitator cancels: a refusal never loses their work."""
        error = ""
        while True:
            from circlekeeper.ui.setup.circle_editor import CircleEditor

            editor = CircleEditor(detail, self, ask=self.ask)
            if error:
                editor.show_error(error)
            if not editor.exec() or editor.result_detail is None:
                return None
            try:
                return self.save_circle(editor.result_detail)
            except UserFacingError as refusal:
                detail, error = editor.result_detail, str(refusal)

    def save_circle(self, detail: CircleDetail) -> int:
        circle_id = self.catalog.save_circle(detail)
        self.refresh_circles(select=circle_id)
        return circle_id

    def archive_circle(self) -> None:
        if self._circle_id is None or self.controller is not None:
            return
        detail = self.catalog.circle(self._circle_id)
        if self.ask(
            _("Archive circle"),
            _("Archive “{name}”? It leaves this list; its history is kept.").format(
                name=detail.name
            ),
        ):
            self.catalog.archive_circle(self._circle_id)
            self._circle_id = None
            self.refresh_circles()
            self.say(
                _("“{name}” is archived; {menu} brings it back.").format(
                    name=detail.name[:80], menu=menu_path(_("&Circle"), _("&Archived circles…"))
                )
            )

    def show_archived(self) -> None:
        if not self.has_data or self.controller is not None:
            return
        from circlekeeper.ui.setup.archived_dialog import ArchivedCirclesDialog

        dialog = ArchivedCirclesDialog(
            self.catalog.archived_circles(), self.catalog.restore_circle, self
        )
        dialog.exec()
        if dialog.restored:
            self.refresh_circles(select=dialog.restored[-1])
            self.say(_("The circle is back in the list."))

    def import_session_file(self) -> None:
        """A session file (a rescue copy saved when the disk failed, or one exported elsewhere)
        comes back into history without the command line."""
        if not self.has_data or self.controller is not None:
            return
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        filters = ";;".join((_("Session files (*.json)"), _("All files (*)")))
        path, _filter = QFileDialog.getOpenFileName(self, _("Import a session file"), "", filters)
        if not path:
            return
        try:
            said = self.catalog.import_session_file(path)
        except UserFacingError as refusal:
            QMessageBox.warning(self, _("The session was not imported"), str(refusal))
            return
        self.refresh_circles()
        self.say(said)

    def open_prompt_library(self) -> None:
        if self.options.prompts is None:
            self.say(_("The prompt library is not available."))
            return
        name = self.catalog.circle(self._circle_id).name if self._circle_id else ""
        self.options.prompts.browser(self, circle_id=self._circle_id, circle_name=name).manage()

    open_settings = window_settings.open_settings
    apply_settings = window_settings.apply_settings
    remember_display_choices = window_settings.remember_display_choices

    def open_demo(self) -> None:
        if not self.has_data:
            return
        try:
            circle_id = self.catalog.create_demo()
        except UserFacingError as refused:  # an organization's server: everyone's history
            self.welcome.refuse_demo(str(refused))
            return
        self.refresh_circles(select=circle_id)
        self.say(_("A demo circle with a few past sessions is ready."))

    # ------------------------------------------------------------ live circle

    def start_circle(self) -> None:
        if self._circle_id is None or self.controller is not None:
            return
        running = self.catalog.running_elsewhere(self._circle_id)
        if running is not None and not self.ask(_("This circle is running"), running):
            return
        brief = self.catalog.brief(self._circle_id)
        tools = None
        if self.options.prompts is not None:
            tools = self.options.prompts.tools_for(
                self._circle_id,
                circle_name=brief.name,
                first_meeting=brief.previous_first is None,
                language=self.catalog.circle(self._circle_id).language,
            )
        from circlekeeper.session.order import OrderStrategy
        from circlekeeper.session.seating import SeatingRule
        from circlekeeper.ui.live.controller import LiveController
        from circlekeeper.ui.setup.setup_dialog import SetupDialog

        make_dialog = self.options.setup_dialog or SetupDialog
        dialog = make_dialog(brief, parent=self, prompt_tools=tools, ask=self.ask)
        if not dialog.exec() or dialog.result_setup is None:
            return
        setup = dialog.result_setup
        session_id, journal, present = self.catalog.begin_session(self._circle_id, setup)
        setup = setup.with_stored_people(present)
        controller = LiveController(
            self.options.clock_factory(),
            journal,
            setup.plan,
            wall=self.options.wall,
            auto_start_next=self.options.auto_start_next,
            deal=self._prompt_dealer(self._circle_id, first_meeting=brief.previous_first is None),
            parent=self,
        )
        around_the_room = setup.strategy is OrderStrategy.SEATING and setup.seating
        # Other strategies fix the first round's order; later rounds keep it, and only the
        # facilitator's choice to hold the space applies.
        controller.seating_rule = (
            setup.seating_rule
            if around_the_room
            else SeatingRule(facilitator_shares=setup.seating_rule.facilitator_shares)
        )
        controller.facilitator_ids = setup.facilitator_ids
        self._open_live(session_id, controller)
        controller.start(
            brief.name,
            present,
            setup.facilitators,
            seating=[p.person_id for p in setup.seating] if around_the_room else None,
            first=setup.first_speaker,
        )
        self._ask_mood(session_id, "check-in", len(present))

    def _prompt_dealer(self, circle_id: int, *, first_meeting: bool = False) -> PromptDeal | None:
        """What deals late arrivals their own prompts in this circle (in its language)."""
        if self.options.prompt_dealer is None:
            return None
        language = self.catalog.circle(circle_id).language
        return self.options.prompt_dealer(circle_id, first_meeting, language)

    def _ask_mood(self, session_id: int, moment: str, present: int) -> None:
        """The optional anonymous mood count, for circles that turned it on."""
        if self.options.mood_dialog is None or self._circle_id is None:
            return
        if self.catalog.circle(self._circle_id).mood_enabled:
            self.options.mood_dialog(self, session_id, moment, present)

    def _open_live(self, session_id: int, controller: LiveController) -> None:
        self._session_id, self._copied_through = session_id, 0
        self.controller = controller
        notes = None
        if self.options.notes_factory is not None:
            notes = self.options.notes_factory(session_id, controller)
        from circlekeeper.ui.live.view import LiveView

        self.live_view = LiveView(
            controller,
            chime=self.chime,
            cue=self.options.facilitator_cue,
            arrival_dialog=self._ask_arrival,
            notes_widget=notes,
            ask=self.ask,
        )
        self.live_view.presenter_requested.connect(self.toggle_presenter)
        self.live_view.finished.connect(self._finished)
        self.live_view.save_copy_requested.connect(self._save_copy)
        controller.offline_changed.connect(self._show_offline)
        self.pages.addWidget(self.live_view)
        self.pages.setCurrentWidget(self.live_view)
        self.side.hide()  # nothing to choose there during a circle; the room goes to the circle
        self.statusBar().clearMessage()  # what was said before the circle is stale now
        self.live_view.setFocus()
        self.menus.sync_circle_commands()  # the running circle is not edited nor started again
        self.session_started.emit(session_id)

    def _ask_arrival(self, parent: QWidget, in_round: bool) -> Arrival | None:
        """Who walked in: a member of the circle not here yet, or someone new (added to the
        circle, so they are known next time)."""
        from circlekeeper.ui.live.arrival_dialog import Arrival, ask_arrival

        if self._circle_id is None or self.controller is None:
            return None
        here = set(self.controller.session.state.present)
        roster = [
            member.participant()
            for member in self.catalog.circle(self._circle_id).members
            if not member.archived and str(member.person_id) not in here
        ]
        arrival = ask_arrival(parent, roster, in_round)
        if arrival is None or arrival.member is not None:
            return arrival
        member = self.catalog.add_member(self._circle_id, arrival.new_name, arrival.new_pronouns)
        return Arrival(member.participant(), "", "", arrival.place)

    def toggle_presenter(self) -> None:
        if self.controller is None:
            return
        if self.presenter is not None and self.presenter.isVisible():
            self.presenter.close()  # said, so a press meant to bring it back is not a mystery
            self.statusBar().showMessage(_("Presenter screen closed; F5 opens it again."), 10_000)
            return
        from circlekeeper.ui.live.presenter_window import PresenterWindow

        self.presenter = PresenterWindow(self.controller, self.options.presenter_cue)
        self.presenter.show_end_time(self.options.presenter_end_time)
        self.presenter.placed.connect(lambda where: self.statusBar().showMessage(where, 10_000))
        self.presenter.show_beside(self.screen, over=self)

    def _finished(self) -> None:
        assert self.controller is not None and self._session_id is not None
        session_id = self._session_id
        summary = self.controller.session.summary()
        self.controller.shutdown()
        # Ended in the store at once: a crash on the summary screen must not offer a resume.
        stored = offline_notice.end_in_store(self, self.controller, session_id)
        if self.presenter is not None:
            self.presenter.close()
            self.presenter = None
        from circlekeeper.ui.live.summary_page import open_summary, show_moods

        self.summary_view = open_summary(self, session_id, summary)
        if self.live_view is not None:
            self.pages.removeWidget(self.live_view)
            self.live_view.deleteLater()
            self.live_view = None
        self.controller = None
        self.menus.sync_circle_commands()
        # The check-out count is asked over the summary: asked over the live screen, it sat on
        # "Round 2 of 3 · Sharing — Press N or Space to begin" with Start and Next still lit,
        # as if the circle went on behind it.
        if stored:
            self._ask_mood(session_id, "check-out", summary.present_count)
            show_moods(self.summary_view, self, session_id)  # the count just saved
        self.session_finished.emit(session_id)

    def _export(self, session_id: int, shareable: str) -> None:
        offline_notice.finish_in_store(self, session_id, shareable)
        if session_id in self.ended_here:  # the PDF reads the server, which lacks the end
            return
        if self.options.pdf_exporter is None:
            return
        run = self.options.pdf_exporter(self, session_id, shareable)
        finished = getattr(run, "finished", None)
        if finished is not None:  # rendering goes on in a worker; say where it went
            finished.connect(self._exported)

    def _exported(self, path: object) -> None:
        from pathlib import Path

        from circlekeeper.ui.export_memory import offer_to_open

        self.statusBar().showMessage(_("Summary saved: {path}").format(path=path), 15_000)
        (self.options.exported or offer_to_open)(self, Path(str(path)))

    def _close_summary(self, session_id: int, shareable: str) -> None:
        offline_notice.finish_in_store(self, session_id, shareable)
        if self.summary_view is not None:
            self.pages.removeWidget(self.summary_view)
            self.summary_view.deleteLater()
            self.summary_view = None
        self._session_id = None
        self.side.show()
        if offline_notice.back_to_circles(self, session_id):
            self.say(_("The circle is saved."))

    def _save_copy(self) -> None:
        if self.controller is None or self._session_id is None:
            return
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save a copy of this circle"),
            # Translators: the suggested file name of a rescue copy; keep the .json ending.
            _("circle-rescue.json"),
            _("Session files (*.json)"),
        )
        if not path:
            return
        try:
            self.catalog.export_log(self._session_id, self.controller.session.log, path)
        except OSError as error:
            QMessageBox.critical(self, _("Could not save the copy"), str(error))
            return
        self._copied_through = self.controller.session.log[-1].seq
        self.say(
            _(
                "A copy of the circle was saved to {path}. Once the disk is fixed, {menu}"
                " brings it back."
            ).format(path=path, menu=menu_path(_("&Circle"), _("&Import a session file…")))
        )

    # ------------------------------------------------------------------ resume

    _show_offline = offline_notice.show_offline
    offer_resume = window_resume.offer_resume
    resume_session = window_resume.resume_session

    @property
    def current_circle_id(self) -> int | None:
        """The circle chosen in the list (or running)."""
        return self._circle_id

    def adopt_live(self, old: MainWindow) -> None:
        """Take over ``old``'s running circle (a language switch rebuilt the window).

        The controller keeps its engine, log, clocks and timer; only the views are new, built
        from it in this window's language. The presenter screen reopens if it was showing.
        """
        controller, session_id = old.controller, old._session_id
        assert controller is not None and session_id is not None
        presenting = old.presenter is not None and old.presenter.isVisible()
        if old.presenter is not None:
            old.presenter.close()
            old.presenter = None
        if old.live_view is not None:
            old.pages.removeWidget(old.live_view)
            old.live_view.deleteLater()
            old.live_view = None
        old.controller = None  # the old window must not shut the circle down when it goes
        controller.setParent(self)
        self._circle_id = old._circle_id
        self._open_live(session_id, controller)
        if presenting:
            self.toggle_presenter()

    def say(self, message: str) -> None:
        """A passing message: it leaves the status bar after a while instead of going stale."""
        self.statusBar().showMessage(message, STATUS_SECONDS * 1000)

    def ask(self, title: str, question: str) -> bool:
        if self.options.ask is not None:
            return self.options.ask(self, title, question)
        from circlekeeper.ui.ask import ask_yes_no

        return ask_yes_no(self, title, question)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # After this paint the whole window is drawn and flushed to the screen; a
            # zero-time timer runs once that is done, not in the middle of it.
            QTimer.singleShot(0, self._after_first_paint)
        elif self._shows_content and not self._content_reported:
            self._content_reported = True
            QTimer.singleShot(0, self.content_painted.emit)

    def _after_first_paint(self) -> None:
        if self._shows_content and not self._content_reported:
            self._content_reported = True
            self.content_painted.emit()  # that paint showed it: reported as a bare window's
        self.menus.build()  # the commands and shortcuts, before any key press is handled
        self.first_painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.controller is not None and not self.controller.session.state.ended:
            from circlekeeper.ui.quit_question import quit_question

            if not self.ask(*quit_question(self.controller, self._copied_through)):
                event.ignore()
                return
            self.controller.shutdown()
        if self.summary_view is not None and self._session_id is not None:
            # Quitting from the summary keeps what was typed for sharing, as Save and close does.
            self.catalog.finish_session(self._session_id, self.summary_view.shareable_text())
        if self.presenter is not None:
            self.presenter.close()
        event.accept()
