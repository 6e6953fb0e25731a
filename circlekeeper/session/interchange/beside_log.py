"""What a session file carries beside the log (version 2): mood counts and prompts heard.

The store keeps both per session; the file carries them so an imported session (or a rescue
copy) keeps its anonymous moods and its prompt history, and the receiving circle's prompt
draws avoid what it already heard. Neither can hold a private note: a mood count is numbers
only, and a prompt use is the words read out to the whole circle (or to one person).
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from circlekeeper.i18n import _
from circlekeeper.session.document import (
    MOOD_MOMENTS,
    MOOD_VALUES,
    InvalidSessionFile,
    PromptHeard,
    SessionDocument,
)
from circlekeeper.session.interchange.fields import (
    is_whole,
    list_field,
    moment_field,
    not_a,
    object_field,
    optional_text,
    require,
    text_field,
    unknown_person,
)
from circlekeeper.session.model import Participant, RoundPlan
from circlekeeper.session.prompts import MoodCounts

ADDED_IN_VERSION_2 = frozenset({"moods", "prompt_uses"})
MOOD_KEYS = frozenset({"moment", "counts"})
USE_KEYS = frozenset({"round", "text", "prompt_id", "person_id", "used_at"})
MOOD_VALUE_KEYS = frozenset(str(value) for value in MOOD_VALUES)
"""JSON object keys are text: the counts object is keyed ``"1"`` … ``"5"``."""


def dump_moods(doc: SessionDocument) -> list[dict[str, Any]]:
    return [
        {
            "moment": mood.moment,
            "counts": {str(value): n for value, n in sorted(mood.counts.items())},
        }
        for mood in doc.moods
    ]


def dump_prompt_uses(doc: SessionDocument) -> list[dict[str, Any]]:
    return [
        {
            "round": use.round_index,
            "text": use.text,
            "prompt_id": use.prompt_id,
            "person_id": use.person_id,
            "used_at": None if use.used_at is None else use.used_at.astimezone(UTC).isoformat(),
        }
        for use in doc.prompt_uses
    ]


def read_moods(data: dict[str, Any]) -> tuple[MoodCounts, ...]:
    """Anonymous counts: one per moment at most (as the store keeps them), values 1–5 only."""
    moods: list[MoodCounts] = []
    seen: set[str] = set()
    for i, raw in enumerate(list_field(data, "moods")):
        place = f"moods[{i}]"
        item = object_field(raw, place, MOOD_KEYS)
        moment = text_field(item, "moment", f"{place}.moment")
        if moment not in MOOD_MOMENTS:
            known = ", ".join(MOOD_MOMENTS)
            raise InvalidSessionFile(
                f"{place}.moment",
                _("unknown moment {moment} (known: {known})").format(
                    moment=repr(moment), known=known
                ),
            )
        if moment in seen:
            raise InvalidSessionFile(
                f"{place}.moment", _("{moment} is counted twice").format(moment=repr(moment))
            )
        seen.add(moment)
        counts = require(item, "counts", f"{place}.counts")
        if not isinstance(counts, dict):
            raise InvalidSessionFile(f"{place}.counts", not_a("object", counts))
        clean: dict[int, int] = {}
        for key, n in counts.items():
            if key not in MOOD_VALUE_KEYS:
                raise InvalidSessionFile(
                    f"{place}.counts.{key}", _("a mood value must be one of 1, 2, 3, 4, 5")
                )
            if not is_whole(n) or n < 0:
                raise InvalidSessionFile(
                    f"{place}.counts.{key}", _("must be a whole number, 0 or more")
                )
            clean[int(key)] = n
        moods.append(MoodCounts(moment, dict(sorted(clean.items()))))
    return tuple(moods)


def read_prompt_uses(
    data: dict[str, Any], plan: tuple[RoundPlan, ...], people: tuple[Participant, ...]
) -> tuple[PromptHeard, ...]:
    """Each use names a round of ``round_plan`` and, when it was one person's own prompt, a
    person of ``people``; ``prompt_id`` is the library's id (or null for words typed fresh)."""
    ids = {person.person_id for person in people}
    uses: list[PromptHeard] = []
    for i, raw in enumerate(list_field(data, "prompt_uses")):
        place = f"prompt_uses[{i}]"
        item = object_field(raw, place, USE_KEYS)
        round_index = require(item, "round", f"{place}.round")
        if not is_whole(round_index):
            raise InvalidSessionFile(f"{place}.round", _("must be a whole number"))
        if not 0 <= round_index < len(plan):
            raise InvalidSessionFile(
                f"{place}.round",
                _(
                    "there is no round {number} in round_plan (it has {count}, numbered from 0)"
                ).format(number=round_index, count=len(plan)),
            )
        text = text_field(item, "text", f"{place}.text")
        if not text.strip():
            raise InvalidSessionFile(f"{place}.text", _("must not be empty"))
        prompt_id = optional_text(item, "prompt_id", place)
        if prompt_id is not None and not prompt_id.strip():
            raise InvalidSessionFile(f"{place}.prompt_id", _("must be null or a prompt's id"))
        person_id = optional_text(item, "person_id", place)
        if person_id is not None and person_id not in ids:
            raise InvalidSessionFile(f"{place}.person_id", unknown_person(person_id))
        used_at = (
            moment_field(item, "used_at", optional=True, place=f"{place}.used_at")
            if "used_at" in item
            else None
        )
        uses.append(PromptHeard(round_index, text, prompt_id, person_id, used_at))
    return tuple(uses)
