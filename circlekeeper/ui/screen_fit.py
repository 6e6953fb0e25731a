"""Windows that fit the screen they open on: a laptop's 768 pixels less its panel, or 600.

A window asks for the size it would like; it gets that size or the screen's available area
(without the desktop panel, less what the window manager's frame takes), whichever is smaller.
Content that does not fit then scrolls (:func:`scrolling`) instead of pushing the window's
buttons below the screen's edge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the main window fits itself before its first paint, which needs no more
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QLayout, QScrollArea, QWidget

NO_FRAME = 0
"""``QFrame.Shape.NoFrame``."""
NO_FOCUS = 0
"""``Qt.FocusPolicy.NoFocus``."""
FRAME_ALLOWANCE = (16, 48)
"""Width and height a window manager's frame and title bar add around a window (openbox,
GNOME and KDE all stay within these)."""


def available_area(window: QWidget) -> QRect:
    """The free area of the screen the window opens on (its parent's screen for a dialog)."""
    anchor = window.parentWidget() or window
    return anchor.screen().availableGeometry()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` × ``height``, or to what the screen has room for if less, and keep
    the window's frame inside the available area."""
    area = available_area(window)
    extra_w, extra_h = FRAME_ALLOWANCE
    window.resize(min(width, area.width() - extra_w), min(height, area.height() - extra_h))


def scrolling(layout: QLayout) -> QScrollArea:
    """``layout``'s content in a frameless vertical scroll area: on a short screen the content
    scrolls, and the buttons kept outside it stay in view.

    The area itself takes no keyboard focus: it shows none, so a dialog that opened with the
    keyboard on it swallowed what was typed. Tabbing into a field below the fold still
    scrolls it into view (QScrollArea follows the focus of its children)."""
    # Imported here: the window imports this module before its first paint, when the scroll
    # area's classes are not needed. The circle page (in that paint) scrolls its sections, so
    # the frame and focus are set by Qt's property names, not the ``Qt`` namespace: touching
    # it builds all its enums (tests/ui/test_startup.py).
    from PySide6.QtWidgets import QScrollArea, QWidget

    body = QWidget()
    body.setLayout(layout)
    area = QScrollArea()
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.setProperty("frameShape", NO_FRAME)
    area.setProperty("focusPolicy", NO_FOCUS)
    return area
