"""What the window shows while its data opens, when nothing could be read before the store.

A PostgreSQL server (or a file only the store can read) has no first page to show before the
store opens. The window showed the welcome page meanwhile, "Welcome to CircleKeeper… Start
by creating your circle", to a facilitator whose circles were on the server; when the server
could not be reached, that welcome stayed behind the error. Now the window says it is opening
the circles, and, when it cannot, says so behind the error with the error's own words.

Shown before the data has opened, in the first paint: a few labels and nothing else (no Qt
namespace enums, which cost a paint their building; ``tests/ui/test_startup.py``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _


class OpeningPage(QWidget):
    """ "Opening your circles…", then, if they cannot be opened, why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Opening"))
        self.title = QLabel(_("Opening your circles…"))
        self.title.setObjectName("openingTitle")
        self.title.setWordWrap(True)
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        self.detail.setProperty("textFormat", 0)  # Qt.TextFormat.PlainText: an error's words
        self.detail.hide()
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addStretch(2)
        self.setStyleSheet("#openingTitle { font-size: 22px; font-weight: 600; }")
        self.setMaximumWidth(720)

    def failed(self, message: str) -> None:
        """The circles could not be opened: the heading says so, the error says why."""
        self.title.setText(_("Your circles could not be opened"))
        self.setAccessibleName(self.title.text())
        self.detail.setText(message)
        self.detail.show()


def show_opening(window: QMainWindow, pages: QStackedWidget) -> OpeningPage:
    """``window`` shows :class:`OpeningPage` in its stack of ``pages`` until the data opens
    (the catalog then shows the circles, or the welcome page of an empty database)."""
    page = OpeningPage()
    holder = QWidget()  # centred as the welcome page is, no wider than it reads
    QHBoxLayout(holder).addWidget(page)
    pages.addWidget(holder)
    pages.setCurrentWidget(holder)
    window.statusBar().showMessage(page.title.text())
    return page


def show_cannot_open(window: QMainWindow, pages: QStackedWidget, message: str) -> None:
    """Behind the error that ends the start: what could not be opened, and why (the circles
    read before the store, if any, are not offered as though they could be used)."""
    found = window.findChildren(OpeningPage)
    page = found[0] if found else show_opening(window, pages)
    page.failed(message)
    holder = page.parentWidget()
    assert holder is not None  # show_opening put it in one
    pages.setCurrentWidget(holder)
    window.statusBar().showMessage(page.title.text())
