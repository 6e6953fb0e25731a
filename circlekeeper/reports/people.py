"""How people appear in a report at each privacy level.

*Counts only* never prints a name or initial: rows are "Person 1…n" sorted by speaking time, so
not even seating order gives anyone away. *Initials* and *full names* print what the level allows.
"""

from __future__ import annotations

import unicodedata

from circlekeeper.i18n import _
from circlekeeper.i18n.formats import format_number
from circlekeeper.reports.bidi_order import isolate
from circlekeeper.reports.context import Privacy
from circlekeeper.reports.fonts import split_clusters
from circlekeeper.reports.typeset import clean
from circlekeeper.session.frozen import FrozenRecord
from circlekeeper.session.model import RoundPlan
from circlekeeper.session.summary import PersonSummary, SessionSummary


class Row(FrozenRecord):
    """One person as printed: a rank by speaking time and the label the privacy level allows."""

    rank: int
    label: str
    person: PersonSummary


def initials(name: str) -> str:
    """First letter of up to three words (``"Ada María Lovelace"`` → ``"AML"``).

    A letter is a whole cluster: its accents and vowel signs, and in Devanagari a conjunct
    (``"क्षमा"`` → ``"क्ष"``), so an initial never ends in half a letter. Emoji and
    punctuation are not initials.

    A name part that begins with the Arabic article «ال» takes the letter after it
    (``"يوسف الحسيني"`` → ``"ي ح"``), as people initial such names; Arabic initials are spaced
    apart, since side by side they would join into a word of their own.
    """
    letters: list[str] = []
    for word in clean(name).split():
        for letter in _without_article(_letters(word)):
            if unicodedata.category(letter[0])[0] in "LN":
                letters.append(unicodedata.normalize("NFC", letter.upper()))
                break
        if len(letters) == 3:
            break
    joining = any(unicodedata.bidirectional(letter[0]) == "AL" for letter in letters)
    return (" " if joining else "").join(letters) or "?"


_ALIFS = frozenset("\u0627\u0671")  # alif, and alif wasla as in fully vowelled text


def _without_article(letters: list[str]) -> list[str]:
    """A word's letters less a leading Arabic article «ال» (and its assimilated forms, written
    the same), when a letter follows it: "الحسيني" is initialled by its ح, not the article's ا."""
    if len(letters) > 2 and letters[0][0] in _ALIFS and letters[1][0] == "\u0644":
        return letters[2:]
    return letters


def _letters(word: str) -> list[str]:
    """Clusters, with a virama (Brahmic scripts) joining the next consonant to its cluster,
    and a Hangul syllable's vowel and final jamo joining its first (the word is decomposed to
    find marks, which splits 김 into ᄀ, ᅵ and ᆷ)."""
    out: list[str] = []
    for cluster in split_clusters(unicodedata.normalize("NFD", word)):
        if out and _joins(out[-1][-1], cluster[0]):
            out[-1] += cluster
        else:
            out.append(cluster)
    return [unicodedata.normalize("NFC", c) for c in out]


def _joins(last: str, first: str) -> bool:
    """Whether a cluster starting with ``first`` belongs to the one ending in ``last``."""
    if unicodedata.name(last, "").endswith(("VIRAMA", "SIGN VIRAMA")):
        return True
    return _is_hangul_jamo(last) and _follows_in_syllable(first)


def _is_hangul_jamo(letter: str) -> bool:
    return unicodedata.name(letter, "").startswith("HANGUL CHOSEONG") or _follows_in_syllable(
        letter
    )


def _follows_in_syllable(letter: str) -> bool:
    """A Hangul vowel (jungseong) or final consonant (jongseong) jamo."""
    return unicodedata.name(letter, "").startswith(("HANGUL JUNGSEONG", "HANGUL JONGSEONG"))


def label_for(person: PersonSummary, rank: int, privacy: Privacy) -> str:
    if privacy is Privacy.NAMES:
        return person.name
    if privacy is Privacy.INITIALS:
        return initials(person.name)
    return _("Person {number}").format(number=format_number(rank))


def ranked_rows(summary: SessionSummary, privacy: Privacy) -> list[Row]:
    """Everyone present, most speaking time first (ties keep seating order)."""
    ordered = sorted(enumerate(summary.people), key=lambda pair: (-pair[1].spoken_total, pair[0]))
    return [
        Row(rank, label_for(person, rank, privacy), person)
        for rank, (_, person) in enumerate(ordered, start=1)
    ]


def person_prompt_lines(plan: RoundPlan, summary: SessionSummary, privacy: Privacy) -> list[str]:
    """One line per prompt of a round where each person had their own, attributed only as
    the privacy level allows.

    Counts only: the prompts alone, in alphabetical order, so neither a name nor the speaking
    order ties a prompt to a person. Initials or names: who had which.
    """
    people = {p.person_id: p for p in summary.people}
    if privacy is Privacy.COUNTS:
        lines = sorted({text for _, text in plan.person_prompts}, key=str.casefold)
    else:
        lines = [
            _("{person}: {prompt}").format(
                person=isolate(label_for(people[who], 0, privacy)), prompt=isolate(text)
            )
            if who in people
            else text
            for who, text in plan.person_prompts
        ]
    if plan.prompt.strip():
        lines.append(_("Everyone else: {prompt}").format(prompt=isolate(plan.prompt)))
    return lines
