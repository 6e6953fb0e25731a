"""What the facilitator copies out of the app is the text, without our layout controls.

Our sentences isolate what they quote (``circlekeeper.i18n.isolates``): in Arabic the path in
"تعذّر فتح ⁦/home/user/circle.sqlite3⁩" is wrapped in invisible left-to-right isolate
controls so it reads whole. They belong to the screen only. Copied out (Ctrl+C on a message
box, a selected label) and pasted into a terminal or a file dialog, "⁦/home/user⁩" is not a
folder anyone has. So whenever the app puts text with isolate controls on the clipboard, it
replaces it at once with the same text (and markup) without them; text from elsewhere is
never touched.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

from circlekeeper.i18n.isolates import ISOLATE_CONTROLS, without_isolates


def install_plain_clipboard() -> None:
    """Clean every copy the app makes from now on (once per application)."""
    app = QGuiApplication.instance()
    if app is None or app.property("circlekeeperPlainClipboard"):
        return
    app.setProperty("circlekeeperPlainClipboard", True)
    clipboard = QGuiApplication.clipboard()
    clipboard.dataChanged.connect(lambda: strip_isolates(clipboard))


def strip_isolates(clipboard: QClipboard) -> bool:
    """Put the copy back without isolate controls; whether there were any to take out."""
    if not clipboard.ownsClipboard() and QGuiApplication.platformName() not in _NO_OWNERSHIP:
        return False  # another program's copy: theirs to keep as it is
    data: QMimeData | None = clipboard.mimeData()  # (None while a copy is taken back)
    if data is None:
        return False
    text = data.text() if data.hasText() else ""
    html = data.html() if data.hasHtml() else ""
    if not any(ch in ISOLATE_CONTROLS for ch in text + html):
        return False
    plain = QMimeData()
    if text:
        plain.setText(without_isolates(text))
    if html:
        plain.setHtml(without_isolates(html))
    clipboard.setMimeData(plain)  # announces a change; this time there is nothing to take out
    return True


_NO_OWNERSHIP = frozenset(("offscreen", "minimal"))
"""Platforms whose clipboard lives in the process and never reports an owner."""
