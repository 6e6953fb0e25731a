"""A prompt for each person in one round: drawn in one click, reviewed in a compact list.

Some circles pass a card round instead of asking everyone the same question. *Draw for each
person* deals one library prompt per person present (different ones while the library has
enough, see :meth:`PromptDrawer.draw_for_people`); *Another* redraws the selected person's
prompt, never giving back the one just turned down nor a prompt someone else already holds;
*Browse…* picks the selected person's prompt from the library by hand.
Each prompt can also be typed over, which makes it a typed prompt like in the shared picker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _
from circlekeeper.prompts.drawer import Draw, DrawRequest, PromptDrawer
from circlekeeper.session.model import Participant
from circlekeeper.session.prompts import Prompt
from circlekeeper.ui.bidi_text import person_label
from circlekeeper.ui.prompts.labels import describe
from circlekeeper.ui.prompts.prompt_buttons import (
    PromptAction,
    bind_shortcuts,
    fit_words,
    prompt_button,
)
from circlekeeper.ui.table_keys import tab_leaves

if TYPE_CHECKING:
    from circlekeeper.ui.prompts.picker import Browse

PERSON_ID = Qt.ItemDataRole.UserRole
ROW_LIMIT = 6
"""Rows shown before the list scrolls, so a big circle does not push the plan off screen."""


class PersonPromptList(QWidget):
    """Person → prompt for one round; ``changed`` fires whenever a prompt is drawn or typed."""

    changed = Signal()

    def __init__(
        self,
        *,
        label: str = "",
        request: DrawRequest | None = None,
        drawer: PromptDrawer | None = None,
        browse: Browse | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._drawer = drawer
        self._browse = browse
        self._request = request or DrawRequest()
        self._people: list[Participant] = []
        self._texts: dict[str, str] = {}
        self._prompts: dict[str, Prompt] = {}
        self._rejected: dict[str, set[str]] = {}
        self._filling = False
        self.others: Callable[[], Iterable[str]] = lambda: ()
        """Prompt ids other rounds of the session hold: not dealt here."""

        self.draw_button = prompt_button(
            PromptAction.DRAW,
            _("Draw for each person"),
            _("Deal a different prompt to each person present"),
        )
        self.redraw_button = prompt_button(
            PromptAction.ANOTHER,
            # Translators: keep it short: the button sits in a narrow table cell.
            _("Another for this person"),
            _("Draw a different prompt for the person selected below"),
        )
        self.draw_button.setVisible(drawer is not None)
        self.redraw_button.setVisible(drawer is not None)
        self.redraw_button.setEnabled(False)
        self.browse_button = prompt_button(
            PromptAction.BROWSE,
            _("Browse…"),
            _("Choose the selected person's prompt from the library"),
        )
        self.browse_button.setVisible(browse is not None)
        self.browse_button.setEnabled(False)
        self.table = tab_leaves(QTableWidget(0, 2))
        self.table.setHorizontalHeaderLabels([_("Person"), _("Prompt")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 140)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setVisible(False)
        self.set_label(label or _("the round"))

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        self._buttons = buttons
        buttons.addWidget(self.draw_button)
        buttons.addWidget(self.redraw_button)
        buttons.addWidget(self.browse_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.note)

        self.draw_button.clicked.connect(self.draw)
        self.redraw_button.clicked.connect(self.redraw_selected)
        self.browse_button.clicked.connect(self.browse_selected)
        self.table.itemChanged.connect(self._typed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        bind_shortcuts(
            self,
            {
                PromptAction.DRAW: self.draw,
                PromptAction.ANOTHER: self.redraw_selected,
                PromptAction.BROWSE: self.browse_selected,
            },
        )
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The buttons' words while they fit on one line, their icons once they would not."""
        super().resizeEvent(event)
        spacing = max(0, self._buttons.spacing())
        buttons = [self.draw_button, self.redraw_button, self.browse_button]
        fit_words(buttons, event.size().width(), spacing)

    def set_label(self, label: str) -> None:
        """Name the controls after their round, for screen readers and tests."""
        # Translators: {round} is a round's name as in "round 2" or "Check-in".
        self.draw_button.setAccessibleName(
            _("Draw a prompt for each person in {round}").format(round=label)
        )
        self.redraw_button.setAccessibleName(
            _("Draw another prompt for the selected person in {round}").format(round=label)
        )
        self.browse_button.setAccessibleName(
            _("Browse prompts for the selected person in {round}").format(round=label)
        )
        self.table.setAccessibleName(_("Prompts for each person in {round}").format(round=label))
        self.note.setAccessibleName(_("Prompt note for each person in {round}").format(round=label))

    def set_request(self, request: DrawRequest) -> None:
        self._request = request
        self._rejected.clear()

    # ------------------------------------------------------------------ people and values

    def set_people(self, people: Sequence[Participant]) -> None:
        """Who is present, in the order to list them; prompts of people still here are kept."""
        self._people = list(people)
        self._render()

    def set_prompts(self, prompts: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
        """Words for people (typed, or from a saved plan); ids not present are kept unseen."""
        pairs = prompts.items() if isinstance(prompts, Mapping) else prompts
        for person_id, text in pairs:
            self._texts[person_id] = text
            self._prompts.pop(person_id, None)
        self._render()
        self.changed.emit()

    def prompt_pairs(self) -> tuple[tuple[str, str], ...]:
        """(person id, prompt) for everyone present with words, in list order."""
        pairs = []
        for person in self._people:
            text = " ".join(self._texts.get(person.person_id, "").split())
            if text:
                pairs.append((person.person_id, text))
        return tuple(pairs)

    def prompt_of(self, person_id: str) -> Prompt | None:
        """The library prompt a person was dealt, if it was drawn and not typed over."""
        return self._prompts.get(person_id)

    def chosen_ids(self) -> set[str]:
        """Library prompt ids held by people present (so other rounds do not repeat them)."""
        present = {p.person_id for p in self._people}
        return {p.prompt_id for who, p in self._prompts.items() if who in present}

    def note_text(self) -> str:
        return self.note.text()

    # ------------------------------------------------------------------ actions

    def draw(self) -> None:
        """Deal a prompt to everyone present (a fresh deal replaces the previous one)."""
        if self._drawer is None or not self._people:
            self._say(_("Tick who is present first; each of them gets a prompt."))
            return
        self._rejected.clear()
        ids = [p.person_id for p in self._people]
        dealt = self._drawer.draw_for_people(self._request.excluding(*self.others()), ids)
        notes = []
        for person_id, result in dealt.items():
            self._take(person_id, result)
            if result.note and result.note not in notes:
                notes.append(result.note)
        held = [r.prompt.prompt_id for r in dealt.values() if r.prompt is not None]
        if len(set(held)) < len(held):
            notes.append(_("There are fewer fitting prompts than people, so some share one."))
        self._render()
        self._say(" ".join(notes))
        self.changed.emit()

    def redraw_selected(self) -> None:
        """A different prompt for the selected person: not theirs just now, nor anyone else's."""
        person_id = self.selected_person()
        if self._drawer is None or person_id is None:
            return
        current = self._prompts.get(person_id)
        rejected = self._rejected.setdefault(person_id, set())
        if current is not None:
            rejected.add(current.prompt_id)
        taken = {p.prompt_id for who, p in self._prompts.items() if who != person_id}
        last = {current.prompt_id} if current is not None else set()
        # Widest exclusion first; when everything fitting was turned down (or is held by
        # someone else), start the refusals over, and last of all allow a shared prompt, but
        # never give back the one just turned down.
        attempts = [(*taken, *rejected), (*taken, *last), tuple(last)]
        result = Draw(None, _("There is no other prompt that fits; keep this one or type one."))
        for attempt, exclude in enumerate(attempts):
            found = self._drawer.draw(self._request.excluding(*self.others(), *exclude))
            if found.prompt is not None:
                result = found
                if attempt:
                    rejected.intersection_update(last)
                break
        if result.prompt is None:
            self._say(result.note)
            return
        self._take(person_id, result)
        self._render()
        self._say(result.note)
        self.changed.emit()

    def browse_selected(self) -> None:
        """The selected person's prompt, chosen by hand from the library."""
        person_id = self.selected_person()
        if self._browse is None or person_id is None:
            return
        chosen = self._browse(self, self._request.browse_category())
        if chosen is None:
            return
        self._take(person_id, Draw(chosen, ""))
        self._rejected.pop(person_id, None)
        self._render()
        self._say("")
        self.changed.emit()

    def selected_person(self) -> str | None:
        row = self.table.currentRow()
        return self._person_in(row) if row >= 0 else None

    def _person_in(self, row: int) -> str | None:
        """The person id a row stands for (kept on its name cell)."""
        item = self.table.item(row, 0)
        return item.data(PERSON_ID) if item is not None else None

    def select_person(self, person_id: str) -> None:
        for row in range(self.table.rowCount()):
            if self._person_in(row) == person_id:
                self.table.setCurrentCell(row, 1)
                return

    # ------------------------------------------------------------------ inside

    def _take(self, person_id: str, result: Draw) -> None:
        if result.prompt is None:
            return
        self._texts[person_id] = result.prompt.text
        self._prompts[person_id] = result.prompt

    def _render(self) -> None:
        selected = self.selected_person()
        self._filling = True
        self.table.setRowCount(len(self._people))
        for row, person in enumerate(self._people):
            name = QTableWidgetItem(person_label(person.name, person.pronouns))
            name.setData(PERSON_ID, person.person_id)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setToolTip(person_label(person.name, person.pronouns))
            text = self._texts.get(person.person_id, "")
            prompt = QTableWidgetItem(text)
            prompt.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                _("Prompt for {person}").format(person=person.name),
            )
            library = self._prompts.get(person.person_id)
            prompt.setToolTip(f"{text}\n{describe(library)}" if library else text)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, prompt)
        self._filling = False
        if selected is not None:
            self.select_person(selected)
        self._selection_changed()
        self._fit()

    def _typed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 1:
            return
        person_id = self._person_in(item.row())
        if person_id is None:
            return
        self._texts[person_id] = item.text()
        self._prompts.pop(person_id, None)
        self._rejected.pop(person_id, None)
        item.setToolTip(item.text())
        self.changed.emit()

    def _selection_changed(self) -> None:
        someone = self.selected_person() is not None
        self.redraw_button.setEnabled(self._drawer is not None and someone)
        self.browse_button.setEnabled(self._browse is not None and someone)

    def _say(self, note: str) -> None:
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def _fit(self) -> None:
        """Tall enough for a few people without scrolling, then the list scrolls."""
        rows = max(1, min(len(self._people), ROW_LIMIT))
        height = self.table.horizontalHeader().sizeHint().height() + 4
        height += sum(self.table.rowHeight(r) for r in range(rows)) if self._people else 26
        self.table.setFixedHeight(height)
