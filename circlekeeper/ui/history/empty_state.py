"""What a history view says before anything is chosen ("Choose a session…", "Choose a
person."), or when there is nothing to choose yet: one look for all of them, centred in the room
the view will fill and wrapped to it, so no tab shows its hint pinned to an edge while another
centres it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from circlekeeper.i18n import _


def no_people() -> str:
    """The People tab with nobody to choose ("Choose a person." over an empty list)."""
    return _(
        "No one yet. People appear here once they are in a circle: add them with Edit circle…,"
        " or as newcomers when you start a circle."
    )


def no_circles() -> str:
    """The Circles tab with no circle to choose."""
    return _(
        "No circles yet. Make one with New circle… in the Circle menu, or look around a demo"
        " circle first."
    )


def empty_state(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
