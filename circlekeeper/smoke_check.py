"""``circlekeeper --smoke-test``: proof that an installed copy has everything it needs.

Run after installing (the packaging tests do so from the ``.deb`` and the tarball, with no
Python of ours on any path): once the window is shown and a fresh database has been migrated,
each check below looks for one thing a bundle can lose on the way (a data file PyInstaller did
not collect, a Qt plugin left out) and says what it found. Any gap is one readable line and a
non-zero exit, so a broken build fails its test instead of a facilitator's first circle.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from circlekeeper.bundled import resource, resource_file
from circlekeeper.errors import UserFacingError

INSTALL_INCOMPLETE_EXIT = 4


class InstallationIncomplete(UserFacingError):
    """A file or library CircleKeeper ships with is missing from this install."""

    exit_code = INSTALL_INCOMPLETE_EXIT


def check_fonts() -> str:
    """The PDF fonts are all there (they register on first use, so every script prints)."""
    from circlekeeper.bundled import resource_file
    from circlekeeper.reports.font_catalog import EMOJI, FALLBACKS, PRIMARY, PRIMARY_BOLD
    from circlekeeper.reports.fonts import fonts

    bundled = (PRIMARY, PRIMARY_BOLD, EMOJI, *FALLBACKS)
    missing = [f.file for f in bundled if not resource_file("fonts", f.file).is_file()]
    if missing:
        raise InstallationIncomplete(f"PDF fonts are missing from this install: {missing[0]}.")
    fonts()  # the primary faces register now
    return f"{len(bundled)} PDF fonts"


def check_prompt_decks() -> str:
    from circlekeeper.prompts.deck import load_shipped_decks

    decks = load_shipped_decks()
    prompts = sum(len(deck.prompts) for deck in decks)
    if not prompts:
        raise InstallationIncomplete("No check-in prompts were found in this install.")
    return f"{len(decks)} prompt decks ({prompts} prompts)"


def check_sound_and_icons() -> str:
    from circlekeeper.ui.app_icon import ICON_SIZES

    files = [resource_file("sounds", "chime.wav")]
    files += [resource_file("icons", "png", f"circlekeeper-{size}.png") for size in ICON_SIZES]
    missing = [path.name for path in files if not path.is_file()]
    if missing:
        raise InstallationIncomplete(f"Files are missing from this install: {', '.join(missing)}.")
    return f"chime and {len(ICON_SIZES)} icon sizes"


def check_translations() -> str:
    """Every shipped language's compiled catalog loads, and Babel has its CLDR data for it."""
    import gettext
    from datetime import date

    from babel.dates import format_date

    from circlekeeper.i18n.translation import translations_for

    codes = sorted(
        path.parent.parent.name
        for path in resource_file("locale").glob("*/LC_MESSAGES/circlekeeper.mo")
    )
    if not codes:
        raise InstallationIncomplete("No translations were found in this install.")
    for code in codes:
        if type(translations_for(code)) is gettext.NullTranslations:
            raise InstallationIncomplete(f"The {code} translation cannot be read.")
        format_date(date(2026, 1, 1), locale=code.replace("-", "_"))
    return f"{len(codes)} translations ({', '.join(codes)})"


def check_migrations(store: object) -> str:
    """The fresh database was migrated to the newest schema this install knows."""
    from circlekeeper.store.migrate import current_revision, head_revision

    engine = store.engine  # type: ignore[attr-defined]
    with engine.connect() as connection:
        current = current_revision(connection)
    head = head_revision()
    if current != head:
        raise InstallationIncomplete(
            f"The database schema is at {current}, not at this install's newest ({head})."
        )
    return f"database migrated to {head}"


def check_qt() -> str:
    """The platform plugin in use, Qt's own translations, and the chime's multimedia module."""
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QGuiApplication

    translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    catalogs = sorted(translations.glob("qtbase_*.qm"))
    if not catalogs:
        raise InstallationIncomplete(f"Qt's translations are missing from {translations}.")
    try:
        from PySide6.QtMultimedia import QSoundEffect  # noqa: F401
    except ImportError as error:
        raise InstallationIncomplete(f"Sound cannot load (Qt Multimedia): {error}") from error
    platform = QGuiApplication.platformName()
    return f"Qt platform {platform}, {len(catalogs)} qtbase translations, multimedia"


def run_checks(store: object) -> list[str]:
    """What each check found, in order; the first gap raises :class:`InstallationIncomplete`."""
    checks: list[tuple[str, Callable[[], str]]] = [
        ("migrations", lambda: check_migrations(store)),
        ("prompt decks", check_prompt_decks),
        ("fonts", check_fonts),
        ("translations", check_translations),
        ("sound and icons", check_sound_and_icons),
        ("Qt", check_qt),
    ]
    found = []
    for what, check in checks:
        try:
            found.append(check())
        except InstallationIncomplete:
            raise
        except Exception as error:  # any failure here is a defect of the install: name it
            raise InstallationIncomplete(
                f"This install is incomplete ({what}, from {resource()}): {error}"
            ) from error
    found.append(f"resources in {resource()}")
    return found
