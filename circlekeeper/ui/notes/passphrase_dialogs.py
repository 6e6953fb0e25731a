"""Choosing, entering and changing the notes passphrase.

First use says plainly that a forgotten passphrase means the notes are gone for good (and that
nothing else is affected). A wrong passphrase gets a clear sentence and a short countdown before
the next try, mirroring the vault's growing delay so the window never freezes waiting for it.
Passphrase fields are emptied whenever a dialog closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import N_, _, ngettext
from circlekeeper.ui.theme import LIGHT
from circlekeeper.vault.errors import VaultError
from circlekeeper.vault.passphrase import MIN_PASSPHRASE_CHARS
from circlekeeper.vault.vault import Vault

FORGET_WARNING = N_(
    "If you forget this passphrase, your private notes cannot be recovered — not by you and not"
    " by anyone else. Everything else in CircleKeeper (circles, people, sessions, summaries)"
    " stays intact. Write it down somewhere safe."
)
"""Said before a passphrase is chosen or changed (translated where it is shown)."""
HINT_AFTER_TRIES = 3
"""Wrong tries in a row after which the message says what to check, and what a forgotten
passphrase means: "try again" alone, a third time, leaves a facilitator guessing."""


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    return field


class _PassphraseDialog(QDialog):
    """Shared parts: an error line, a "show" box, OK/Cancel, and fields wiped on close."""

    def __init__(self, vault: Vault, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.setWindowTitle(title)
        self.setModal(True)
        self.fields: list[QLineEdit] = []
        self.error = QLabel()
        self.error.setObjectName("passphraseError")
        self.error.setAccessibleName(_("Problem"))
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(f"#passphraseError {{ color: {LIGHT.error}; }}")
        self.error.hide()
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        self.show_box = QCheckBox(_("Sho&w what I type"))
        self.show_box.setAccessibleName(_("Show passphrase"))
        self.show_box.toggled.connect(self._show_toggled)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setAccessibleName(ok_text)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.layout_ = QVBoxLayout(self)

    def _finish_layout(self, intro: list[QLabel]) -> None:
        for label in intro:
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.layout_.addWidget(label)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.show_box)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Never shorter than the words need at this width.

        Qt sizes a window for the width it first guesses; when the window ends up narrower (a
        small screen, or the facilitator dragging its edge), the warning about a forgotten
        passphrase wraps onto one more line than the window has room for, and its last words
        are cut off (seen in German). The window's height follows its width instead.
        """
        super().resizeEvent(event)
        self.setMinimumHeight(self.layout_.totalHeightForWidth(self.width()))

    def _add_field(self, label: str, name: str) -> QLineEdit:
        field = _password_field(name)
        self.form.addRow(label, field)
        self.fields.append(field)
        return field

    def _show_toggled(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        for field in self.fields:
            field.setEchoMode(mode)

    def show_error(self, message: str) -> None:
        """Say ``message`` under the fields, the window growing if it needs more lines than
        the message before it (a longer one was cut off at the bottom, mid-sentence)."""
        self.error.setText(message)
        self.error.show()
        self.layout_.activate()
        needed = self.layout_.totalHeightForWidth(self.width())
        self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)

    def _submit(self) -> None:
        raise NotImplementedError

    def _run(self, action: Callable[[], object]) -> bool:
        """Run a slow vault call (the KDF) under a busy cursor; show its message if it fails."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            action()
        except VaultError as error:
            self.show_error(str(error))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True

    def done(self, result: int) -> None:
        for field in self.fields:
            field.setText("")  # setText also drops the field's undo history
        super().done(result)


class CreatePassphraseDialog(_PassphraseDialog):
    """First use: choose a passphrase, type it twice, read what forgetting it means."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        super().__init__(vault, _("Protect your private notes"), _("Pro&tect my notes"), parent)
        intro = QLabel(
            _(
                "Private notes are encrypted with a passphrase that only you know. You will be"
                " asked for it once each time you open CircleKeeper."
            )
        )
        warning = QLabel(_(FORGET_WARNING))
        warning.setObjectName("forgetWarning")
        warning.setAccessibleName(_("Warning"))
        warning.setStyleSheet("#forgetWarning { font-weight: 600; }")
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        self.passphrase = self._add_field(_("&Passphrase:"), _("New passphrase"))
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        self.confirm = self._add_field(_("Type it &again:"), _("Confirm passphrase"))
        self.passphrase.setPlaceholderText(
            ngettext(
                "at least {count} character", "at least {count} characters", MIN_PASSPHRASE_CHARS
            ).format(count=MIN_PASSPHRASE_CHARS)
        )
        self._finish_layout([intro, warning])

    def _submit(self) -> None:
        if self.passphrase.text() != self.confirm.text():
            self.show_error(_("The two passphrases are not the same. Please type them again."))
            self.confirm.setText("")
            self.confirm.setFocus()
            return
        if self._run(lambda: self.vault.create(self.passphrase.text())):
            self.accept()


class UnlockDialog(_PassphraseDialog):
    """Enter the passphrase; wrong tries get a message and a short, growing wait."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        super().__init__(vault, _("Unlock private notes"), _("&Unlock"), parent)
        intro = QLabel(_("Enter your passphrase to open your private notes."))
        self.passphrase = self._add_field(_("&Passphrase:"), _("Passphrase"))
        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._update_wait)
        self._finish_layout([intro])
        self._update_wait()

    def _submit(self) -> None:
        if self.vault.retry_wait() > 0:
            return
        text = self.passphrase.text()
        if not text:
            self.show_error(_("Type your passphrase first."))
            return
        try:
            ok = self._run(lambda: self.vault.unlock(text))
        finally:
            self.passphrase.setText("")
        if ok:
            self.accept()
        else:
            if self.vault.failed_attempts >= HINT_AFTER_TRIES:
                self.show_error(
                    _(
                        "That passphrase is not right either. Check Caps Lock and the keyboard's"
                        " language, then try again. If it is forgotten, nobody can open the"
                        " private notes; your circles, people and sessions are not affected."
                    )
                )
            self._update_wait()
            self.passphrase.setFocus()

    def _update_wait(self) -> None:
        wait = self.vault.retry_wait()
        self.ok_button.setEnabled(wait <= 0)
        if wait > 0:
            seconds = int(wait + 0.999)
            self.ok_button.setText(
                ngettext("Try again in {count} s", "Try again in {count} s", seconds).format(
                    count=seconds
                )
            )
            if not self._countdown.isActive():
                self._countdown.start()
        else:
            self.ok_button.setText(_("&Unlock"))
            self._countdown.stop()


class ChangePassphraseDialog(_PassphraseDialog):
    """A new passphrase and a new key: every note is re-sealed under it in one go."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        super().__init__(vault, _("Change the notes passphrase"), _("C&hange passphrase"), parent)
        intro = QLabel(
            _(
                "Your notes get a new key: the old passphrase will not open them, nor anything"
                " written from now on, even with an old backup."
            )
        )
        warning = QLabel(_(FORGET_WARNING))
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        self.current = self._add_field(_("&Current passphrase:"), _("Current passphrase"))
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        self.passphrase = self._add_field(_("&New passphrase:"), _("New passphrase"))
        self.confirm = self._add_field(_("Type it &again:"), _("Confirm passphrase"))
        self._finish_layout([intro, warning])

    def _submit(self) -> None:
        if self.passphrase.text() != self.confirm.text():
            self.show_error(_("The two new passphrases are not the same. Please type them again."))
            self.confirm.setText("")
            return
        old, new = self.current.text(), self.passphrase.text()
        if self._run(lambda: self.vault.change_passphrase(old, new)):
            self.accept()
        else:
            self.current.setText("")


def ask_to_unlock(vault: Vault, parent: QWidget | None = None) -> bool:
    """Show the right dialog (choose on first use, else enter); True when notes are open.
    A passphrase just chosen is confirmed in words (:func:`confirm_set_up`)."""
    if vault.is_unlocked:
        return True
    choosing = not vault.is_set_up
    dialog = CreatePassphraseDialog(vault, parent) if choosing else UnlockDialog(vault, parent)
    try:
        accepted = bool(dialog.exec())
    finally:
        dialog.deleteLater()
    opened = accepted and _is_open(vault)
    if opened and choosing:
        confirm_set_up(parent)
    return opened


def _is_open(vault: Vault) -> bool:
    """Asked afresh after the dialog (a checker would keep the answer read before it)."""
    return vault.is_unlocked


def confirm_set_up(parent: QWidget | None) -> None:
    """The set-up dialog closed without a word, leaving the facilitator to wonder whether the
    passphrase took: say that it did, what it protects, and (once more, now that it is real)
    that nobody can recover it."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        _("Private notes are protected"),
        _(
            "Your passphrase is set. Private notes are encrypted with it before they are"
            " saved, and open only when you type it: once each time you open CircleKeeper."
        ),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setInformativeText(_(FORGET_WARNING))
    try:
        box.exec()
    finally:
        box.deleteLater()


def ask_to_change(vault: Vault, parent: QWidget | None = None) -> bool:
    dialog = ChangePassphraseDialog(vault, parent)
    try:
        return bool(dialog.exec())
    finally:
        dialog.deleteLater()
