"""The app's icon for windows, the task bar and the About dialog, from the shipped PNGs.

The PNG sizes are rendered from ``resources/icons/*.svg`` by ``packaging/render_icons.py``;
a ``QIcon`` loads each file only when a size is first drawn, so setting the icon costs
start-up nothing, and no SVG image plugin is needed at run time.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from circlekeeper.bundled import resource

ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    folder = resource("icons", "png")
    for size in ICON_SIZES:
        icon.addFile(str(folder / f"circlekeeper-{size}.png"))
    return icon
