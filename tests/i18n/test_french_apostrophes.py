"""French sets its apostrophes one way: the catalog's 400-odd "l’esprit" and a handful of
"Quelqu'un s'en va…" stood side by side on the live screen (one typewriter quote among
typographic ones is what a French reader notices first)."""

from __future__ import annotations

import re

from circlekeeper.i18n.catalogs import po_path, read_catalog

STRAIGHT = re.compile(r"(?<=\w)'(?=\w)")


def test_french_translations_use_the_typographic_apostrophe() -> None:
    catalog = read_catalog(po_path("fr"), "fr")
    straight = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        straight += [text for text in strings if STRAIGHT.search(text)]
    assert not straight, "\n".join(straight)
