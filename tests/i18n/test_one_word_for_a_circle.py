"""Brazilian Portuguese calls a circle a "roda" (a "roda de conversa"), as its menus, buttons
and welcome do; 36 messages said "círculo" instead, so the first screen read "Roda" in the
menu bar over a list headed "Círculos"."""

from __future__ import annotations

import re

from circlekeeper.i18n.catalogs import po_path, read_catalog


def test_brazilian_portuguese_says_roda_for_a_circle() -> None:
    catalog = read_catalog(po_path("pt_BR"), "pt_BR")
    circulo = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        circulo += [text for text in strings if re.search(r"[Cc]írculo", text)]
    assert not circulo, "\n".join(circulo)
