"""The prompt browser: find, preview, mark, write and exchange prompts; see what a circle heard.

A thin view over :class:`PromptLibrary` (all rules live there). Errors a person can act on are
shown in the message line at the bottom, in the dialog itself, so nothing pops up over a
facilitator mid-task. File dialogs and the prompt editor are injectable so tests drive the
browser without modal windows. The list (:mod:`prompt_list`), the side pane
(:mod:`prompt_pane`) and the filter bar (:mod:`filters`) are widgets of their own; this dialog
wires them to the library and says what happened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _, ngettext
from circlekeeper.prompts.errors import PromptNotFound
from circlekeeper.prompts.exchange import export_deck_file, import_deck_file
from circlekeeper.prompts.library import PromptLibrary, PromptQuery
from circlekeeper.prompts.uses import PromptUseRecorder, UsageRow
from circlekeeper.session.prompts import Prompt, PromptCategory
from circlekeeper.ui.bidi_text import literal_ampersands
from circlekeeper.ui.prompts.browser_parts import (
    UsageTable,
    ask_open_deck,
    ask_save_deck,
    when_text,
)
from circlekeeper.ui.prompts.editor import edit_prompt
from circlekeeper.ui.prompts.filters import PromptFilters
from circlekeeper.ui.prompts.prompt_list import PromptList
from circlekeeper.ui.prompts.prompt_pane import PromptPane
from circlekeeper.ui.read_only_hold import writes
from circlekeeper.ui.screen_fit import fit_to_screen

EditPrompt = Callable[[Prompt | None, QWidget, PromptCategory | None], Prompt | None]
AskPath = Callable[[QWidget], Path | None]


class PromptBrowser(QDialog):
    def __init__(
        self,
        library: PromptLibrary,
        *,
        circle_id: int | None = None,
        circle_name: str = "",
        category: PromptCategory | None = None,
        edit: EditPrompt = edit_prompt,
        ask_open: AskPath = ask_open_deck,
        ask_save: AskPath = ask_save_deck,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Prompt library"))
        self.setAccessibleName(_("Prompt library"))
        self._library = library
        self._recorder = PromptUseRecorder(library)
        self._circle_id = circle_id
        self._edit = edit
        self._ask_open = ask_open
        self._ask_save = ask_save
        self._history: list[UsageRow] = []
        self._last_heard: dict[str, UsageRow] = {}
        self.chosen: Prompt | None = None

        library_page = self._build_library_page(category)
        self.tabs = QTabWidget()
        self.tabs.addTab(library_page, _("Library"))
        self.used = UsageTable()
        if circle_id is not None:
            self.tabs.addTab(
                self.used,
                _("Heard in {circle}").format(circle=literal_ampersands(circle_name))
                if circle_name
                else _("Heard in this circle"),
            )
        self._build_footer()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._wire()

        self._fill_tags()
        self._load_history()
        self.refresh()
        fit_to_screen(self, 980, 640)
        self.search.setFocus()

    # ------------------------------------------------------------ building

    def _build_library_page(self, category: PromptCategory | None) -> QWidget:
        """Filters, the list beside the chosen prompt, and the deck buttons under them."""
        self.filters = PromptFilters(category)
        f = self.filters
        self.search, self.category, self.intensity, self.tag = (
            f.search,
            f.category,
            f.intensity,
            f.tag,
        )
        self.first_meeting, self.favourites_only = f.first_meeting, f.favourites_only
        self.mine_only, self.show_hidden, self.count = f.mine_only, f.show_hidden, f.count

        self.list = PromptList()
        self.pane = PromptPane()
        p = self.pane
        self.preview, self.details = p.preview, p.details
        self.favourite, self.hide_button = p.favourite, p.hide_button
        self.edit_button, self.archive_button = p.edit_button, p.archive_button
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.new_button = writes(QPushButton(_("&New prompt…")))
        self.new_button.setAccessibleName(_("New prompt"))
        # Ctrl+N beside Alt+N: a button's setShortcut would replace the Alt+letter of its text.
        QShortcut(QKeySequence.StandardKey.New, self, self.new_button.click)
        self.import_button = writes(QPushButton(_("&Import deck…")))
        self.import_button.setAccessibleName(_("Import deck"))
        self.export_button = QPushButton(_("E&xport listed…"))
        self.export_button.setAccessibleName(_("Export the listed prompts"))
        self.export_button.setToolTip(_("Save the prompts in the list as a deck file to share."))
        manage = QHBoxLayout()
        for button in (self.new_button, self.import_button, self.export_button):
            manage.addWidget(button)
        manage.addStretch(1)

        library_page = QWidget()
        library_layout = QVBoxLayout(library_page)
        library_layout.addWidget(self.filters)
        library_layout.addWidget(splitter, 1)
        library_layout.addLayout(manage)
        return library_page

    def _build_footer(self) -> None:
        """The message line and Use / Close."""
        self.message = QLabel()
        self.message.setAccessibleName(_("Message"))
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        # A long file name must not widen the dialog; the full text is in the tooltip.
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.buttons = QDialogButtonBox()
        self.use_button = self.buttons.addButton(
            _("&Use this prompt"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.use_button.setAccessibleName(_("Use this prompt"))
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)

    def _wire(self) -> None:
        self.buttons.accepted.connect(self._use)
        self.buttons.rejected.connect(self.reject)
        self.filters.changed.connect(self.refresh)
        self.list.currentItemChanged.connect(self._show_current)
        self.list.itemDoubleClicked.connect(lambda _item: self._use())
        self.favourite.clicked.connect(self._toggle_favourite)
        self.hide_button.clicked.connect(self._toggle_hidden)
        self.edit_button.clicked.connect(self._edit_current)
        self.archive_button.clicked.connect(self._toggle_archived)
        self.new_button.clicked.connect(self._new)
        self.import_button.clicked.connect(self._import)
        self.export_button.clicked.connect(self._export)

    # ------------------------------------------------------------------ data

    def query(self) -> PromptQuery:
        return self.filters.query()

    def listed(self) -> list[Prompt]:
        return [self._library.get(prompt_id) for prompt_id in self.list.ids()]

    def current(self) -> Prompt | None:
        prompt_id = self.list.current_id()
        return self._library.get(prompt_id) if prompt_id else None

    def _fill_tags(self) -> None:
        self.filters.set_tags(self._library.tags())

    def _load_history(self) -> None:
        if self._circle_id is None:
            return
        self._history = self._recorder.history(self._circle_id)
        self._last_heard = {}
        for row in self._history:  # newest first: keep the first seen
            if row.prompt_id and row.prompt_id not in self._last_heard:
                self._last_heard[row.prompt_id] = row
        self.used.show_rows(self._history)

    def refresh(self, *_args: object) -> None:
        self.list.fill(self._library.prompts(self.query()), self._library.preferences())
        self.filters.show_count(self.list.count())
        self._show_current()

    def _show_current(self, *_args: object) -> None:
        prompt = self.current()
        self.use_button.setEnabled(prompt is not None and not prompt.archived)
        if prompt is None:
            self.pane.show_prompt(None, favourite=False, hidden=False)
            return
        self.pane.show_prompt(
            prompt,
            heard=self._heard_line(prompt),
            favourite=self._library.is_favourite(prompt.prompt_id),
            hidden=self._library.is_hidden(prompt.prompt_id),
            based_on_text=self._original_text(prompt),
        )

    def _original_text(self, prompt: Prompt) -> str:
        """The words of the prompt a custom one was based on ("" when it is gone)."""
        if not prompt.based_on:
            return ""
        try:
            return self._library.get(prompt.based_on).text
        except PromptNotFound:
            return ""

    def _heard_line(self, prompt: Prompt) -> str:
        if self._circle_id is None:
            return ""
        heard = self._last_heard.get(prompt.prompt_id)
        if heard:
            return _("Last heard in this circle: {day}").format(day=when_text(heard))
        return _("Not heard in this circle recently.")

    # ------------------------------------------------------------------ actions

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setToolTip(text)

    def _attempt(self, action: Callable[[], str]) -> None:
        try:
            self._say(action())
        except UserFacingError as error:
            self._say(str(error))
        self._fill_tags()
        self.refresh()

    def _toggle_favourite(self) -> None:
        prompt = self.current()
        if prompt:
            on = not self._library.is_favourite(prompt.prompt_id)
            said = (_("Added to favourites; draws lean towards it."), _("Not a favourite now."))
            self._toggle(self._library.set_favourite, prompt, on, said)

    def _toggle_hidden(self) -> None:
        prompt = self.current()
        if prompt:
            on = not self._library.is_hidden(prompt.prompt_id)
            said = (_("Hidden: it will not be offered or drawn."), _("Shown again."))
            self._toggle(self._library.set_hidden, prompt, on, said)

    def _toggle_archived(self) -> None:
        prompt = self.current()
        if prompt and prompt.custom:
            self._toggle(
                self._library.set_archived,
                prompt,
                not prompt.archived,
                (_("Archived."), _("Restored.")),
            )

    def _toggle(
        self, mark: Callable[[str, bool], object], prompt: Prompt, on: bool, said: tuple[str, str]
    ) -> None:
        """Turn one of a prompt's marks on or off and say so (``said``: the words for on, off)."""

        def act() -> str:
            mark(prompt.prompt_id, on)
            return said[0] if on else said[1]

        self._attempt(act)

    def _edit_current(self) -> None:
        prompt = self.current()
        if prompt is None:
            return
        changed = self._edit(prompt, self, None)
        if changed is None:
            return

        def save() -> str:
            saved = self._library.edit(prompt, changed)
            self._select(saved.prompt_id)
            if prompt.custom:
                return _("Saved.")
            return _("Saved as your own copy; it takes the shipped prompt's place.")

        self._attempt(save)

    def _new(self) -> None:
        category = self.category.currentData()
        fresh = self._edit(None, self, PromptCategory(category) if category else None)
        if fresh is None:
            return

        def save() -> str:
            saved = self._library.add_custom(fresh)
            self._select(saved.prompt_id)
            return _("Added to your prompts.")

        self._attempt(save)

    def _import(self) -> None:
        path = self._ask_open(self)
        if path is None:
            return

        def load() -> str:
            saved = import_deck_file(self._library, path)
            return ngettext(
                "Imported {count} prompt from {file}.",
                "Imported {count} prompts from {file}.",
                len(saved),
            ).format(count=len(saved), file=path.name)

        self._attempt(load)

    def _export(self) -> None:
        prompts = self.listed()
        if not prompts:
            self._say(_("There are no prompts in the list to export; clear some filters first."))
            return
        path = self._ask_save(self)
        if path is None:
            return

        def save() -> str:
            export_deck_file(path, prompts, deck_id="my-prompts", title=_("My prompts"))
            return ngettext(
                "Exported {count} prompt to {file}.",
                "Exported {count} prompts to {file}.",
                len(prompts),
            ).format(count=len(prompts), file=path.name)

        self._attempt(save)

    def _select(self, prompt_id: str) -> None:
        """Select a prompt, clearing the search and filters if they would hide it."""
        self.refresh()
        if self.list.select_id(prompt_id):
            return
        self.filters.clear_narrowing()
        self.refresh()
        self.list.select_id(prompt_id)

    # ------------------------------------------------------------------ result

    def _use(self) -> None:
        prompt = self.current()
        if prompt is not None and not prompt.archived:
            self.chosen = prompt
            self.accept()

    def choose(self) -> Prompt | None:
        """Show the browser modally; the prompt picked with *Use this prompt*, or None."""
        self.chosen = None
        self.use_button.setVisible(True)
        self.use_button.setDefault(True)
        if self.exec() == QDialog.DialogCode.Accepted:
            return self.chosen
        return None

    def manage(self) -> None:
        """Show the browser to look after the library only (no prompt is being chosen)."""
        self.use_button.setVisible(False)
        self.close_button.setDefault(True)  # Enter closes, as the only way out says
        self.exec()
