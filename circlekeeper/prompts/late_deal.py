"""Drawing a late arrival's own prompt, by the rules the rest of their round was dealt by.

When *Start a circle* deals a prompt to each person, it asks the drawer for the round's
category (and first-meeting prompts for a circle's first session), never a prompt another
round of the session holds, and different prompts for different people while the library has
enough. Someone who walks in later gets theirs the same way: never words the group has heard
or holds this session, and only when nothing else fits one they have (as the deal at set-up
repeats prompts once there are more people than fitting prompts). The drawer's own rules (the
circle's recent sessions set aside, favourites weighed) apply as always.
"""

from __future__ import annotations

from collections.abc import Sequence

from circlekeeper.prompts.drawer import DrawRequest, PromptDrawer
from circlekeeper.prompts.library import PromptLibrary
from circlekeeper.session.dealing import PromptCard, PromptDeal
from circlekeeper.session.model import RoundPlan


def library_deal(
    library: PromptLibrary, drawer: PromptDrawer, *, first_meeting: bool = False
) -> PromptDeal:
    """A :data:`~circlekeeper.session.dealing.PromptDeal` drawing from ``library``."""

    def deal(plan: RoundPlan, heard: Sequence[str]) -> PromptCard | None:
        request = DrawRequest.for_round(plan.kind, first_meeting=first_meeting)
        taken = {found.prompt_id for text in heard if (found := library.match_text(text))}
        result = drawer.draw(request.excluding(*taken))
        if result.prompt is None:
            # Every fitting prompt is already someone's: share one rather than none, as the
            # deal at set-up does for a circle bigger than its prompts.
            result = drawer.draw(request)
        if result.prompt is None:
            return None
        return PromptCard(result.prompt.text, result.prompt.prompt_id)

    return deal
