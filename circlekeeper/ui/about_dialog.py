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
        self.setWindowTitle(f"About {APP_NAME}")
        self.setAccessibleName(f"About {APP_NAME}")

        picture = QLabel()
        picture.setPixmap(app_icon().pixmap(ICON_PIXELS, ICON_PIXELS))
        picture.setAccessibleName(f"{APP_NAME} icon")
        title = QLabel(f"<h2>{APP_NAME}</h2>")
        self.version_label = QLabel(f"Version {VERSION}")
        self.version_label.setAccessibleName("Version")
        summary = QLabel(SUMMARY + ".")
        summary.setWordWrap(True)
        credits = QLabel(
            f"Free software under the {LICENSE} licence. The bundled fonts (DejaVu, Noto and "
            "others) keep their own open licences, shipped beside them."
        )
        credits.setWordWrap(True)
        self.details_label = QLabel(version_details().split("\n", 1)[1])  # title has the rest
        self.details_label.setAccessibleName("Version details")
        self.details_label.setStyleSheet("color: palette(placeholder-text);")

        text = QVBoxLayout()
        for widget in (title, self.version_label, summary, credits, self.details_label):
            text.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(picture, 0)
        top.addSpacing(12)
        top.addLayout(text, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("&Copy version details")
        copy.setAccessibleName("Copy version details")
        copy.clicked.connect(self.copy_details)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(version_details())
