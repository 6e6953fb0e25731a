"""The shipped prompts' tags in the facilitator's language.

Deck files keep their tags as English words (``feelings``, ``next-step``): the files are shared
by every language and exported decks travel between them. What a facilitator reads, picks from
the tag filter, searches for or types in the editor is the tag's name in the window's language
("sentimientos"), and a shipped tag's name typed in the editor is stored as the tag itself, so
a Spanish copy of a prompt keeps its place under "sentimientos". Tags people made up are shown
and kept as they typed them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from circlekeeper.i18n import active_language, pgettext
from circlekeeper.prompts.deck import normalize_tag


def _names() -> dict[str, str]:
    # Translators: the prompt library's tags, short lower-case words or phrases a facilitator
    # filters and searches by ("feelings", "next-step"); write them as your language would
    # (nouns capitalised in German), without the dashes.
    return {
        "appreciation": pgettext("prompt tag", "appreciation"),
        "arriving": pgettext("prompt tag", "arriving"),
        "being-seen": pgettext("prompt tag", "being-seen"),
        "belonging": pgettext("prompt tag", "belonging"),
        "body": pgettext("prompt tag", "body"),
        "boundaries": pgettext("prompt tag", "boundaries"),
        "change": pgettext("prompt tag", "change"),
        "choice": pgettext("prompt tag", "choice"),
        "clearing": pgettext("prompt tag", "clearing"),
        "community": pgettext("prompt tag", "community"),
        "connection": pgettext("prompt tag", "connection"),
        "continuity": pgettext("prompt tag", "continuity"),
        "coping": pgettext("prompt tag", "coping"),
        "courage": pgettext("prompt tag", "courage"),
        "creativity": pgettext("prompt tag", "creativity"),
        "curiosity": pgettext("prompt tag", "curiosity"),
        "energy": pgettext("prompt tag", "energy"),
        "feedback": pgettext("prompt tag", "feedback"),
        "feelings": pgettext("prompt tag", "feelings"),
        "future": pgettext("prompt tag", "future"),
        "gratitude": pgettext("prompt tag", "gratitude"),
        "grounding": pgettext("prompt tag", "grounding"),
        "growth": pgettext("prompt tag", "growth"),
        "habits": pgettext("prompt tag", "habits"),
        "hope": pgettext("prompt tag", "hope"),
        "identity": pgettext("prompt tag", "identity"),
        "imagination": pgettext("prompt tag", "imagination"),
        "introductions": pgettext("prompt tag", "introductions"),
        "kindness": pgettext("prompt tag", "kindness"),
        "learning": pgettext("prompt tag", "learning"),
        "leaving": pgettext("prompt tag", "leaving"),
        "letting-go": pgettext("prompt tag", "letting-go"),
        "listening": pgettext("prompt tag", "listening"),
        "memory": pgettext("prompt tag", "memory"),
        "metaphor": pgettext("prompt tag", "metaphor"),
        "nature": pgettext("prompt tag", "nature"),
        "needs": pgettext("prompt tag", "needs"),
        "next-step": pgettext("prompt tag", "next-step"),
        "nonverbal": pgettext("prompt tag", "nonverbal"),
        "places": pgettext("prompt tag", "places"),
        "playful": pgettext("prompt tag", "playful"),
        "reflection": pgettext("prompt tag", "reflection"),
        "relationships": pgettext("prompt tag", "relationships"),
        "rest": pgettext("prompt tag", "rest"),
        "roots": pgettext("prompt tag", "roots"),
        "self-care": pgettext("prompt tag", "self-care"),
        "self-compassion": pgettext("prompt tag", "self-compassion"),
        "senses": pgettext("prompt tag", "senses"),
        "short": pgettext("prompt tag", "short"),
        "small-joys": pgettext("prompt tag", "small-joys"),
        "small-wins": pgettext("prompt tag", "small-wins"),
        "story": pgettext("prompt tag", "story"),
        "strengths": pgettext("prompt tag", "strengths"),
        "support": pgettext("prompt tag", "support"),
        "takeaway": pgettext("prompt tag", "takeaway"),
        "values": pgettext("prompt tag", "values"),
        "week": pgettext("prompt tag", "week"),
        "wisdom": pgettext("prompt tag", "wisdom"),
    }


SHIPPED_TAG_NAMES: frozenset[str] = frozenset(_names())
"""Every tag a shipped deck may use; a test holds the decks to it, so a new tag is named."""


@lru_cache(maxsize=8)
def _names_in(language: str) -> tuple[dict[str, str], dict[str, str]]:
    """Tag → name, and (normalized) name → tag, in ``language`` (the active one)."""
    names = _names()
    return names, {normalize_tag(name): tag for tag, name in names.items()}


def tag_name(tag: str) -> str:
    """``tag`` as the window's language names it; a tag someone typed, as they typed it."""
    return _names_in(active_language())[0].get(tag, tag)


def tag_from_name(typed: str) -> str:
    """The tag a typed word stands for: a shipped tag's name in the window's language (in any
    case) is that tag; any other word is a tag of its own, normalized."""
    normalized = normalize_tag(typed)
    return _names_in(active_language())[1].get(normalized, normalized)


def tag_names(tags: Iterable[str]) -> list[str]:
    """The names of ``tags`` in the window's language, in its alphabetical order."""
    return sorted((tag_name(tag) for tag in tags), key=str.casefold)
