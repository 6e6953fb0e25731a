"""Small pieces of the prompt browser: file dialogs, the preview text, date words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QFileDialog, QFrame, QPlainTextEdit, QWidget

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
