"""The "key figures" line under a summary, worded once for every screen that shows one.

The summary after a circle, a past session in history and a person's history all show a short
row of figures; building it in one place keeps their words and plurals the same.
"""

from __future__ import annotations

from circlekeeper.history.records import PersonHistory
from circlekeeper.session.model import format_duration
from circlekeeper.session.summary import SessionSummary

SEPARATOR = " · "


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """``1 pass``, ``2 passes``, ``3 sessions``."""
    word = singular if number == 1 else (plural or f"{singular}s")
    return f"{number} {word}"


def session_facts(summary: SessionSummary) -> list[str]:
    """Who was there, how long it took, how much was said, passes, arrivals and departures."""
    facts = [
        f"{summary.present_count} present",
        f"{format_duration(summary.duration_seconds)} in all",
        f"{format_duration(summary.total_spoken)} of speaking",
        counted(summary.passes, "pass", "passes"),
    ]
    if summary.late_count:
        facts.append(f"{summary.late_count} arrived late")
    if summary.left_count:
        facts.append(f"{summary.left_count} left early")
    return facts


def person_facts(history: PersonHistory, share: str) -> list[str]:
    """A person over time; ``share`` is their average share of an equal one, as words."""
    facts = [
        counted(history.sessions_attended, "session"),
        f"{format_duration(history.total_spoken_seconds)} spoken in all",
        f"on average {share} of an equal share",
        counted(history.passes, "pass", "passes"),
    ]
    if history.late:
        facts.append(f"arrived late {history.late}×")
    if history.left_early:
        facts.append(f"left early {history.left_early}×")
    return facts
