"""Finding a person by any part of their name, as it is typed: without case or accents, in
any script."""

from __future__ import annotations

import unicodedata


def searchable(text: str) -> str:
    """Letters without accents or case, so "jose" finds "José" and "ZOE" finds "Zoë"; every
    script keeps its own letters."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
