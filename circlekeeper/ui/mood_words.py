"""The mood counts of one session in words, one line a moment: "Check-in mood 3.4 of 5
(5 answers; 2: 1, 3: 1, 4: 3)".

Shared by the live summary and History's session detail, so the screen the facilitator sees
as the circle ends and the record they read later say the same thing the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

from circlekeeper.i18n import _, ngettext
from circlekeeper.i18n.formats import format_list, format_number
from circlekeeper.session.prompts import MoodCounts


def mood_lines(moods: Iterable[MoodCounts]) -> list[str]:
    """A sentence for each moment someone answered, check-in before check-out."""
    lines = []
    for counts in sorted(moods, key=lambda counts: counts.moment == "check-out"):
        average = counts.average
        if average is None:
            continue
        spread = format_list(
            # Translators: how many people chose one mood value, as in "4: 3".
            _("{value}: {count}").format(value=format_number(v), count=format_number(n))
            for v, n in sorted(counts.counts.items())
        )
        lines.append(
            _mood_line(counts.moment, counts.total).format(
                average=format_number(average, decimals=1),
                count=format_number(counts.total),
                spread=spread,
            )
        )
    return lines


def _mood_line(moment: str, answers: int) -> str:
    """One moment's mood sentence, whole, so each language can order it as it needs."""
    if moment == "check-out":
        return ngettext(
            "Check-out mood {average} of 5 ({count} answer; {spread})",
            "Check-out mood {average} of 5 ({count} answers; {spread})",
            answers,
        )
    return ngettext(
        "Check-in mood {average} of 5 ({count} answer; {spread})",
        "Check-in mood {average} of 5 ({count} answers; {spread})",
        answers,
    )
