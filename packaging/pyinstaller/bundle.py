"""What every CircleKeeper bundle holds, shared by the Linux, Windows and macOS spec files.

PyInstaller follows imports, which finds the code but not three things this app reads from
disk or imports by name: the shipped ``resources/`` (fonts, prompt decks, sounds, icons,
translations), the alembic migrations (loaded as source files by path) and the sub-command
modules (``cli.py`` imports them by name). Qt's platform, image, multimedia and translation
files come with PyInstaller's own PySide6 hooks for the modules the app imports; modules it
never uses are excluded so nothing pulls them in by accident.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = str(Path(__file__).resolve().parent / "launcher.py")
ICONS = ROOT / "packaging" / "icons"

# The bundle is made from the installed package (``pip install .`` in the build environment),
# never from the checkout beside it: what ships is exactly what the wheel holds.
INSTALLED = Path(importlib.util.find_spec("circlekeeper").origin).parent
VERSION = importlib.metadata.version("circlekeeper")
if INSTALLED == ROOT / "circlekeeper":
    raise SystemExit(
        "circlekeeper is installed in editable mode here; packaging/build-linux makes a build "
        "environment with a regular install (see README, 'Building the installers')."
    )

UNUSED_QT = [
    f"PySide6.{name}"
    for name in (
        "Qt3DAnimation",
        "Qt3DCore",
        "Qt3DExtras",
        "Qt3DInput",
        "Qt3DLogic",
        "Qt3DRender",
        "QtBluetooth",
        "QtCharts",
        "QtConcurrent",
        "QtDataVisualization",
        "QtDesigner",
        "QtGraphs",
        "QtHelp",
        "QtHttpServer",
        "QtLocation",
        "QtMultimediaWidgets",
        "QtNetworkAuth",
        "QtNfc",
        "QtOpenGL",
        "QtOpenGLWidgets",
        "QtPdf",
        "QtPdfWidgets",
        "QtPositioning",
        "QtQml",
        "QtQuick",
        "QtQuick3D",
        "QtQuickControls2",
        "QtQuickWidgets",
        "QtRemoteObjects",
        "QtScxml",
        "QtSensors",
        "QtSerialBus",
        "QtSerialPort",
        "QtSpatialAudio",
        "QtSql",
        "QtStateMachine",
        "QtSvgWidgets",
        "QtTest",
        "QtTextToSpeech",
        "QtUiTools",
        "QtWebChannel",
        "QtWebEngineCore",
        "QtWebEngineQuick",
        "QtWebEngineWidgets",
        "QtWebSockets",
        "QtWebView",
        "QtXml",
        "QtAxContainer",
    )
]
UNUSED_PILLOW = [  # reportlab reads PNG and JPEG only; these formats carry 10 MB of libraries
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL.ImageTk",
    "PIL._imagingtk",
    "PIL.ImageQt",
    # colour management (and its lcms2 library, 0.5 MB): Pillow loads it only to convert
    # between RGB and LAB, which no PNG or JPEG logo is
    "PIL.ImageCms",
    "PIL._imagingcms",
]
EXCLUDES = [
    *UNUSED_QT,
    *UNUSED_PILLOW,
    "tkinter",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "IPython",
    "matplotlib",
    "pytest",
    # SQLAlchemy dialects for servers CircleKeeper does not support
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.oracle",
    # psycopg's bundled libpq and OpenSSL (10 MB): the bundle's psycopg uses the system's
    # libpq instead (Debian package libpq5, which the .deb recommends)
    "psycopg_binary",
]

UNUSED_FILES = (
    # plugins that would drag QML/Quick, Qt PDF or GTK into the bundle for nothing: the
    # on-screen keyboard (QML), PDF thumbnails as images, the GTK theme (needs GTK itself)
    "qtvirtualkeyboardplugin",
    "imageformats/libqpdf",
    "imageformats/qpdf",
    "platformthemes/libqgtk3",
    # embedded-device platforms (a desktop app runs on xcb or wayland)
    "platforms/libqeglfs",
    "platforms/libqlinuxfb",
    "platforms/libqvnc",
    "platforms/libqminimalegl",
    "platforms/libqvkkhrdisplay",
    "egldeviceintegrations/",
    "generic/libqtuiotouchplugin",
    # the libraries only those plugins use (Linux and Windows names; the macOS frameworks)
    "Qt6Quick",
    "Qt6Qml",
    "Qt6VirtualKeyboard",
    "Qt6Pdf",
    "QtQuick.framework",
    "QtQml.framework",
    "QtPdf.framework",
    "QtVirtualKeyboard.framework",
    "libQt6EglFS",
    "libQt6EglFs",
    # GTK's own libraries, pulled in by the GTK theme plugin above
    "libgtk-3",
    "libgdk-3",
    "libgdk_pixbuf",
    "libatk",
    "libcairo",
    "libpango",
    "libepoxy",
    # what the GTK theme's libraries brought with them (5.9 MB): once those are left out, no
    # program or library in the bundle asks for these (no NEEDED entry reaches them, and
    # neither Qt nor Python opens them by name); the X libraries' own dependencies (libXau,
    # libXdmcp and libbsd, for the system's libxcb) come with the system's libxcb instead
    "libgio-2.0.so",
    "libgobject-2.0.so",
    "libgmodule-2.0.so",
    "libmount.so",
    "libblkid.so",
    "libselinux.so",
    "libharfbuzz.so",  # Qt and uharfbuzz carry their own HarfBuzz
    "libgraphite2.so",
    "libpixman-1.so",
    "libfribidi.so",
    "libthai.so",
    "libdatrie.so",
    "libjpeg.so.",  # Qt's JPEG plugin has its own; Pillow keeps its libjpeg-<hash> in pillow.libs
    "libXau.so",  # not pillow.libs/libXau-<hash>, which Pillow's _imaging needs
    "libXdmcp.so",
    "libbsd.so",
    "libmd.so",
    # Qt's library for the wl-shell, ivi-shell and qt-shell plugins left out below
    "libQt6WlShellIntegration",
    # image formats neither Qt nor a PDF logo needs (PNG, JPEG, GIF, ICO and SVG stay)
    "imageformats/libqwebp",
    "imageformats/libqtiff",
    "imageformats/libqtga",
    "imageformats/libqwbmp",
    "imageformats/libqicns",
    # Qt's catalogs other than qtbase (Qt Help, Qt Multimedia's developer-facing errors, the
    # old all-in-one qt_xx files): the app's Qt strings all come from qtbase
    "translations/qt_",
    "translations/qtmultimedia_",
    # plugins for embedded devices and Wayland compositors' own extensions; a desktop session
    # uses xdg-shell and shared memory, which stay
    "generic/libqevdev",
    "wayland-graphics-integration-client/libvulkan-server",
    "wayland-graphics-integration-client/libdmabuf-server",
    "wayland-graphics-integration-client/libdrm-egl-server",
    "wayland-graphics-integration-client/libshm-emulation-server",
    "wayland-shell-integration/libivi-shell",
    "wayland-shell-integration/libwl-shell-plugin",
    "wayland-shell-integration/libfullscreen-shell-v1",
    "wayland-shell-integration/libqt-shell",
    # network reachability and TLS: the app never goes online (PostgreSQL uses libpq's own)
    "networkinformation/",
    "tls/",
    # Python's East Asian legacy codecs (Shift-JIS, Big5…): every file CircleKeeper reads or
    # writes is UTF-8; names in those scripts are Unicode text, which needs none of them
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_tw",
    "_codecs_iso2022",
    # Qt Multimedia's FFmpeg backend and FFmpeg itself (20 MB): the chime is a QSoundEffect,
    # which plays a WAV through Qt Multimedia's own PulseAudio output with no backend ("No
    # QtMultimedia backends found. Only ... QSoundEffect, QAudioSink ... are available"); the
    # backend could not load in the bundle anyway (it links Qt Quick, left out above). Linux
    # names only: checked on Linux (Xvfb and a PulseAudio null sink), not on Windows or macOS
    "multimedia/libffmpegmediaplugin",
    "libavcodec",
    "libavformat",
    "libavutil",
    "libswscale",
    "libswresample",
    "libQt6FFmpegStub",
    # PulseAudio's client library and its codecs (5 MB): the system's copy must be used, as it
    # matches the sound server's configuration (the .deb depends on libpulse0)
    "libpulse",
    "libsndfile",
    "libFLAC",
    "libvorbis",
    "libopus",
    "libmp3lame",
    "libmpg123",
    "libogg",
    "libasyncns",
)


def _babel_locale_needed(stem: str) -> bool:
    """Babel's CLDR data (35 MB for every locale): the app formats and names languages in its
    shipped languages only (``i18n.formats`` asks Babel for exactly those codes), so it keeps
    them, the parents they inherit from (``pt`` for ``pt_BR``) and ``root``."""
    from circlekeeper.i18n.languages import SHIPPED_LANGUAGES

    wanted = set(SHIPPED_LANGUAGES) | {code.split("_")[0] for code in SHIPPED_LANGUAGES}
    return stem == "root" or stem in wanted


def _qt_catalog_needed(stem: str) -> bool:
    """Qt's own catalogs (qtbase_xx.qm, 33 languages): only the shipped languages load one."""
    from circlekeeper.i18n.languages import SHIPPED_LANGUAGES

    code = stem.removeprefix("qtbase_")
    return code in SHIPPED_LANGUAGES or code.split("_")[0] in SHIPPED_LANGUAGES


def without_unused(entries: list) -> list:
    """Analysis entries (binaries or datas) minus the parts this app never loads."""
    kept = []
    for entry in entries:
        name = entry[0].replace("\\", "/")
        if any(part in name for part in UNUSED_FILES):
            continue
        if "babel/locale-data/" in name and not _babel_locale_needed(Path(name).stem):
            continue
        if "translations/qtbase_" in name and not _qt_catalog_needed(Path(name).stem):
            continue
        kept.append(entry)
    return kept


TRANSLATORS_SOURCES = {".po", ".pot"}
"""Message catalogs as translators edit them (1.4 MB): the app reads only the compiled .mo."""


def _tree(folder: Path, destination: str) -> list[tuple[str, str]]:
    """Every file under ``folder`` the app reads at run time (caches and translators' .po
    sources left out) as (source, folder inside the bundle)."""
    pairs = []
    for path in sorted(folder.rglob("*")):
        left_out = path.suffix in {".pyc", *TRANSLATORS_SOURCES} or "__pycache__" in path.parts
        if path.is_file() and not left_out:
            relative = path.parent.relative_to(folder)
            pairs.append((str(path), str(Path(destination) / relative)))
    return pairs


def module_list() -> tuple[str, str]:
    """The list ``circlekeeper --smoke-test`` imports one by one (smoke_check.MODULE_LIST):
    every module of the checkout's source tree, so one the wheel's package list or the
    freezer left out fails the build's smoke test by name instead of a facilitator's click."""
    from circlekeeper.smoke_check import MODULE_LIST, module_names

    listed = ROOT / "build" / "module-list" / MODULE_LIST
    listed.parent.mkdir(parents=True, exist_ok=True)
    listed.write_text("".join(f"{name}\n" for name in module_names(ROOT / "circlekeeper")))
    return (str(listed), "circlekeeper")


def datas() -> list[tuple[str, str]]:
    pairs = [
        module_list(),
        # the package circlekeeper.resources, found by importlib.resources in the bundle
        *_tree(INSTALLED / "resources", "circlekeeper/resources"),
        # alembic reads env.py, script.py.mako and versions/*.py as files, by path
        *_tree(INSTALLED / "store" / "migrations", "circlekeeper/store/migrations"),
        # reportlab's data is its demo and test fonts (Vera, Type 1 faces: 1.9 MB); the PDFs use
        # the bundled fonts in resources/ and the standard 14, whose metrics are code
        *[pair for pair in collect_data_files("reportlab") if "/fonts" not in pair[1]],
        *collect_data_files("alembic", includes=["**/*.mako"]),
    ]
    # compiled message catalogs (.mo), wherever the package keeps them
    for catalog in sorted(INSTALLED.rglob("*.mo")):
        relative = catalog.parent.relative_to(INSTALLED.parent)
        pairs.append((str(catalog), str(relative)))
    return pairs


def hiddenimports() -> list[str]:
    names = collect_submodules("circlekeeper", filter=lambda name: ".migrations" not in name)
    names += collect_submodules("alembic", filter=lambda name: ".testing" not in name)
    names += ["circlekeeper.resources", "PySide6.QtMultimedia"]
    try:  # PostgreSQL for organizations (docs/storage.md), when the build has the extra
        import psycopg  # noqa: F401

        names += collect_submodules("psycopg", filter=lambda name: "_binary" not in name)
    except ImportError:
        pass
    return names
