"""Help ▸ About CircleKeeper: which version is running, under which licence, on what.

The version is what a facilitator reads out when asking for help, so the dialog also offers
the details a helper needs (Python, Qt, the operating system) as one copyable text.
"""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _
from circlekeeper.identity import APP_NAME, LICENSE, SUMMARY, VERSION
from circlekeeper.ui.app_icon import app_icon

ICON_PIXELS = 96


def version_details() -> str:
    """One block of text for a support request: our version and what it runs on."""
    return (
        f"{APP_NAME} {VERSION}\n"
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}\n"
        f"{platform.system()} {platform.release()} ({platform.machine()})"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About {app}").format(app=APP_NAME))
        self.setAccessibleName(self.windowTitle())

        picture = QLabel()
        picture.setPixmap(app_icon().pixmap(ICON_PIXELS, ICON_PIXELS))
        picture.setAccessibleName(_("{app} icon").format(app=APP_NAME))
        title = QLabel(f"<h2>{APP_NAME}</h2>")
        self.version_label = QLabel(_("Version {version}").format(version=VERSION))
        self.version_label.setAccessibleName(_("Version"))
        summary = QLabel(_(SUMMARY) + ".")
        summary.setWordWrap(True)
        credits = QLabel(
            _(
                "Free software under the {licence} licence. The bundled fonts (DejaVu, Noto and"
                " others) keep their own open licences, shipped beside them."
            ).format(licence=LICENSE)
        )
        credits.setWordWrap(True)
        self.details_label = QLabel(version_details().split("\n", 1)[1])  # title has the rest
        self.details_label.setAccessibleName(_("Version details"))
        self.details_label.setStyleSheet("color: palette(placeholder-text);")

        text = QVBoxLayout()
        for widget in (title, self.version_label, summary, credits, self.details_label):
            text.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(picture, 0)
        top.addSpacing(12)
        top.addLayout(text, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(_("&Copy version details"))
        copy.setAccessibleName(copy.text().replace("&", ""))
        copy.clicked.connect(self.copy_details)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(version_details())
