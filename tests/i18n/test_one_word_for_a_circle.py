"""One word for a circle in each language, as the language's menus and buttons say it.

Brazilian Portuguese calls a circle a "roda" (a "roda de conversa"); 36 messages said
"círculo", so the first screen read "Roda" in the menu bar over a list headed "Círculos".
Arabic calls it «حلقة» in 125 messages and «دائرة» in 20 of them, so the live screen's
«إنهاء الدائرة…» sat under a menu «حلقة»."""

from __future__ import annotations

import re

import pytest

from circlekeeper.i18n.catalogs import po_path, read_catalog

OTHER_WORD = {"pt_BR": r"[Cc]írculo", "ar": r"دائرة|الدائرة|دوائر"}


@pytest.mark.parametrize("code", sorted(OTHER_WORD))
def test_a_circle_is_called_one_thing(code: str) -> None:
    catalog = read_catalog(po_path(code), code)
    other = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        other += [text for text in strings if re.search(OTHER_WORD[code], text)]
    assert not other, "\n".join(other)
