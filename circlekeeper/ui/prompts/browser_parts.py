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

from circlekeeper.prompts.uses import UsageRow


def ask_open_deck(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, "Import a prompt deck", "", "Prompt decks (*.toml);;All files (*)"
    )
    return Path(path) if path else None


def ask_save_deck(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, "Export prompts as a deck", "my-prompts.toml", "Prompt decks (*.toml)"
    )
    if not path:
        return None
    return Path(path) if path.endswith(".toml") else Path(path + ".toml")


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
    return row.when.astimezone().strftime("%d %b %Y")


class UsageTable(QTableWidget):
    """Which prompts a circle heard when, newest first; never who answered."""

    def __init__(self) -> None:
        super().__init__(0, 3)
        self.setAccessibleName("Prompts this circle heard")
        self.setHorizontalHeaderLabels(["When", "Round", "Prompt"])
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

    def show_rows(self, rows: Sequence[UsageRow]) -> None:
        self.setRowCount(len(rows))
        for n, row in enumerate(rows):
            round_text = f"Round {row.round_index + 1}" + (" (one person)" if row.person_id else "")
            for column, text in enumerate((when_text(row), round_text, row.text)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(n, column, item)
