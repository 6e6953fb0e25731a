"""What the pseudo-locale screen test looks for: English left on screen, and clipped text.

In the pseudo-locale (``--lang qps``) every wrapped string reads ``[Ŝåṽé ~~~]``. A run of plain
ASCII letters outside such brackets is a string nobody wrapped; a bracketed string whose
closing ``]`` does not fit its widget is text the layout cuts off. Each offender names the
widget's class and its object path, so a failure says exactly where to look.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QWidget,
)

ALLOWED_WORDS = frozenset(
    {
        "CircleKeeper",
        "circlekeeper",
        "PDF",
        "PDFs",
        "CSV",
        "JSON",
        "UTC",
        "A4",
        "Ctrl",
        "Shift",
        "Alt",
        "Esc",
        "Space",
        "Tab",
        "F1",
        "F5",
        "PM",
        "AM",
        "TOML",
        "GitHub",
        "Qt",
        "PySide",
        "SQLite",
        "PostgreSQL",
        "AES",
        "GCM",
        "GPL",
        "MIT",
        "Apache",
        "OFL",
        "Noto",
        "DejaVu",
        "Sans",
    }
)
"""Names and keys that are the same in every language."""

_PSEUDO = re.compile(r"\[[^\[\]]*~\]")
_MARKUP = re.compile(r"<[^>]+>|&[a-z]+;|&#\d+;")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")


@dataclass(frozen=True, slots=True)
class Offender:
    screen: str
    kind: str  # "english" or "clipped"
    widget: str
    text: str

    def __str__(self) -> str:
        return f"{self.screen}: {self.kind} in {self.widget}: {self.text!r}"


def english_words(text: str, data: frozenset[str] = frozenset()) -> list[str]:
    """Words of plain English outside every pseudo bracket (and outside known data)."""
    plain = _MARKUP.sub(" ", text).replace("&", "")
    for value in data:
        if value:
            plain = plain.replace(value, " ")
    plain = _PSEUDO.sub(" ", plain)
    return [w for w in _WORD.findall(plain) if w not in ALLOWED_WORDS]


def object_path(widget: QWidget) -> str:
    """``MainWindow/QSplitter/pages:QStackedWidget/…/startButton:QPushButton``."""
    parts = []
    node = widget
    while node is not None:
        name = node.objectName()
        kind = type(node).__name__
        parts.append(f"{name}:{kind}" if name else kind)
        node = node.parentWidget()
    return "/".join(reversed(parts))


def _texts(widget: QWidget) -> list[tuple[str, str]]:
    """(what, text) pairs a person sees or a screen reader says for ``widget``."""
    out: list[tuple[str, str]] = []
    if isinstance(widget, QLabel | QAbstractButton):
        out.append(("text", widget.text()))
    elif isinstance(widget, QGroupBox):
        out.append(("title", widget.title()))
    elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        out.append(("placeholder", widget.placeholderText()))
    elif isinstance(widget, QTabWidget):
        out += [("tab", widget.tabText(i)) for i in range(widget.count())]
    elif isinstance(widget, QMenu):
        out += [("menu item", a.text()) for a in widget.actions() if not a.isSeparator()]
    if widget.isWindow():
        out.append(("window title", widget.windowTitle()))
    out.append(("tooltip", widget.toolTip()))
    out.append(("accessible name", widget.accessibleName()))
    return [(what, text) for what, text in out if text]


def _clipped(widget: QWidget, text: str) -> bool:
    """A bracketed string whose end the widget cannot show."""
    return "~]" in text and cut_off(widget, text)


def cut_off(widget: QWidget, text: str) -> bool:
    """Whether ``widget`` is too small to show all of ``text`` (its own text), in any language."""
    if "<" in text or widget.width() <= 0:
        return False
    if isinstance(widget, QLabel):
        if widget.wordWrap():
            return widget.heightForWidth(widget.contentsRect().width()) > widget.height() + 2
        if widget.textFormat() == Qt.TextFormat.RichText:
            return False
        shown = text.replace("&", "") if widget.buddy() is not None else text
        lines = shown.split("\n")
        wide = max(widget.fontMetrics().horizontalAdvance(line) for line in lines)
        return wide > widget.contentsRect().width() + 2
    if isinstance(widget, QAbstractButton) and not isinstance(widget, QComboBox):
        if widget.hasHeightForWidth():  # its words wrap: too short is what cuts them
            return widget.heightForWidth(widget.width()) > widget.height() + 2
        return widget.sizeHint().width() > widget.width() + 2
    return False


def _qt_own(widget: QWidget) -> bool:
    """Qt's own words (file dialogs, OK/Cancel/Close): they come with Qt's catalogs."""
    if isinstance(widget, QFileDialog):
        return True
    if not isinstance(widget, QPushButton):
        return False
    box = widget.parentWidget()
    if isinstance(box, QDialogButtonBox):
        return box.standardButton(widget) != QDialogButtonBox.StandardButton.NoButton
    while box is not None and not isinstance(box, QMessageBox):
        box = box.parentWidget()
    return box is not None and box.standardButton(widget) != QMessageBox.StandardButton.NoButton


def offenders(
    screen: str, top: QWidget, data: frozenset[str] = frozenset(), *, menus: bool = True
) -> list[Offender]:
    """Every visible English literal and clipped string in ``top`` and its children.

    ``menus=False`` leaves the menu bar out (it is checked once, with the main window)."""
    found: list[Offender] = []
    widgets = [top, *top.findChildren(QWidget)]
    for widget in widgets:
        if _qt_own(widget) or (not menus and isinstance(widget, QMenu | QMenuBar)):
            continue
        if isinstance(widget, QLabel) and isinstance(widget.parentWidget(), QAbstractButton):
            continue  # a wrapping button's words: the button itself reports them
        visible = widget.isVisible() or isinstance(widget, QMenu)
        if not visible:
            continue
        for what, text in _texts(widget):
            words = english_words(text, data)
            if words:
                found.append(
                    Offender(screen, "english", f"{object_path(widget)} ({what})", text[:120])
                )
            elif what == "text" and _clipped(widget, text):
                found.append(Offender(screen, "clipped", object_path(widget), text[:120]))
    return found


def cut_off_text(screen: str, top: QWidget) -> list[Offender]:
    """Every visible label or button in ``top`` whose words do not fit it, Qt's own buttons
    (OK, Cancel) included: the same measure as the pseudo-locale's, for a real translation."""
    found: list[Offender] = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not isinstance(widget, QLabel | QAbstractButton) or not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and isinstance(widget.parentWidget(), QAbstractButton):
            continue  # a wrapping button's words: the button itself reports them
        text = widget.text()
        if text and cut_off(widget, text):
            found.append(Offender(screen, "clipped", object_path(widget), text[:120]))
    return found


def look_at_modal(
    look: Callable[[str, QWidget], list[Offender]], name: str, open_it: Callable[[], object]
) -> list[Offender]:
    """Open a modal dialog, look at it as soon as it is on screen, then close it (rejected),
    as Escape would: the dialog's ``exec()`` blocks, so the look runs from a timer inside it."""
    found: list[Offender] = []
    tries = [0]

    def look_once_open() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            tries[0] += 1
            if tries[0] < 200:
                QTimer.singleShot(10, look_once_open)
            return
        QApplication.processEvents()
        found.extend(look(name, dialog))
        dialog.done(0)  # type: ignore[attr-defined]

    QTimer.singleShot(0, look_once_open)
    open_it()
    return found
