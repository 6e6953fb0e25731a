"""A second CircleKeeper started on a database the first one has open brings the first one's
window forward, then says "already open" in a dialog of its own.

The copy that holds the database's lock listens on a local socket named after the file; a second
copy refused the lock knocks there once. Only the lock's holder listens, so a socket left over
by a crash is removed before listening, never one in use.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QMessageBox, QWidget

from circlekeeper.i18n import _

KNOCK_MS = 500
"""How long a second copy waits for the first to answer (it is busy opening, or gone)."""


def socket_name(db_path: Path) -> str:
    """One name per database file (and per user: the socket lives in the user's runtime
    folder), short enough for any platform's socket path."""
    digest = hashlib.sha256(str(db_path.resolve()).encode("utf-8")).hexdigest()[:20]
    return f"circlekeeper-{digest}"


class FirstCopy(QObject):
    """Raises ``window()`` (the window of the moment: a language switch replaces it) each time
    a second copy knocks."""

    def __init__(self, db_path: Path, window: Callable[[], QWidget], parent: QObject) -> None:
        super().__init__(parent)
        self._window = window
        self.server = QLocalServer(self)
        name = socket_name(db_path)
        QLocalServer.removeServer(name)  # a crash's leftover: this copy holds the lock
        self.server.newConnection.connect(self._knocked)
        self.listening = self.server.listen(name)

    def _knocked(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.disconnectFromServer()
            socket.deleteLater()
        window = self._window()
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()


def knock(db_path: Path) -> bool:
    """Ask the copy holding ``db_path`` to bring its window forward; True when it was there."""
    socket = QLocalSocket()
    socket.connectToServer(socket_name(db_path))
    answered = socket.waitForConnected(KNOCK_MS)
    socket.abort()
    return answered


def say_already_open(db_path: Path, message: str) -> None:
    """The first copy's window comes forward, and this dialog says why over it."""
    knock(db_path)
    QMessageBox.critical(None, _("CircleKeeper is already open"), message)
