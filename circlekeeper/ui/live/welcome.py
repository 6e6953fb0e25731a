"""The status line that welcomes a late arrival: their name, and their pronouns when given.

Whole sentences (one per pronoun and place) rather than pieces, so each language words every
case its own way (issue #18).
"""

from __future__ import annotations

from enum import StrEnum

from circlekeeper.i18n import _
from circlekeeper.ui.bidi_text import display_name


class JoinWhere(StrEnum):
    """Where a late arrival's first turn comes, as the welcome says it."""

    END_OF_ROUND = "end of round"
    NEXT_ROUND = "next round"
    FROM_NEXT_ROUND = "from next round"


def _welcomes() -> dict[tuple[str, JoinWhere], str]:
    """Whole sentences, one per pronoun and place, so every language can word each its way."""
    end, upcoming, later = JoinWhere.END_OF_ROUND, JoinWhere.NEXT_ROUND, JoinWhere.FROM_NEXT_ROUND
    return {
        ("she", end): _("Welcome, {name}. She joins at the end of this round."),
        ("she", upcoming): _("Welcome, {name}. She joins in the next round."),
        ("she", later): _("Welcome, {name}. She joins from the next round."),
        ("he", end): _("Welcome, {name}. He joins at the end of this round."),
        ("he", upcoming): _("Welcome, {name}. He joins in the next round."),
        ("he", later): _("Welcome, {name}. He joins from the next round."),
        ("they", end): _("Welcome, {name}. They join at the end of this round."),
        ("they", upcoming): _("Welcome, {name}. They join in the next round."),
        ("they", later): _("Welcome, {name}. They join from the next round."),
        ("", end): _("Welcome, {name}. {name} joins at the end of this round."),
        ("", upcoming): _("Welcome, {name}. {name} joins in the next round."),
        ("", later): _("Welcome, {name}. {name} joins from the next round."),
    }


def welcome_line(name: str, pronouns: str, where: JoinWhere = JoinWhere.END_OF_ROUND) -> str:
    """The status line for a late arrival, with the pronoun they gave (or their name)."""
    first = pronouns.strip().lower().split("/")[0].strip() if pronouns else ""
    key = first if first in ("she", "he", "they") else ""
    return _welcomes()[(key, where)].format(name=display_name(name))


__all__ = ["JoinWhere", "welcome_line"]
