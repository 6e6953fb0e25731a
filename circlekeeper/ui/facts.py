"""The "key figures" line under a summary, worded once for every screen that shows one.

The summary after a circle, a past session in history and a person's history all show a short
row of figures; building it in one place keeps their words and plurals the same in every
language (each figure is one whole message, so a translator orders its words freely).
"""

from __future__ import annotations

from circlekeeper.history.records import PersonHistory
from circlekeeper.i18n import _, ngettext
from circlekeeper.i18n.formats import format_duration, format_fixed, format_percent
from circlekeeper.session.summary import SessionSummary
from circlekeeper.ui.count_words import session_count

SEPARATOR = " · "


def passes(count: int) -> str:
    """``1 pass``, ``2 passes`` (Arabic has six forms, so always through ``ngettext``); none
    is said in words: CLDR counts 0 with 1 in French and Brazilian Portuguese, where the
    summary read "0 passe"."""
    if count == 0:
        # Translators: a session's or a person's passes when there were none.
        return _("no passes")
    return ngettext("{count} pass", "{count} passes", count).format(count=count)


def session_facts(summary: SessionSummary) -> list[str]:
    """Who was there, how long it took, how much was said, passes, arrivals and departures."""
    present = summary.present_count
    facts = [
        ngettext("{count} present", "{count} present", present).format(count=present),
        _("{duration} in all").format(duration=format_duration(summary.duration_seconds)),
        _("{duration} of speaking").format(duration=format_duration(summary.total_spoken)),
        passes(summary.passes),
    ]
    if summary.late_count:
        late = summary.late_count
        facts.append(
            ngettext("{count} arrived late", "{count} arrived late", late).format(count=late)
        )
    if summary.left_count:
        left = summary.left_count
        facts.append(ngettext("{count} left early", "{count} left early", left).format(count=left))
    return facts


def fairness_sentence(summary: SessionSummary) -> str:
    """The summary's fairness sentence for a screen: figures in the window's language and the
    largest difference written as the key figures beside it write a time ("4 min and 12 sec",
    like "25 min in all"), not in bare seconds."""
    return summary.fairness_sentence(format_fixed, format_percent, format_duration)


def person_facts(history: PersonHistory, share: str) -> list[str]:
    """A person over time; ``share`` is their average share of an equal one, as words."""
    attended = history.sessions_attended
    facts = [
        session_count(attended),
        _("{duration} spoken in all").format(
            duration=format_duration(history.total_spoken_seconds)
        ),
        # Translators: {share} is a percentage, e.g. "on average 96% of an equal share".
        _("on average {share} of an equal share").format(share=share),
        passes(history.passes),
    ]
    if history.late:
        late = history.late
        facts.append(
            ngettext("arrived late once", "arrived late {count} times", late).format(count=late)
        )
    if history.left_early:
        left = history.left_early
        facts.append(
            ngettext("left early once", "left early {count} times", left).format(count=left)
        )
    return facts
