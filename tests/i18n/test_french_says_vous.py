"""French addresses the facilitator one way: « vous ». The catalog says « vous » some seventy
times, and three of the server's bad-day messages said « tu » (« Vérifie le nom d’utilisateur…
demande à la personne qui gère le serveur si ton rôle… »), the register changing at the very
moment a login failed. Words inside « » (a quoted agreement: « je », pas « tu ») are not the
app speaking, and are left out."""

from __future__ import annotations

import re

from circlekeeper.i18n.catalogs import po_path, read_catalog

QUOTED = re.compile(r"«[^»]*»")
FAMILIAR = re.compile(r"\b(tu|ton|ta|tes|toi)\b|\bt’|\bVérifie\b|\bdemande à\b|\bRelance\b")


def test_french_messages_say_vous_not_tu() -> None:
    catalog = read_catalog(po_path("fr"), "fr")
    familiar = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        familiar += [text for text in strings if FAMILIAR.search(QUOTED.sub("", text))]
    assert not familiar, "\n".join(familiar)
