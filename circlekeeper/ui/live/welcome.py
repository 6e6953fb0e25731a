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


def welcome_line(
    name: str,
    pronouns: str,
    where: JoinWhere = JoinWhere.END_OF_ROUND,
    *,
    own_prompt: str = "",
    prompt_to_come: bool = False,
) -> str:
    """The status line for a late arrival, with the pronoun they gave (or their name).

    In a round where each person has their own prompt, ``own_prompt`` is the one they were
    just dealt; ``prompt_to_come`` says theirs is dealt when the round they join begins."""
    first = pronouns.strip().lower().split("/")[0].strip() if pronouns else ""
    key = first if first in ("she", "he", "they") else ""
    shown = display_name(name)
    line = _welcomes()[(key, where)].format(name=shown)
    if own_prompt:
        # Translators: said after the welcome; {prompt} is the words they were dealt.
        line += " " + _("{name}'s own prompt: “{prompt}”").format(name=shown, prompt=own_prompt)
    elif prompt_to_come:
        line += " " + _("{name} is dealt a prompt of their own when that round begins.").format(
            name=shown
        )
    return line


__all__ = ["JoinWhere", "welcome_line"]
