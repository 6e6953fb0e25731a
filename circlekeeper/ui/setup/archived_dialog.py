"""Archived circles, and the way back: archiving is never a one-way door.

A circle archived by mistake, or one that meets again after a summer break, comes back to the
list with its people, agreements and history exactly as they were.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _
from circlekeeper.ui.bidi_text import breakable, isolate
from circlekeeper.ui.catalog import CircleCard
from circlekeeper.ui.count_words import session_count
from circlekeeper.ui.demo_badge import demo_name
from circlekeeper.ui.list_rows import current_item

CIRCLE = Qt.ItemDataRole.UserRole


class ArchivedCirclesDialog(QDialog):
    def __init__(
        self,
        cards: list[CircleCard],
        restore: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Archived circles"))
        self._restore = restore
        self.restored: list[int] = []
        """Circles brought back while the dialog was open, in that order."""
        self.circles = QListWidget()
        self.circles.setAccessibleName(_("Archived circles"))
        self.circles.setWordWrap(True)
        for card in cards:
            sessions = session_count(card.sessions)
            name = demo_name(card.name, card.demo)
            item = QListWidgetItem(f"{isolate(breakable(name))} · {sessions}")
            item.setData(CIRCLE, card.circle_id)
            item.setToolTip(card.name)
            self.circles.addItem(item)
        self.empty = QLabel(_("No circles are archived."))
        self.empty.setVisible(not cards)
        self.bring_back = QPushButton(_("&Bring back"))
        self.bring_back.setAccessibleName(_("Bring the selected circle back"))
        self.bring_back.setToolTip(_("Back to the circles list, with its people and history"))
        self.bring_back.setEnabled(False)
        self.bring_back.clicked.connect(self._bring_back)
        self.circles.currentItemChanged.connect(
            lambda item, _old: self.bring_back.setEnabled(item is not None)
        )
        self.circles.itemActivated.connect(lambda _item: self._bring_back())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.bring_back, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        # Enter on a circle in the list brings it back (itemActivated); elsewhere it closes.
        self.bring_back.setAutoDefault(False)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Archived circles keep their people, agreements and history.")))
        layout.addWidget(self.circles, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(460, 360)
        if cards:
            self.circles.setCurrentRow(0)

    def _bring_back(self) -> None:
        item = current_item(self.circles)
        if item is None:
            return
        circle_id = int(item.data(CIRCLE))
        self._restore(circle_id)
        self.restored.append(circle_id)
        self.circles.takeItem(self.circles.row(item))
        self.empty.setVisible(self.circles.count() == 0)
        self.bring_back.setEnabled(self.circles.currentItem() is not None)
