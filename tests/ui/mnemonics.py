"""Which Alt+letter shortcuts a window offers, and which of them two of its widgets claim.

An ``&`` before a letter (``S&how figures``) makes Alt+that letter press the button, focus the
label's field, open the tab or the menu. When two visible, enabled widgets of one window claim
the same letter, Qt resolves only one of them (it moves the focus between them instead of
pressing anything), so the second shortcut a translator chose does nothing. Dialogs are windows
of their own: their letters do not clash with the main window's.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMenuBar,
    QMessageBox,
    QTabBar,
    QToolButton,
    QWidget,
)

from circlekeeper.ui.wrapping_button import WrappingButton
from tests.ui.pseudo_screens import Offender, object_path


def mnemonic(text: str) -> str | None:
    """The letter after the first single ``&`` (``&&`` is a literal ampersand), lowercased."""
    index = 0
    while index < len(text) - 1:
        if text[index] == "&":
            if text[index + 1] == "&":
                index += 2
                continue
            return text[index + 1].casefold()
        index += 1
    return None


def _claims(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every mnemonic-bearing text of ``widget`` that Qt would act on."""
    if isinstance(widget, QAbstractButton):
        return [("button", widget.text())]
    if isinstance(widget, QLabel):
        return [("label", widget.text())] if widget.buddy() is not None else []
    if isinstance(widget, QGroupBox):
        return [("group", widget.title())]
    if isinstance(widget, QTabBar):
        return [
            (f"tab {i}", widget.tabText(i))
            for i in range(widget.count())
            if widget.isTabEnabled(i) and widget.isTabVisible(i)
        ]
    if isinstance(widget, QMenuBar):
        return [
            ("menu", action.text())
            for action in widget.actions()
            if action.isVisible() and action.isEnabled() and not action.isSeparator()
        ]
    return []


def mnemonic_clashes(screen: str, top: QWidget) -> list[Offender]:
    """Every Alt+letter that two or more visible, enabled widgets of ``top``'s window claim."""
    window = top.window()
    owners: dict[str, list[str]] = defaultdict(list)
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.window() is not window or not (widget.isVisible() and widget.isEnabled()):
            continue
        for where, text in _claims(widget):
            letter = mnemonic(text)
            if letter is not None:
                owners[letter].append(f"{object_path(widget)} ({where}) {text!r}")
    return [
        Offender(screen, f"Alt+{letter} claimed {len(claims)} times", " | ".join(claims), letter)
        for letter, claims in sorted(owners.items())
        if len(claims) > 1
    ]


def _qt_own_text(box: QDialogButtonBox | QMessageBox, button: QAbstractButton) -> bool:
    """Whether ``button`` is one of Qt's standard buttons still showing Qt's own words (OK,
    Cancel, Close: Enter and Escape answer them, and Qt's catalogs choose their letters)."""
    if isinstance(box, QMessageBox):
        standard = box.standardButton(button)
        if standard == QMessageBox.StandardButton.NoButton:
            return False
        fresh = QMessageBox()
        fresh.setStandardButtons(standard)
        return fresh.button(standard).text() == button.text()
    standard_box = box.standardButton(button)
    if standard_box == QDialogButtonBox.StandardButton.NoButton:
        return False
    fresh_box = QDialogButtonBox(standard_box)
    own = fresh_box.button(standard_box).text()
    fresh_box.deleteLater()
    return own == button.text()


def _box_of(widget: QWidget) -> QDialogButtonBox | QMessageBox | None:
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, QDialogButtonBox | QMessageBox):
            return parent
        parent = parent.parent()
    return None


def dialog_claims(dialog: QWidget) -> list[tuple[str, str, str | None]]:
    """(where, text, Alt+letter) of every label of a field, button, tick box, choice, tab and
    group title that ``dialog`` shows; Qt's own OK, Cancel and Close aside."""
    found: list[tuple[str, str, str | None]] = []
    labelled = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    for widget in [dialog, *dialog.findChildren(QWidget)]:
        if widget.window() is not dialog or not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, QAbstractButton):
            if widget in labelled:
                continue  # a tick box whose form label carries the letter (M&ood)
            if isinstance(widget, WrappingButton):
                continue  # plain words that wrap (a suggested name): a Ctrl key of its own
            box = _box_of(widget)
            if not widget.text() or (box is not None and _qt_own_text(box, widget)):
                continue
            if isinstance(widget, QToolButton) and widget.autoRaise():
                continue  # a flat icon button inside a field (the clear button of a search)
        for where, text in _claims(widget):
            found.append((f"{object_path(widget)} ({where})", text, mnemonic(text)))
    return found


def dialog_mnemonic_problems(screen: str, dialog: QWidget) -> list[Offender]:
    """A label of a field or a button without an Alt+letter, or a letter claimed twice, in
    ``dialog`` (group titles and tabs may go without one, but may not repeat another's)."""
    claims = dialog_claims(dialog)
    problems = [
        Offender(screen, "no Alt+letter", f"{where} {text!r}", text)
        for where, text, letter in claims
        if letter is None and "(tab " not in where and "(group)" not in where
    ]
    owners: dict[str, list[str]] = defaultdict(list)
    for where, text, letter in claims:
        if letter is not None:
            owners[letter].append(f"{where} {text!r}")
    problems += [
        Offender(screen, f"Alt+{letter} claimed {len(claims)} times", " | ".join(claims), letter)
        for letter, claims in sorted(owners.items())
        if len(claims) > 1
    ]
    return problems
