"""A round plan in the words the facilitator reads on screen, in their language.

Kept apart from the table that edits the plan so the circle overview, the budget warning and
the table all name a round, and its time, the same way.
"""

from __future__ import annotations

from circlekeeper.i18n import N_, _
from circlekeeper.session.model import PolicyMode, RoundKind, RoundPlan, TimePolicy
from circlekeeper.ui.duration_text import format_seconds

KINDS = [
    (N_("Check-in"), RoundKind.CHECK_IN),
    (N_("Sharing"), RoundKind.SHARING),
    (N_("Check-out"), RoundKind.CHECK_OUT),
    (N_("Other (name it)"), RoundKind.CUSTOM),
]
POLICIES = [
    (N_("Fair share of"), PolicyMode.FAIR_SHARE),
    (N_("Fixed per person"), PolicyMode.FIXED),
    (N_("Open (no limit)"), PolicyMode.OPEN),
]


def round_label(plan: RoundPlan) -> str:
    """A round's name as the facilitator reads it: its typed name, or its kind."""
    if plan.title:
        return plan.title
    if plan.kind is RoundKind.CUSTOM:
        return _("Round")
    return next(_(text) for text, kind in KINDS if kind is plan.kind)


def policy_words(policy: TimePolicy) -> str:
    """How a round shares its time, e.g. "fair share of 45:00 (at least 1:00 each)"."""
    if policy.mode is PolicyMode.FIXED:
        return _("fixed, {length} each").format(length=format_seconds(round(policy.seconds)))
    if policy.mode is PolicyMode.FAIR_SHARE:
        return _("fair share of {length} (at least {minimum} each)").format(
            length=format_seconds(round(policy.seconds)),
            minimum=format_seconds(round(policy.minimum)),
        )
    return _("open, no time limit")


__all__ = ["KINDS", "POLICIES", "policy_words", "round_label"]
