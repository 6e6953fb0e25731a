"""One word for a circle in each language, as the language's menus and buttons say it.

Brazilian Portuguese calls a circle a "roda" (a "roda de conversa"); 36 messages said
"círculo", so the first screen read "Roda" in the menu bar over a list headed "Círculos".
Arabic calls it «حلقة» in 125 messages and «دائرة» in 20 of them, so the live screen's
«إنهاء الدائرة…» sat under a menu «حلقة».

The act of passing a turn is one word too: German said "passen" on the live screen ("1×
gepasst", "Wer gepasst hat, darf jetzt sprechen") and "aussetzen" in 22 other messages (the
history's "Ausgesetzt" column, the shortcuts' "P — aussetzen"), two words for the same right."""

from __future__ import annotations

import re

import pytest

from circlekeeper.i18n.catalogs import po_path, read_catalog

OTHER_WORD = {"pt_BR": r"[Cc]írculo", "ar": r"دائرة|الدائرة|دوائر"}
OTHER_WORD_FOR_PASSING = {"de": r"[Aa]ussetz|ausgesetzt|setzt(e|en)? \w* ?aus\b"}


def said_with(code: str, pattern: str) -> list[str]:
    """Every translation in ``code``'s catalog that matches ``pattern``."""
    catalog = read_catalog(po_path(code), code)
    other = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        other += [text for text in strings if re.search(pattern, text)]
    return other


@pytest.mark.parametrize("code", sorted(OTHER_WORD))
def test_a_circle_is_called_one_thing(code: str) -> None:
    other = said_with(code, OTHER_WORD[code])
    assert not other, "\n".join(other)


@pytest.mark.parametrize("code", sorted(OTHER_WORD_FOR_PASSING))
def test_passing_is_called_one_thing(code: str) -> None:
    other = said_with(code, OTHER_WORD_FOR_PASSING[code])
    assert not other, "\n".join(other)
