"""What a history view says before anything is chosen ("Choose a session…", "Choose a
person."): one look for all of them, centred in the room the view will fill and wrapped to it,
so no tab shows its hint pinned to an edge while another centres it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def empty_state(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
