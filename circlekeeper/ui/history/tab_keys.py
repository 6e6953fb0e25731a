"""History's tab mnemonics (Alt+S, Alt+P, Alt+I, Alt+R) take the keys into the tab they open.

Qt's tab bar switched the tab and left the keyboard on the tab bar itself, so after Alt+P a
facilitator pressed Tab before they could type a name into the person picker. Now the keys go
to the tab's first useful control: the sessions table, the person or circle picker, the
Period's circle. Moving along the tab bar with the arrow keys keeps the keys there, as it should
(the next arrow goes on to the next tab); a click on a tab changes nothing about the keys.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QTabBar, QTabWidget, QWidget

from circlekeeper.ui.history.period_view import PeriodView
from circlekeeper.ui.history.picker_tab import PickerTab


def first_control(tab: QWidget | None, sessions_first: QWidget) -> QWidget | None:
    """Where the keys go in ``tab``: its picker, the Period's circle, else ``sessions_first``
    when it is in that tab; ``None`` when the control cannot take them (an empty picker)."""
    if isinstance(tab, PickerTab):
        target: QWidget = tab.picker
    elif isinstance(tab, PeriodView):
        target = tab.circle
    elif tab is not None and tab.isAncestorOf(sessions_first):
        target = sessions_first
    else:
        return None
    return target if target.isEnabled() else None


class _IntoTheTab(QObject):
    def __init__(self, tabs: QTabWidget, sessions_first: QWidget) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._sessions_first = sessions_first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Shortcut or not isinstance(watched, QTabBar):
            return False
        handled = QTabBar.event(watched, event)  # the tab bar switches the tab first
        # A tab opened for the first time shows its new controls a moment later (Qt shows a
        # widget added to a visible layout from the event queue), and a hidden one cannot
        # take the keys: so once that is done.
        QTimer.singleShot(0, self._into_the_tab)
        return handled

    def _into_the_tab(self) -> None:
        target = first_control(self._tabs.currentWidget(), self._sessions_first)
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)


def keys_into_tabs(tabs: QTabWidget, sessions_first: QWidget) -> None:
    """A tab opened by its mnemonic hands the keys to its first useful control
    (:func:`first_control`); ``sessions_first`` is the Sessions tab's."""
    tabs.tabBar().installEventFilter(_IntoTheTab(tabs, sessions_first))
