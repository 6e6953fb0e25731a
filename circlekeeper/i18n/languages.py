"""The languages CircleKeeper speaks, named the way their speakers name them.

The list is data, not code: a language is offered once its catalog exists. Names, writing
direction and plural rules come from Babel's copy of the Unicode CLDR, never from a table here.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

SOURCE_LANGUAGE = "en"
"""The language the program's strings are written in (msgids are English)."""

PSEUDO_LANGUAGE = "qps"
"""A made-up language for testing: every translated string accented and 35 % longer, so an
English word on screen is a string nobody wrapped and a cut-off bracket is clipped text."""

SHIPPED_LANGUAGES: tuple[str, ...] = ("en", "es", "fr", "de", "pt_BR", "ar")
"""Every language with a complete catalog and prompt decks, in the order Settings lists them."""


class Language(NamedTuple):
    """A named tuple, not a dataclass: this module is imported before the window's first
    paint, where ``@dataclass`` would spend milliseconds generating methods."""

    code: str
    """gettext's code: ``"es"``, ``"pt_BR"``."""
    native_name: str
    """How its speakers name it, ready for a menu: ``"Español"``, ``"العربية"``."""
    right_to_left: bool


def babel_locale_name(code: str) -> str:
    """The Babel locale for formats (the pseudo-language formats like English)."""
    return "en" if code == PSEUDO_LANGUAGE else code


@cache
def writes_right_to_left(code: str) -> bool:
    """Whether ``code`` is written right to left (CLDR's character order), without reading
    CLDR's names of every language as :func:`language` does: a report asks only this, and an
    English one (the strings as written, left to right) asks Babel nothing."""
    if code in (SOURCE_LANGUAGE, PSEUDO_LANGUAGE):
        return False
    from babel import Locale

    return bool(Locale.parse(code).character_order == "right-to-left")


@cache
def language(code: str) -> Language:
    """The :class:`Language` for a supported code (names from CLDR, capitalised for a list)."""
    from babel import Locale

    if code == PSEUDO_LANGUAGE:
        return Language(code, "Pseudo-locale [ẋẋ]", right_to_left=False)
    locale = Locale.parse(code)
    name = locale.get_display_name(locale) or code
    return Language(
        code,
        name[:1].upper() + name[1:],
        right_to_left=writes_right_to_left(code),
    )


def shipped_languages() -> list[Language]:
    return [language(code) for code in SHIPPED_LANGUAGES]


def match_language(requested: str) -> str | None:
    """The shipped language that best serves a code a person or a system gave, else ``None``.

    Accepts what people and systems write: ``es``, ``es_MX.UTF-8``, ``pt-br``, ``PT_BR``,
    ``de_AT``. A regional variant falls back to its language (``es_MX`` → ``es``); plain
    ``pt`` is served by the Brazilian catalog, the only Portuguese one shipped.
    """
    text = requested.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    if not text:
        return None
    if text.lower() == PSEUDO_LANGUAGE:
        return PSEUDO_LANGUAGE
    base, _sep, region = text.partition("_")
    wanted = f"{base.lower()}_{region.upper()}" if region else base.lower()
    by_lower = {code.lower(): code for code in SHIPPED_LANGUAGES}
    if wanted.lower() in by_lower:
        return by_lower[wanted.lower()]
    if base.lower() in by_lower:
        return by_lower[base.lower()]
    same_language = [c for c in SHIPPED_LANGUAGES if c.split("_", 1)[0] == base.lower()]
    return same_language[0] if same_language else None
