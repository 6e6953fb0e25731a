"""Small pieces of the prompt browser: file dialogs, the preview text, date words."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHeaderView,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from circlekeeper.i18n import _
from circlekeeper.i18n.formats import format_date, format_number
from circlekeeper.prompts.uses import UsageRow
from circlekeeper.ui.prompts.deck_folder import DeckFolder


def ask_open_deck(parent: QWidget, memory: DeckFolder | None = None) -> Path | None:
    """A deck to import, asked in the folder the last one came from (else Documents)."""
    memory = memory or DeckFolder()
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Import a prompt deck"),
        str(memory.folder()),
        # Translators: file-type filters; keep the parts in brackets and the ";;" as they are.
        _("Prompt decks (*.toml);;All files (*)"),
    )
    if not path:
        return None
    memory.remember(Path(path))
    return Path(path)


def ask_save_deck(parent: QWidget, memory: DeckFolder | None = None) -> Path | None:
    """Where to export a deck, suggested in the folder decks last came from or went to (else
    Documents), never the process's working directory."""
    memory = memory or DeckFolder()
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        _("Export prompts as a deck"),
        str(memory.folder() / "my-prompts.toml"),
        # Translators: a file-type filter; keep the part in brackets as it is.
        _("Prompt decks (*.toml)"),
    )
    if not path:
        return None
    chosen = Path(path) if path.endswith(".toml") else Path(path + ".toml")
    memory.remember(chosen)
    return chosen


class PreviewText(QPlainTextEdit):
    """Read-only prompt words that wrap anywhere, so no single long word widens the dialog."""

    def __init__(self) -> None:
        super().__init__()
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.viewport().setAutoFillBackground(False)
        self.setMinimumHeight(60)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)


def when_text(row: UsageRow) -> str:
    """The day a prompt was heard, on this computer's calendar, as the language writes it."""
    return format_date(row.when.astimezone(), "medium")


class UsageTable(QTableWidget):
    """Which prompts a circle heard when, newest first; never who answered."""

    def __init__(self) -> None:
        super().__init__(0, 3)
        self.setAccessibleName(_("Prompts this circle heard"))
        self.setHorizontalHeaderLabels([_("When"), _("Round"), _("Prompt")])
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab goes on to the next control (table_keys)

    def show_rows(self, rows: Sequence[UsageRow]) -> None:
        self.setRowCount(len(rows))
        for n, row in enumerate(rows):
            number = format_number(row.round_index + 1)
            round_text = (
                # Translators: a round in which each person had a prompt of their own.
                _("Round {number} (one person)").format(number=number)
                if row.person_id
                else _("Round {number}").format(number=number)
            )
            for column, text in enumerate((when_text(row), round_text, row.text)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(n, column, item)
