"""Several items typed into one field (a circle's facilitators, a prompt's tags): split on any
comma a keyboard types, shown joined the way the language writes such a list.

An Arabic keyboard types «،» (U+060C), a Chinese or Japanese one "，" (U+FF0C) or "、"
(U+3001); splitting on "," alone kept "Amal، Noor" as one facilitator. Each item is kept as it
was typed, but for the spaces around it. The field then shows the items joined by the active
language's separator (", " in English, "، " in Arabic), so what it shows splits back into the
same items.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from circlekeeper.i18n.languages import PSEUDO_LANGUAGE
from circlekeeper.i18n.translation import active_language, pgettext

TYPED_COMMAS = ",\u060c\uff0c\ufe50\u3001"
"""The comma, the Arabic comma, the full-width comma, the small comma and the ideographic one."""
_SPLIT = re.compile(f"[{TYPED_COMMAS}]")


def split_typed(text: str) -> list[str]:
    """``"Amal، Noor, Jonas"`` → ``["Amal", "Noor", "Jonas"]``: the items between any of the
    commas, spaces around them trimmed, empty ones left out."""
    return [item.strip() for item in _SPLIT.split(text) if item.strip()]


def list_separator() -> str:
    """What stands between two items of such a list in the active language."""
    if active_language() == PSEUDO_LANGUAGE:
        return ", "  # a pseudo-translated separator would no longer split
    # Translators: what separates the items of a list typed into one field (a circle's
    # facilitators, a prompt's tags): a comma and a space in most languages; in Arabic the
    # Arabic comma and a space «، ». It must be a comma of your script.
    return pgettext("typed list separator", ", ")


def join_typed(items: Iterable[str]) -> str:
    """The items as the field shows them (and :func:`split_typed` splits them again)."""
    return list_separator().join(items)


def between_parts() -> str:
    """What stands between the parts of one sentence that a semicolon separates ("Sharing 2:19
    each; Check-out 0:25 each"): French sets a space before it, Arabic writes «؛»."""
    # Translators: a semicolon between the parts of one sentence, with the spaces your
    # language sets around it (French " ; ", Arabic "؛ ").
    return pgettext("between the parts of a sentence", "; ")
