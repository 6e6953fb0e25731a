"""One yes/no question, asked the same way everywhere: "No" is the default answer.

Destructive or surprising steps (end the circle, delete a session, count slept time) wait for
an explicit yes; pressing Enter or Escape on the question never does the surprising thing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_yes_no(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
