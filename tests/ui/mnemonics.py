"""Which Alt+letter shortcuts a window offers, and which of them two of its widgets claim.

An ``&`` before a letter (``S&how figures``) makes Alt+that letter press the button, focus the
label's field, open the tab or the menu. When two visible, enabled widgets of one window claim
the same letter, Qt resolves only one of them (it moves the focus between them instead of
pressing anything), so the second shortcut a translator chose does nothing. Dialogs are windows
of their own: their letters do not clash with the main window's.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabBar, QWidget

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
