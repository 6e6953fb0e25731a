"""The history area: past sessions (filter, sort, detail), people and circles over time.

``HistoryPage(source)`` is one QWidget the main window adds as a page; ``source`` is any
:class:`~circlekeeper.history.source.HistorySource` (``app.py`` hands in the store's). The table
reads keyset pages synchronously (each is a few milliseconds); the heavier views (one session's
log, a person's or a circle's years) are fetched on a worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QItemSelection, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.errors import UserFacingError
from circlekeeper.history.records import (
    CircleHistory,
    PersonHistory,
    SessionDeletion,
    SessionDetail,
    SessionFilter,
)
from circlekeeper.history.source import HistorySource
from circlekeeper.i18n import _, ngettext, pgettext
from circlekeeper.ui.ask import ask_yes_no
from circlekeeper.ui.demo_badge import demo_name
from circlekeeper.ui.history.background import Background
from circlekeeper.ui.history.choices import choice_model
from circlekeeper.ui.history.circle_view import CircleView
from circlekeeper.ui.history.deleting import SessionDeleting, detail_and_rights
from circlekeeper.ui.history.empty_state import empty_state, no_circles, no_people
from circlekeeper.ui.history.filter_bar import FilterBar
from circlekeeper.ui.history.format import count
from circlekeeper.ui.history.period_view import PeriodSaver, PeriodView
from circlekeeper.ui.history.person_view import PersonNotesFactory, PersonView
from circlekeeper.ui.history.picker_tab import PickerTab
from circlekeeper.ui.history.retention import Ask
from circlekeeper.ui.history.saved_files import (
    PassingStatus,
    Saved,
    watched_pdf_hook,
    watched_saver,
)
from circlekeeper.ui.history.session_detail import NotesFactory, PdfHook, SessionDetailView
from circlekeeper.ui.history.session_table import SESSION_ID, SessionTableModel
from circlekeeper.ui.history.sessions_split import SessionsSplit, table_widths
from circlekeeper.ui.history.sessions_view import past_sessions_view
from circlekeeper.ui.history.tab_keys import keys_into_tabs
from circlekeeper.ui.table_keys import (
    choose_row,
    keys_follow,
)

log = logging.getLogger(__name__)


class HistoryPage(QWidget):
    def __init__(
        self,
        source: HistorySource,
        *,
        notes_widget_factory: NotesFactory | None = None,
        person_notes_factory: PersonNotesFactory | None = None,
        pdf_hook: PdfHook | None = None,
        ask: Ask | None = None,
        period_saver: PeriodSaver | None = None,
        saved: Saved | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        threaded: bool = True,
        page_size: int = 100,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("History"))
        self.source = source
        self._notes_factory = notes_widget_factory
        self._person_notes = person_notes_factory
        self._pdf_hook = watched_pdf_hook(pdf_hook, self._file_saved) if pdf_hook else None
        self._saved = saved
        self.ask = ask or ask_yes_no
        self._now = now
        self.background = Background(self._show_error, threaded=threaded)
        self.destroyed.connect(lambda *_: self.background.stop())
        self.detail_view: SessionDetailView | None = None
        self.person_view: PersonView | None = None
        self.circle_view: CircleView | None = None

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("History views"))
        self.tabs.addTab(self._build_sessions_tab(page_size), _("&Sessions"))
        # The other views are built the first time they are opened (or asked for): the
        # sessions table is what the history shows first, and building the rest with it cost
        # the first page more than its query (issue #16).
        self._period_saver = watched_saver(period_saver, self._file_saved) if period_saver else None
        self._circles_model: QAbstractItemModel | None = None
        self._period_view: PeriodView | None = None
        self.people_tab = PickerTab(
            _("Person"),
            _("Choose a person."),
            searchable=True,
            button=(_("Show &their sessions"), _("Show this person's sessions")),
        )
        self.people_tab.picked.connect(self.show_person)
        self.people_tab.button_pressed.connect(self._filter_by_person)
        self.tabs.addTab(self.people_tab, _("&People"))
        self.circles_tab = PickerTab(_("Circle"), _("Choose a circle."))
        self.circles_tab.picked.connect(self.show_circle)
        self.tabs.addTab(self.circles_tab, _("C&ircles"))
        self.period_tab = QWidget()  # the Period view takes its place when first opened
        # Translators: the tab with the figures of a chosen period (a month, a year).
        self.tabs.addTab(self.period_tab, pgettext("history tab", "Pe&riod"))
        self.status = QLabel("")
        self.status.setAccessibleName(_("History status"))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.passing = PassingStatus(self.status)
        # One line under the tabs: how many sessions match (on the Sessions tab), and what the
        # history is doing ("Loading the session…", "Saved: …"). Two lines cost a session row.
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addWidget(self.status, 1, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.tabs)
        layout.addLayout(footer)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.deleting = SessionDeleting(self)  # Delete, its undo, and when it is carried out
        keys_into_tabs(self.tabs, self.table)  # Alt+P: the keys go to the person picker
        # Nothing is read yet: the first show reads the first page and the pickers once
        # (showEvent), so building the page costs no query and showing it costs one.

    # ------------------------------------------------------------ building

    def _build_sessions_tab(self, page_size: int) -> QWidget:
        self.filter_bar = FilterBar()
        self.model = SessionTableModel(self.source, page_size=page_size, parent=self)
        self.table, self.columns, rooms = past_sessions_view(self.model)
        # A new order starts the table again with nothing chosen: the session shown beside
        # it stayed, as though it were still chosen (and was rows away, or out of sight).
        self.table.horizontalHeader().sortIndicatorChanged.connect(
            lambda *_: self.show_detail_placeholder()
        )
        self.count_label = QLabel("")
        self.count_label.setAccessibleName(_("Matching sessions"))
        self.model.total_changed.connect(self._show_total)
        self._show_total(self.model.total)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.filter_bar.changed.connect(self.apply_filter)
        self.filter_bar.text.returnPressed.connect(self._to_results)
        # Down from the search box goes on to the sessions found, as Return does.
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.filter_bar.text)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._to_results)

        self.detail_stack = QStackedWidget()
        self.detail_placeholder = empty_state(
            _("Choose a session to see its rounds, turns and summary.")
        )
        self.detail_stack.addWidget(self.detail_placeholder)
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.table)
        close.setContext(Qt.ShortcutContext.WidgetShortcut)
        close.activated.connect(self._close_detail)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(lambda: self.filter_bar.text.setFocus())

        # Beside the table when both fit, below it on a small screen (1024×600).
        self.split = SessionsSplit(
            self.table,
            self.detail_stack,
            lambda: table_widths(self.table, rooms, self.columns.wrapped_width()),
        )
        self.split.placed.connect(self._detail_placed)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.split, 1)
        return tab

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.filter_bar.fold_for(self.height())

    @property
    def person_picker(self) -> QComboBox:
        return self.people_tab.picker

    @property
    def person_sessions(self) -> QPushButton:
        button = self.people_tab.button
        assert button is not None
        return button

    @property
    def person_area(self) -> QScrollArea:
        return self.people_tab.area

    @property
    def circle_picker(self) -> QComboBox:
        return self.circles_tab.picker

    @property
    def circle_area(self) -> QScrollArea:
        return self.circles_tab.area

    @property
    def period_view(self) -> PeriodView:
        """The Period view (figures of a month, a year), built when first opened."""
        return self._build_period_view()

    def _build_period_view(self) -> PeriodView:
        if self._period_view is None:
            view = PeriodView(
                self.source,
                self.background,
                saver=self._period_saver,
                today=lambda: self._now().astimezone().date(),
            )
            if self._circles_model is not None:
                view.set_circles(self._circles_model)
            # The view takes its tab's place, so the tab page is the view itself.
            index = self.tabs.indexOf(self.period_tab)
            current = self.tabs.currentIndex()
            text = self.tabs.tabText(index)
            quiet = self.tabs.blockSignals(True)
            try:
                self.tabs.removeTab(index)
                self.tabs.insertTab(index, view, text)
                self.tabs.setCurrentIndex(current)
            finally:
                self.tabs.blockSignals(quiet)
            self.period_tab.deleteLater()
            self.period_tab = view
            self._period_view = view
        return self._period_view

    # ------------------------------------------------------------ saving

    def _file_saved(self, path: Path, kind: str) -> None:
        from circlekeeper.ui.export_memory import offer_to_open

        # Translators: the history's status line once a PDF or CSV file is written.
        self.passing.say(_("Saved: {path}").format(path=path))
        (self._saved or offer_to_open)(self, path, kind)

    # ------------------------------------------------------------ sessions

    def refresh_choices(self) -> bool:
        """Re-read circles and people for the pickers (after circles or people changed);
        the chosen filter stays. Returns whether the filter changed (a chosen one is gone)."""
        circles = self.source.circle_choices()
        people = self.source.people_choices()
        shown_circle = self._picked_circle()
        self._circles_model = circles_model = choice_model(
            _("All circles"), circles, self, circles=True
        )
        self.columns.know_circles([demo_name(c.name, c.demo) for c in circles])
        people_model = choice_model(_("Anyone"), people, self)
        changed = self.filter_bar.set_choices(circles_model, people_model)
        if changed:
            self.model.set_filter(self.filter_bar.current())
        # The pickers share the models; their "any" row simply shows nothing. Views not
        # opened yet take the models when they are built. The circle in view stays named.
        self.people_tab.set_model(people_model, empty=None if people else no_people())
        self.circles_tab.set_model(
            circles_model, shown_circle, empty=None if circles else no_circles()
        )
        if self._period_view is not None:
            self._period_view.set_circles(circles_model)
        return changed

    def reload(self) -> None:
        """Show the newest sessions under the current filter and sort."""
        self.model.reload()

    def showEvent(self, event: QShowEvent) -> None:
        """Each time the history is shown, sessions, circles and people held or added since
        (a circle just ended, the demo circle) are in it; the filter stays."""
        super().showEvent(event)
        try:
            self.refresh_choices()
            self.reload()
        except UserFacingError as refused:  # the server away or refusing: what was shown stays
            log.warning("History could not be read: %s", refused)
        if not event.spontaneous():
            keys_follow(self, self.table)

    def _to_results(self) -> None:
        """Return (or Down) in the search box: the search is run at once and the keys go to
        the first session found, shown beside the table. They stayed in the box, and Return
        seemed to do nothing."""
        self.filter_bar.flush()
        if self.model.rowCount() == 0:
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.selectionModel().hasSelection():
            choose_row(self.table, 0)

    def apply_filter(self, filter: SessionFilter) -> None:
        self.model.set_filter(filter)
        self.show_detail_placeholder()

    def _show_total(self, total: int) -> None:
        self.count_label.setText(
            ngettext("{count} session matches", "{count} sessions match", total).format(
                count=count(total)
            )
        )

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.show_session(int(self.model.data(indexes[0], SESSION_ID)))

    def show_session(self, session_id: int) -> None:
        self.status.setText(_("Loading the session…"))
        read = partial(detail_and_rights, self.source, session_id)
        self.background.run("detail", read, self._session_loaded)

    def _session_loaded(self, loaded: tuple[SessionDetail, SessionDeletion | None]) -> None:
        detail, rights = loaded
        self.status.setText("")
        view = SessionDetailView(
            detail, notes_widget_factory=self._notes_factory, pdf_hook=self._pdf_hook
        )
        view.delete_requested.connect(self.delete_session)
        view.close_button.clicked.connect(self._close_detail)
        self.deleting.offer(view, rights)  # greyed, saying why, when this facilitator may not
        self._replace_detail(view)

    def _replace_detail(self, view: SessionDetailView | None) -> None:
        if self.detail_view is not None:
            self.detail_stack.removeWidget(self.detail_view)
            self.detail_view.deleteLater()
        self.detail_view = view
        if view is not None:
            self.detail_stack.addWidget(view)
            self.detail_stack.setCurrentWidget(view)
        else:
            self.detail_stack.setCurrentWidget(self.detail_placeholder)
        self.split.set_open(view is not None)

    def show_detail_placeholder(self) -> None:
        self._replace_detail(None)

    def _detail_placed(self, below: bool) -> None:
        if self.detail_view is not None:
            self.detail_view.close_button.setVisible(below)

    def _close_detail(self) -> None:
        """*Close* (or Esc in the table): no session chosen, the sessions take the height."""
        self.table.clearSelection()
        self.show_detail_placeholder()

    def delete_session(self, session_id: int) -> bool:
        """Out of view at once, with an undo; the store deletes it when that chance ends."""
        return self.deleting.delete(session_id)

    # -------------------------------------------------------------- people

    def _picked_person(self) -> int | None:
        return self.people_tab.current()

    def show_person(self, person_id: int | None) -> None:
        if person_id is None:
            return
        self.people_tab.choose(person_id)
        self.status.setText(_("Loading the person's history…"))
        self.background.run("person", lambda: self.source.person(person_id), self._person_loaded)

    def _person_loaded(self, history: PersonHistory) -> None:
        self.status.setText("")
        self.person_view = PersonView(history, notes_widget_factory=self._person_notes)
        self.people_tab.show_view(self.person_view)

    def _filter_by_person(self) -> None:
        person_id = self._picked_person()
        if person_id is None:
            return
        self.tabs.setCurrentIndex(0)
        self.filter_bar.select_person(person_id)

    # ------------------------------------------------------------- circles

    def _picked_circle(self) -> int | None:
        return self.circles_tab.current()

    def _tab_shown(self, index: int) -> None:
        """A view is built the first time it is opened. The Circles tab never opens blank:
        with no circle chosen yet, it shows the first circle's history (the picker lists the
        others). Moving on clears a passing "Saved: …"."""
        self.passing.clear()
        self.count_label.setVisible(index == 0)
        shown = self.tabs.widget(index)
        if isinstance(shown, PickerTab):
            shown.build()
        elif shown is self.period_tab:
            self._build_period_view()
        if shown is not self.circles_tab or self._picked_circle() is not None:
            return
        for row in range(self.circle_picker.count()):
            circle_id = self.circle_picker.itemData(row)
            if circle_id is not None:
                self.show_circle(circle_id)
                return

    def show_circle(self, circle_id: int | None) -> None:
        if circle_id is None:
            return
        self.circles_tab.choose(circle_id)
        self.status.setText(_("Loading the circle's history…"))
        self.background.run("circle", lambda: self.source.circle(circle_id), self._circle_loaded)

    def _circle_loaded(self, history: CircleHistory) -> None:
        self.status.setText("")
        self.circle_view = CircleView(history, self.source, ask=self.ask, now=self._now)
        self.circle_view.retention.sessions_deleted.connect(lambda _n: self.reload())
        self.circles_tab.show_view(self.circle_view)

    # --------------------------------------------------------------- errors

    def _show_error(self, error: Exception) -> None:
        if isinstance(error, UserFacingError):
            self.status.setText(str(error))
        else:
            self.status.setText(_("Something went wrong while reading the history; see the log."))
