"""Renders the hand-drawn SVG icon into every raster the platforms want.

Run after changing ``resources/icons/*.svg`` and commit what it writes::

    .venv/bin/python packaging/render_icons.py

- ``resources/icons/png/circlekeeper-<size>.png``: the window icon (Qt picks the nearest size)
  and the hicolor theme sizes the Linux packages install;
- ``packaging/icons/circlekeeper.ico`` (Windows, 16-256 px) and ``circlekeeper.icns`` (macOS),
  made with Pillow from those PNGs, so the Windows and macOS builds need no SVG renderer.

Sizes up to 24 px come from ``circlekeeper-small.svg``, a simplified drawing whose seats stay
distinct dots at that size; the rest from ``circlekeeper.svg``. Qt's own SVG renderer
(``QSvgRenderer``, in PySide6) draws them, so nothing beyond the app's dependencies and Pillow
is needed.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG_DIR = ROOT / "resources" / "icons"
PNG_DIR = SVG_DIR / "png"
PLATFORM_DIR = ROOT / "packaging" / "icons"

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
SMALL_UP_TO = 24
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # 1024: 512 at Retina density


def png_path(size: int) -> Path:
    return PNG_DIR / f"circlekeeper-{size}.png"


def render(size: int) -> bytes:
    """The icon drawn at ``size`` pixels, as PNG bytes (the small drawing up to 24 px)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    name = "circlekeeper-small.svg" if size <= SMALL_UP_TO else "circlekeeper.svg"
    renderer = QSvgRenderer(str(SVG_DIR / name))
    if not renderer.isValid():
        raise SystemExit(f"{name} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def render_pngs() -> None:
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        png_path(size).write_bytes(render(size))


def write_platform_icons() -> None:
    from PIL import Image

    def image(size: int) -> Image.Image:
        path = png_path(size)
        source = path if path.is_file() else io.BytesIO(render(size))
        return Image.open(source).convert("RGBA")

    PLATFORM_DIR.mkdir(parents=True, exist_ok=True)
    # Pillow scales the largest image down for sizes it is not given; handing it our own
    # renderings keeps the hand-tuned small drawing at 16 and 24 px.
    largest, *smaller = (image(size) for size in sorted(ICO_SIZES, reverse=True))
    largest.save(
        PLATFORM_DIR / "circlekeeper.ico",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=smaller,
    )
    largest, *smaller = (image(size) for size in sorted(ICNS_SIZES, reverse=True))
    largest.save(PLATFORM_DIR / "circlekeeper.icns", append_images=smaller)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    render_pngs()
    write_platform_icons()


if __name__ == "__main__":
    main()
