"""What the installers carry besides the app: icons drawn from the SVG, a menu entry, AppStream
metadata a software centre accepts, and launchers that suit each platform.

These run in seconds without building anything; ``test_linux_installers.py`` checks the
built packages themselves.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
from configparser import ConfigParser
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from circlekeeper import __version__
from circlekeeper.identity import APP_ID, APP_NAME
from circlekeeper.ui.app_icon import ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
PNG = ROOT / "resources" / "icons" / "png"
IN_CI = os.environ.get("CI") == "true"


def test_the_committed_icons_are_the_svg_as_drawn_now(tmp_path: Path) -> None:
    """Someone who edits the SVG and forgets ``render_icons.py`` ships a stale icon: caught."""
    script = ROOT / "packaging" / "render_icons.py"
    # render into a scratch copy of the tree: the script writes beside itself
    for folder in ("resources/icons", "packaging"):
        shutil.copytree(ROOT / folder, tmp_path / "tree" / folder, dirs_exist_ok=True)
    copy = tmp_path / "tree" / "packaging" / "render_icons.py"
    shutil.copy(script, copy)
    done = subprocess.run(
        [sys.executable, str(copy)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rendered = tmp_path / "tree" / "resources" / "icons" / "png"
    for size in ICON_SIZES:
        fresh = Image.open(rendered / f"circlekeeper-{size}.png").convert("RGBA")
        committed = Image.open(PNG / f"circlekeeper-{size}.png").convert("RGBA")
        assert committed.size == (size, size)
        bands = ImageChops.difference(fresh, committed).point(lambda v: 255 if v > 8 else 0)
        differing = ImageChops.lighter(
            ImageChops.lighter(bands.getchannel(0), bands.getchannel(1)),
            ImageChops.lighter(bands.getchannel(2), bands.getchannel(3)),
        ).histogram()[255]
        assert differing <= size * size // 100, f"{size} px differs in {differing} pixels"


def test_windows_and_macos_icons_hold_the_small_drawing() -> None:
    ico = Image.open(ROOT / "packaging" / "icons" / "circlekeeper.ico")
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    ico.size = (16, 16)
    small = ico.convert("RGBA")
    assert (
        small.getpixel((8, 3))[:3]
        == Image.open(PNG / "circlekeeper-16.png").convert("RGBA").getpixel((8, 3))[:3]
    ), "the hand-tuned 16 px drawing, not a scaled-down big one"
    icns = Image.open(ROOT / "packaging" / "icons" / "circlekeeper.icns")
    assert icns.size == (1024, 1024)  # 512 px at Retina density


def test_the_desktop_entry_names_the_app_its_icon_and_command() -> None:
    entry = ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Name"] == APP_NAME
    assert section["Icon"] == APP_ID
    assert section["Exec"] == "circlekeeper"
    assert section["Type"] == "Application" and section["Terminal"] == "false"


def test_the_appstream_metadata_validates(tmp_path: Path) -> None:
    validator = shutil.which("appstreamcli")
    if validator is None:
        if IN_CI:
            pytest.fail("appstreamcli is missing (Debian package appstream)")
        pytest.skip("appstreamcli is not installed (Debian package appstream)")
    text = (LINUX / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    metainfo = tmp_path / f"{APP_ID}.metainfo.xml"
    metainfo.write_text(
        text.replace("@VERSION@", __version__).replace("@DATE@", "2026-12-01"), encoding="utf-8"
    )
    done = subprocess.run(
        [validator, "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_gui_launcher_is_a_gui_script_and_the_cli_a_console_script() -> None:
    scripts = importlib.metadata.entry_points()
    console = {e.name: e.value for e in scripts.select(group="console_scripts")}
    gui = {e.name: e.value for e in scripts.select(group="gui_scripts")}
    assert console.get("circlekeeper") == "circlekeeper.cli:main"
    assert gui.get("circlekeeper-app") == "circlekeeper.cli:gui_main"


def test_the_gui_launcher_copes_with_no_console() -> None:
    """Windows starts GUI scripts with no stdout or stderr at all; nothing may crash on that."""
    probe = (
        "import sys; sys.stdout = sys.stderr = None; sys.argv = ['circlekeeper-app', '--version']\n"
        "from circlekeeper.cli import gui_main\n"
        "raise SystemExit(gui_main())"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_python_dash_m_still_starts_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "circlekeeper", "--version"], capture_output=True, text=True
    )
    assert done.stdout.strip() == f"circlekeeper {__version__}"
