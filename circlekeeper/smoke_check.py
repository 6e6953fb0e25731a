"""``circlekeeper --smoke-test``: proof that an installed copy has everything it needs.

Run after installing (the packaging tests do so from the ``.deb`` and the tarball, with no
Python of ours on any path): once the window is shown and a fresh database has been migrated,
each check below looks for one thing a bundle can lose on the way (a data file PyInstaller did
not collect, a Qt plugin left out) and says what it found. Any gap is one readable line and a
non-zero exit, so a broken build fails its test instead of a facilitator's first circle.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from circlekeeper.bundled import resource, resource_file
from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _, ngettext, pgettext
from circlekeeper.i18n.formats import format_list, format_number

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
        raise InstallationIncomplete(
            _("PDF fonts are missing from this install: {file}.").format(file=missing[0])
        )
    fonts()  # the primary faces register now
    return ngettext("{count} PDF font", "{count} PDF fonts", len(bundled)).format(
        count=format_number(len(bundled))
    )


def check_prompt_decks() -> str:
    from circlekeeper.prompts.deck import load_shipped_decks

    decks = load_shipped_decks()
    prompts = sum(len(deck.prompts) for deck in decks)
    if not prompts:
        raise InstallationIncomplete(_("No check-in prompts were found in this install."))
    # Translators: the count of prompts follows in brackets, as "(155 prompts)".
    decks_found = ngettext("{count} prompt deck", "{count} prompt decks", len(decks))
    prompts_found = ngettext("{count} prompt", "{count} prompts", prompts)
    return _("{decks} ({prompts})").format(
        decks=decks_found.format(count=format_number(len(decks))),
        prompts=prompts_found.format(count=format_number(prompts)),
    )


def check_sound_and_icons() -> str:
    from circlekeeper.ui.app_icon import ICON_SIZES

    files = [resource_file("sounds", "chime.wav")]
    files += [resource_file("icons", "png", f"circlekeeper-{size}.png") for size in ICON_SIZES]
    missing = [path.name for path in files if not path.is_file()]
    if missing:
        raise InstallationIncomplete(
            _("Files are missing from this install: {files}.").format(files=format_list(missing))
        )
    return ngettext(
        "the chime and {count} icon size", "the chime and {count} icon sizes", len(ICON_SIZES)
    ).format(count=format_number(len(ICON_SIZES)))


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
        raise InstallationIncomplete(_("No translations were found in this install."))
    for code in codes:
        if type(translations_for(code)) is gettext.NullTranslations:
            raise InstallationIncomplete(
                _("The {language} translation cannot be read.").format(language=code)
            )
        format_date(date(2026, 1, 1), locale=code.replace("-", "_"))
    # Translators: {languages} lists language codes, as "ar, de, es, fr and pt_BR".
    return ngettext(
        "{count} translation ({languages})", "{count} translations ({languages})", len(codes)
    ).format(count=format_number(len(codes)), languages=format_list(codes))


MODULE_LIST = "bundled-modules.txt"
"""Written into a frozen bundle's ``circlekeeper/`` folder by packaging/pyinstaller/bundle.py:
every module of the source tree the bundle was built from, one name a line."""

NOT_IMPORTED = ("__main__", ".store.migrations")
"""``__main__`` runs the command line; the migrations are files alembic reads by path."""


def module_names(package_folder: Path) -> list[str]:
    """Every ``circlekeeper`` module under ``package_folder`` (a source tree), by dotted name."""
    names = []
    for source in sorted(package_folder.rglob("*.py")):
        parts = source.relative_to(package_folder).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        name = ".".join(("circlekeeper", *parts))
        if not any(part in name for part in NOT_IMPORTED):
            names.append(name)
    return names


def expected_modules() -> list[str]:
    """What the app can import, lazily or not: the built bundle's list of its source tree
    (PyInstaller keeps no files to walk, and a module the wheel or the freezer left out would
    not be among them), or, run from a checkout or a wheel, the package's own files."""
    import circlekeeper

    folder = Path(circlekeeper.__file__).parent
    if not getattr(sys, "frozen", False):
        return module_names(folder)
    listed = folder / MODULE_LIST
    if not listed.is_file():
        raise InstallationIncomplete(
            _("Files are missing from this install: {files}.").format(files=MODULE_LIST)
        )
    return [line for line in listed.read_text(encoding="utf-8").splitlines() if line]


def check_modules(names: Iterable[str] | None = None) -> str:
    """Every module imports: the window reaches many only once a facilitator clicks (a
    dialog, a restore, a command), where a module left out of the bundle stopped on
    ModuleNotFoundError; here the build fails instead, naming each one."""
    names = list(expected_modules() if names is None else names)
    failures: list[tuple[str, BaseException]] = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as error:  # a module that cannot load is the finding
            failures.append((name, error))
    if failures:
        raise InstallationIncomplete(
            # Translators: {modules} lists module names, as "circlekeeper.ui.restore";
            # {error} is Python's own message for the first of them.
            _("Parts of CircleKeeper cannot load in this install: {modules} ({error}).").format(
                modules=format_list([name for name, _error in failures]), error=failures[0][1]
            )
        )
    return ngettext("{count} module", "{count} modules", len(names)).format(
        count=format_number(len(names))
    )


def check_migrations(store: object) -> str:
    """The fresh database was migrated to the newest schema this install knows."""
    from circlekeeper.store.migrate import current_revision, head_revision

    engine = store.engine  # type: ignore[attr-defined]  # a Store: its type stays in store/
    with engine.connect() as connection:
        current = current_revision(connection)
    head = head_revision()
    if current != head:
        raise InstallationIncomplete(
            _("The database schema is at {current}, not at this install's newest ({head}).").format(
                current=current, head=head
            )
        )
    # Translators: {revision} is a schema revision's name, as "0007_circle_cadence".
    return _("database migrated to {revision}").format(revision=head)


def check_qt() -> str:
    """The platform plugin in use, Qt's own translations, and the chime's multimedia module."""
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QGuiApplication

    translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    catalogs = sorted(translations.glob("qtbase_*.qm"))
    if not catalogs:
        raise InstallationIncomplete(
            _("Qt's translations are missing from {folder}.").format(folder=translations)
        )
    try:
        from PySide6.QtMultimedia import QSoundEffect  # noqa: F401
    except ImportError as error:
        raise InstallationIncomplete(
            _("Sound cannot load (Qt Multimedia): {error}").format(error=error)
        ) from error
    # Translators: {platform} is the name of Qt's platform plugin, as "xcb" or "wayland";
    # qtbase is the name of Qt's own catalog, and Qt Multimedia the module that plays sound.
    return ngettext(
        "Qt platform {platform}, {count} qtbase translation, Qt Multimedia",
        "Qt platform {platform}, {count} qtbase translations, Qt Multimedia",
        len(catalogs),
    ).format(platform=QGuiApplication.platformName(), count=format_number(len(catalogs)))


def run_checks(store: object) -> list[str]:
    """What each check found, in order; the first gap raises :class:`InstallationIncomplete`."""
    checks: list[tuple[str, Callable[[], str]]] = [
        (_("the database migrations"), lambda: check_migrations(store)),
        (_("the prompt decks"), check_prompt_decks),
        (_("the PDF fonts"), check_fonts),
        (_("the translations"), check_translations),
        (_("the chime and icons"), check_sound_and_icons),
        ("Qt", check_qt),
        (_("the app's modules"), check_modules),
    ]
    found = []
    for what, check in checks:
        try:
            found.append(check())
        except InstallationIncomplete:
            raise
        except Exception as error:  # any failure here is a defect of the install: name it
            raise InstallationIncomplete(
                # Translators: {what} is one of the checks above, as "the PDF fonts".
                _("This install is incomplete ({what}, from {folder}): {error}").format(
                    what=what, folder=resource(), error=error
                )
            ) from error
    found.append(_("resources in {folder}").format(folder=resource()))
    return found


def report(store: object, failure: list[UserFacingError]) -> None:
    """Print what the checks found, or keep the first gap in ``failure`` for the exit code
    (the caller quits the event loop with it)."""
    try:
        found = run_checks(store)
    except InstallationIncomplete as error:
        failure.append(error)
        return
    # Translators: {found} lists what the checks found, one item after another, as
    # "database migrated to 0007_circle_cadence; 5 prompt decks (155 prompts); …".
    # Translators: what stands between two findings (Arabic writes "؛ ").
    separator = pgettext("between the smoke test's findings", "; ")
    print(_("smoke test passed: {found}").format(found=separator.join(found)), flush=True)
