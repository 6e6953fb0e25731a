"""The active language and the functions every layer calls to translate a string.

gettext's model is one language per process, which matches the app: the window, the CLI and
their errors speak the facilitator's language. Where one thing must be said in another language
(a Spanish circle's PDF printed from an English window), :func:`translations_for` hands out a
catalog for that language without changing the active one.

Strings are written in English in the code and wrapped at the point of use::

    from circlekeeper.i18n import _, ngettext
    _("The database {path} is damaged.").format(path=path)
    ngettext("{count} session", "{count} sessions", n).format(count=n)

Module-level constants that are built before a language is chosen use :func:`lazy_gettext`.
"""

from __future__ import annotations

import gettext as gettext_module
import logging
import re
import string
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any, NamedTuple

from circlekeeper.i18n.isolates import (
    embed,
    keep_commands_whole,
    may_need_isolating,
    only_plain_fields,
    runs_right_to_left,
)
from circlekeeper.i18n.languages import PSEUDO_LANGUAGE, SOURCE_LANGUAGE, match_language

log = logging.getLogger(__name__)

DOMAIN = "circlekeeper"
"""The catalogs' file name: ``resources/locale/<code>/LC_MESSAGES/circlekeeper.mo``."""


@cache
def translations_for(code: str) -> gettext_module.NullTranslations:
    """The compiled catalog for ``code`` (English and unknown codes: the strings as written)."""
    if code == PSEUDO_LANGUAGE:
        from circlekeeper.i18n.pseudo import PseudoTranslations

        return PseudoTranslations()
    if code == SOURCE_LANGUAGE:
        return gettext_module.NullTranslations()
    from circlekeeper.bundled import resource_file

    folder = resource_file("locale")
    found = gettext_module.translation(DOMAIN, str(folder), languages=[code], fallback=True)
    if type(found) is gettext_module.NullTranslations:
        log.warning("no compiled catalog for %s in %s; speaking English", code, folder)
    return found


class _ActiveLanguage:
    """The process's one active language: set once by the entry point, read by ``_()``."""

    def __init__(self) -> None:
        self.code = SOURCE_LANGUAGE
        self.translations: gettext_module.NullTranslations = gettext_module.NullTranslations()


_active = _ActiveLanguage()

_speaking: ContextVar[tuple[str, gettext_module.NullTranslations] | None] = ContextVar(
    "circlekeeper_speaking", default=None
)
"""A language this thread speaks for a while (:func:`speaking`); ``None``: the active one.

A context variable, not the process's language: a Spanish circle's PDF rendered in a worker
thread must not turn the English window Spanish for the moments it takes."""


@contextmanager
def speaking(code: str) -> Iterator[str]:
    """Say everything in this thread (and its formats) in ``code`` until the block ends.

    For things that belong to a circle rather than to the window: its PDF is printed in the
    circle's language whatever the window speaks. ``""`` keeps the active language. Yields the
    shipped code actually used.
    """
    chosen = (match_language(code) or SOURCE_LANGUAGE) if code else active_language()
    token = _speaking.set((chosen, translations_for(chosen)))
    try:
        yield chosen
    finally:
        _speaking.reset(token)


def _current() -> gettext_module.NullTranslations:
    override = _speaking.get()
    return override[1] if override is not None else _active.translations


def use_language(code: str) -> str:
    """Make ``code`` the active language; returns the shipped code actually used."""
    chosen = match_language(code) or SOURCE_LANGUAGE
    _active.code = chosen
    _active.translations = translations_for(chosen)
    return chosen


def active_language() -> str:
    """The language in force here: a :func:`speaking` block's, else the process's."""
    override = _speaking.get()
    return override[0] if override is not None else _active.code


class Sentence(str):
    """A translated message. Its ``format`` is ``str.format``, except that

    - every value is set into the sentence as one unit in its own direction
      (:func:`circlekeeper.i18n.isolates.embed`): in Arabic a path, a host, an English circle
      name or "Ctrl+Z" is isolated, so its slashes and the sentence's full stop stay where
      they belong; in any language, a value with right-to-left letters is isolated too;
    - a value ending in a full stop takes the place of the full stop right after it in the
      message. Units abbreviate with a full stop in several languages ("19,0 Std.",
      "5 Min."), and a translation may end its sentence with such a value ("… insgesamt
      {hours}."): typography never doubles the stop ("19,0 Std.." is a typo in every
      language), and neither the code nor the translator can know in advance which values
      will end in one.
    """

    __slots__ = ()

    def format(self, *args: object, **values: object) -> str:
        template = str(self)
        for name, value in values.items():
            if isinstance(value, str) and value.endswith("."):
                template = template.replace("{" + name + "}.", "{" + name + "}")
        right_to_left = runs_right_to_left(template)
        if not right_to_left and not any(map(may_need_isolating, (*args, *values.values()))):
            return template.format(*args, **values)  # most sentences: as fast as ever
        if right_to_left:
            template = keep_commands_whole(template, values)
        if only_plain_fields(template):  # no "{x:.1f}", "{x!r}", "{x.y}": str.format's speed
            return template.format(
                *(embed(format(value, ""), value, right_to_left=right_to_left) for value in args),
                **{
                    name: embed(format(value, ""), value, right_to_left=right_to_left, field=name)
                    for name, value in values.items()
                },
            )
        return _IsolatingFormatter(right_to_left).vformat(template, args, values)

    # str.format_map takes any object with __getitem__; sentences are filled from mappings.
    def format_map(self, mapping: Mapping[str, object]) -> str:  # type: ignore[override]
        return self.format(**mapping)


class _Field(NamedTuple):
    """A value on its way into a sentence: as converted (``!r``), as given, and its name."""

    value: object
    given: object
    name: str


class _IsolatingFormatter(string.Formatter):
    """``str.format``'s own parsing, with each value isolated as it goes in."""

    def __init__(self, right_to_left: bool) -> None:
        self.right_to_left = right_to_left
        self._name = ""

    def get_field(self, field_name: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        self._name = re.split(r"[.\[]", field_name, maxsplit=1)[0]
        return super().get_field(field_name, args, kwargs)

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        return _Field(super().convert_field(value, conversion), value, self._name)

    def format_field(self, value: Any, format_spec: str) -> str:
        if not isinstance(value, _Field):
            return str(super().format_field(value, format_spec))
        shown = str(super().format_field(value.value, format_spec))
        return embed(shown, value.given, right_to_left=self.right_to_left, field=value.name)


def gettext(message: str) -> str:
    """``message`` in the active language (as written when it has no translation)."""
    return Sentence(_current().gettext(message))


_ = gettext


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a sentence that fits ``count`` in the active language (Arabic has six)."""
    return Sentence(_current().ngettext(singular, plural, count))


def pgettext(context: str, message: str) -> str:
    """``message`` where the same English words need different translations by context."""
    return Sentence(_current().pgettext(context, message))


def N_(message: str) -> str:
    """Marks a string for the catalog without translating it now (translate it at use)."""
    return message


def lazy_gettext(message: str) -> Any:
    """A string translated each time it is shown: for constants made before a language is set."""
    from babel.support import LazyProxy

    return LazyProxy(gettext, message, enable_cache=False)
