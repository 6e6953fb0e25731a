"""Which language to speak: the command line, then the environment, then the facilitator's
saved choice, then the system's language, then English.

The saved choice is a one-line file in the user's configuration folder rather than a database
setting, because the window appears before the database opens and the CLI may run against any
database: the language belongs to the person at the laptop, not to the data.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n.languages import (
    SHIPPED_LANGUAGES,
    SOURCE_LANGUAGE,
    language,
    match_language,
)
from circlekeeper.i18n.translation import _

log = logging.getLogger(__name__)

ENVIRONMENT_VARIABLE = "CIRCLEKEEPER_LANG"
PREFERENCE_FILE = "language"


class UnknownLanguage(UserFacingError):
    """``--lang`` or ``CIRCLEKEEPER_LANG`` names a language CircleKeeper does not speak."""

    exit_code = 2

    def __init__(self, requested: str, where: str) -> None:
        self.requested = requested
        self.where = where
        from circlekeeper.i18n.formats import format_list

        choices = format_list(
            (f"{code} ({language(code).native_name})" for code in SHIPPED_LANGUAGES), style="or"
        )
        super().__init__(
            _(
                "{where} asks for the language “{requested}”, which CircleKeeper does not speak"
                " yet. Choose one of: {choices}."
            ).format(where=where, requested=requested[:40], choices=choices)
        )


class LanguagePreference:
    """The facilitator's saved language (``""``: follow the system), kept in one small file."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            from circlekeeper.user_folders import user_config_folder

            path = user_config_folder() / PREFERENCE_FILE
        self.path = path

    def load(self) -> str:
        try:
            saved = self.path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return ""
        return match_language(saved) or ""

    def save(self, code: str) -> None:
        """Keep ``code`` (``""`` forgets the choice, so the system's language applies again)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(f"{code}\n" if code else "", encoding="utf-8")


def system_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The first shipped language the system asks for (``LANGUAGE``, ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``, as gettext reads them), else ``None``."""
    environ = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        for candidate in value.split(":"):
            if candidate in ("C", "POSIX") or candidate.startswith("C."):
                continue
            found = match_language(candidate) if candidate else None
            if found:
                return found
        if value:
            break  # gettext stops at the first variable that is set
    if environ is os.environ and _names_a_locale(environ):
        import locale  # only when the environment names a locale but no language we ship

        try:
            code = locale.getlocale(locale.LC_MESSAGES)[0]
        except (AttributeError, ValueError):
            code = None
        return match_language(code) if code else None
    return None


def _names_a_locale(environ: Mapping[str, str]) -> bool:
    """Whether the process's message locale can be other than C: on POSIX it is set from
    ``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` (the first set), so when these are unset or name
    the C locale (a container, a service, ``LANG=C.UTF-8``) asking ``locale`` would only say
    C, which falls back to English all the same, and importing it cost start-up about 5 M
    instructions."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            return value not in ("C", "POSIX") and not value.startswith("C.")
    return False


def choose_language(
    requested: str | None,
    *,
    environ: Mapping[str, str] | None = None,
    preference: LanguagePreference | None = None,
) -> str:
    """The language to speak; a language asked for explicitly but not shipped is an error."""
    environ = os.environ if environ is None else environ
    if requested:
        return match_language(requested) or _refuse(requested, "--lang")
    from_environment = environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if from_environment:
        return match_language(from_environment) or _refuse(from_environment, ENVIRONMENT_VARIABLE)
    return fallback_language(environ=environ, preference=preference)


def fallback_language(
    *, environ: Mapping[str, str] | None = None, preference: LanguagePreference | None = None
) -> str:
    """What to speak when nothing was asked for explicitly (or what was asked is not spoken)."""
    saved = preference.load() if preference is not None else ""
    return saved or system_language(environ) or SOURCE_LANGUAGE


def _refuse(requested: str, where: str) -> str:
    raise UnknownLanguage(requested, where)
