"""*Start a circle* on a small laptop screen: every name in the *Who is here* list reads whole.

At 1024×600 the list is about 210 pixels wide. Names ran off its edge behind a sideways
scroll bar ("Maria Fernanda de los Santo", "<b>Jonas</b> & Co 🎉 (the"): the facilitator
ticking who came could not read who they ticked. Names now wrap inside the list.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from circlekeeper.i18n import use_language
from circlekeeper.session import Participant
from circlekeeper.ui.setup.setup_dialog import CircleBrief, SetupDialog, default_plan
from tests.ui.small_screen import SMALL_WINDOW

PEOPLE = tuple(
    Participant(str(i), name, pronouns)
    for i, (name, pronouns) in enumerate(
        [
            ("Amal Haddad", "she/her"),
            ("<b>Jonas</b> & Co 🎉", "they/them"),
            ("يوسف الحسيني", "هو"),
            ("Maria Fernanda de los Santos Oyelaran-Whitfield " * 200, "they/them"),
            ("Konstantinopoulou-Vanderbilt", ""),
            ("Ελένη Παπαδοπούλου", ""),
        ],
        1,
    )
)


@pytest.mark.parametrize("language", ["en", "de", "ar"])
def test_every_name_in_who_is_here_reads_whole_at_1024x600(
    qtbot, english_afterwards, language: str
) -> None:
    use_language(language)
    dialog = SetupDialog(CircleBrief("Tuesday", PEOPLE, (), default_plan(), ()), seed=1)
    qtbot.addWidget(dialog)
    dialog.resize(*SMALL_WINDOW)
    dialog.show()
    QApplication.processEvents()
    present = dialog.present
    assert present.horizontalScrollBar().maximum() == 0, "no name runs off to the side"
    room = present.viewport().rect()
    for row in range(present.count()):
        item = present.item(row)
        shown = present.visualItemRect(item)
        assert shown.left() >= room.left() and shown.right() <= room.right(), item.text()
        text = shown.adjusted(24, 0, 0, 0)  # after the tick box
        needed = present.fontMetrics().boundingRect(
            text.adjusted(0, 0, 0, 1000), int(Qt.TextFlag.TextWordWrap), item.text()
        )
        assert needed.height() <= shown.height() + 2, (item.text()[:40], needed, shown)
