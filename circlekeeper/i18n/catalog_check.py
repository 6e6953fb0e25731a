"""The rules a finished translation catalog must meet, so the next untranslated string fails CI.

A catalog is complete when every message of the template has a translation that is not fuzzy,
and faithful when each translation keeps what the program fills in or reads: ``{placeholders}``
and ``%(placeholders)s``, markup tags, Qt's ``&`` shortcut marker, command-line ``--options``
and the `commands` quoted in backticks. Plural messages need exactly as many forms as the
language's ``Plural-Forms`` header says, and that header must be CLDR's (Babel's) for the
language: six forms for Arabic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from babel.messages.catalog import Catalog, Message

BRACE = re.compile(r"\{([^{}]*)\}")
PERCENT = re.compile(r"%\(([^)]*)\)[-#0 +]*\d*(?:\.\d+)?[sdfirx]|%[sdfirx]")
TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")
QUOTED_COMMAND = re.compile(r"`[^`]*`")
COMMAND = re.compile(r"\bcirclekeeper [a-z][a-z-]*")
MNEMONIC = re.compile(r"&(?=[^\s&;])")
COUNT = "count"
"""The placeholder a plural form may spell out in words (Arabic says "two sessions" without
a digit), so it alone may be missing from a form."""


def _ids(message: Message) -> tuple[str, ...]:
    ident = message.id
    return (ident,) if isinstance(ident, str) else tuple(ident)


def _strings(message: Message) -> tuple[str, ...]:
    if isinstance(message.string, tuple | list):
        return tuple(message.string)
    return (message.string or "",)


def _label(message: Message) -> str:
    first = _ids(message)[0]
    shown = first if len(first) <= 60 else first[:57] + "…"
    return f"“{shown}”" + (f" (context {message.context})" if message.context else "")


def expected_plural_count(locale: str) -> int:
    return Catalog(locale=locale).num_plurals


def check_catalog(catalog: Catalog, template: Catalog) -> list[str]:
    """Every problem with one language's catalog against the template, one sentence each."""
    code = str(catalog.locale) if catalog.locale else "?"
    problems: list[str] = []
    expected = expected_plural_count(code)
    if catalog.num_plurals != expected:
        problems.append(
            f"{code}: the Plural-Forms header gives {catalog.num_plurals} forms; CLDR says"
            f" {expected} ({Catalog(locale=code).plural_forms})."
        )
    wanted = {(m.id, m.context) for m in template if m.id}
    present = {(m.id, m.context) for m in catalog if m.id}
    for key in sorted(wanted - present, key=str):
        # Babel's stubs type the key as a bare message id; (id, context) is what it accepts.
        missing = template[key[0], key[1]]  # type: ignore[index]
        problems.append(f"{code}: {_label(missing)} is missing; run update.")
    for key in sorted(present - wanted, key=str):
        unused = catalog[key[0], key[1]]  # type: ignore[index]  # (id, context), as above
        problems.append(f"{code}: {_label(unused)} is no longer used; run update.")
    for message in catalog:
        if not message.id:
            continue
        problems.extend(
            f"{code}: {_label(message)} {p}" for p in message_problems(message, expected)
        )
    return problems


def message_problems(message: Message, plural_count: int) -> list[str]:
    """What is wrong with one translated message (empty when it is complete and faithful)."""
    problems = []
    if message.fuzzy:
        problems.append("is marked fuzzy; check the translation and remove the flag.")
    strings = _strings(message)
    if message.pluralizable and len(strings) != plural_count:
        problems.append(f"has {len(strings)} plural forms; this language needs {plural_count}.")
    if any(not s.strip() for s in strings):
        problems.append("is not translated.")
        return problems
    ids = _ids(message)
    for index, translated in enumerate(strings):
        form = f" (plural form {index})" if message.pluralizable else ""
        problems.extend(
            f"{problem}{form}" for problem in _kept(ids, translated, message.pluralizable)
        )
    return problems


def _kept(ids: Iterable[str], translated: str, plural: bool) -> list[str]:
    originals = list(ids)
    problems = []
    source = originals[-1]  # the plural msgid carries every placeholder the forms may use
    for name, pattern in (("placeholders", BRACE), ("placeholders", PERCENT)):
        want = Counter(m.group(0) for m in pattern.finditer(source))
        got = Counter(m.group(0) for m in pattern.finditer(translated))
        if plural:
            allowed = {m.group(0) for text in originals for m in pattern.finditer(text)}
            missing = {p for p in want if p not in got and _name(p) != COUNT}
            extra = {p for p in got if p not in allowed}
        else:
            missing = set(want - got)
            extra = set(got - want)
        if missing or extra:
            problems.append(
                f"changes the {name}: missing {sorted(missing) or 'none'},"
                f" unexpected {sorted(extra) or 'none'}."
            )
    for name, pattern in (
        ("markup", TAG),
        ("command-line options", OPTION),
        ("quoted commands", QUOTED_COMMAND),
        ("commands", COMMAND),
    ):
        want_set = sorted(set(pattern.findall(source)))
        got_set = sorted(set(pattern.findall(translated)))
        if want_set != got_set:
            problems.append(f"changes the {name}: {want_set} became {got_set}.")
    if bool(MNEMONIC.search(source)) != (len(MNEMONIC.findall(translated)) == 1) and (
        MNEMONIC.search(source) or MNEMONIC.search(translated)
    ):
        problems.append("needs exactly one & shortcut marker, as the English has.")
    return problems


def _name(placeholder: str) -> str:
    inner = placeholder.strip("{}%()sdfirx")
    return inner.split(":", 1)[0].split("!", 1)[0]
