"""Jain's fairness index in plain words, for people who never heard of Jain.

The one place the thresholds live, so a session summary, a period report and the history view
call the same figure by the same words.
"""

from __future__ import annotations

from circlekeeper.i18n import _


def fairness_verdict(index: float) -> str:
    """What an index (1.00: everyone heard equally) means, as a phrase."""
    if index >= 0.95:
        return _("time was shared very evenly")
    if index >= 0.85:
        return _("time was shared fairly evenly")
    if index >= 0.7:
        return _("some voices took noticeably more time than others")
    return _("a few voices took most of the time")
