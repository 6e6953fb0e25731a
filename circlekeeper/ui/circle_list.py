"""The circles on the main window's left: each name reads as it was typed, in any language.

The list lays a row out in the window's direction. In Arabic a circle called
"Tea & <b>Talk</b> 🌷 دائرة الأمل" (English first, Arabic after) was shown as
">Tea & <b>Talk</b 🌷 دائرة الأمل", its closing sign thrown to the far end. Each name is set in
its own direction (:func:`~circlekeeper.ui.bidi_text.isolate`, as History's tables do) only
when it is drawn: the row's text stays the name itself, so typing a circle's first letters
still selects it and a screen reader reads the name without invisible marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from circlekeeper.i18n import _
from circlekeeper.ui.bidi_text import isolate
from circlekeeper.ui.circle_tooltip import circle_tooltip
from circlekeeper.ui.demo_badge import demo_name

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    from circlekeeper.ui.catalog import CircleCard
    from circlekeeper.ui.first_page import ListedCard

CIRCLE = 0x0100
"""``Qt.ItemDataRole.UserRole``, the item role that holds a circle id (its value is fixed by
Qt; spelled out so the window need not load the ``Qt`` namespace before it is shown)."""


def circle_list() -> QListWidget:
    """The circle list: one row per circle, its id under :data:`CIRCLE`."""
    listed = QListWidget()
    listed.setAccessibleName(_("Circles"))
    listed.setWordWrap(True)  # a long circle name wraps; no sideways scrolling
    return listed


def fill_circles(listed: QListWidget, cards: Sequence[CircleCard | ListedCard]) -> None:
    """The list again, without announcing a change of circle while it fills."""
    listed.blockSignals(True)
    listed.clear()
    for card in cards:
        shown = demo_name(card.name, card.demo)
        if isolate(shown) != shown and listed.itemDelegate().objectName() != _OWN_DIRECTION:
            listed.setItemDelegate(_own_direction(listed))
        item = QListWidgetItem(shown)
        item.setData(CIRCLE, card.circle_id)
        item.setToolTip(circle_tooltip(card.name, card.members, card.sessions))
        listed.addItem(item)
    listed.blockSignals(False)


_OWN_DIRECTION = "ownDirection"


def _own_direction(parent: QWidget) -> QStyledItemDelegate:
    """A delegate that draws (and measures) each name set in its own direction. Made when a
    name first needs it (one with right-to-left letters, or a sign at an end in a
    right-to-left window): the usual first paint, English circles in an English window, runs
    no Python for each row it draws (and does not load the delegate's Qt types: about 8 M
    instructions)."""
    from PySide6.QtWidgets import QStyledItemDelegate

    class OwnDirection(QStyledItemDelegate):
        def initStyleOption(
            self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
        ) -> None:
            super().initStyleOption(option, index)
            option.text = isolate(option.text)

    delegate = OwnDirection(parent)
    delegate.setObjectName(_OWN_DIRECTION)
    return delegate
