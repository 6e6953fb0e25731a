"""How people appear in a report at each privacy level.

*Counts only* never prints a name or initial: rows are "Person 1…n" sorted by speaking time, so
not even seating order gives anyone away. *Initials* and *full names* print what the level allows.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from circlekeeper.reports.context import Privacy
from circlekeeper.reports.typeset import clean
from circlekeeper.session.summary import PersonSummary, SessionSummary


@dataclass(frozen=True, slots=True)
class Row:
    """One person as printed: a rank by speaking time and the label the privacy level allows."""

    rank: int
    label: str
    person: PersonSummary


def initials(name: str) -> str:
    """First letter of up to three words (``"Ada María Lovelace"`` → ``"AML"``)."""
    letters = []
    for word in clean(name).split():
        for ch in word:
            if unicodedata.category(ch)[0] in "LN":
                letters.append(ch.upper())
                break
        if len(letters) == 3:
            break
    return "".join(letters) or "?"


def label_for(person: PersonSummary, rank: int, privacy: Privacy) -> str:
    if privacy is Privacy.NAMES:
        return person.name
    if privacy is Privacy.INITIALS:
        return initials(person.name)
    return f"Person {rank}"


def ranked_rows(summary: SessionSummary, privacy: Privacy) -> list[Row]:
    """Everyone present, most speaking time first (ties keep seating order)."""
    ordered = sorted(enumerate(summary.people), key=lambda pair: (-pair[1].spoken_total, pair[0]))
    return [
        Row(rank, label_for(person, rank, privacy), person)
        for rank, (_, person) in enumerate(ordered, start=1)
    ]
