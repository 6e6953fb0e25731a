"""Recording which prompts a circle heard, and reading that history back.

Rounds carry only their prompts' words (``RoundPlan.prompt``, and ``person_prompts`` when each
person has their own); the library recognises words that are a library prompt, so a drawn,
browsed or re-typed prompt is recorded with its id and the next draw avoids it. Words typed
fresh are recorded as they are, with no id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from circlekeeper.prompts.drawer import PromptMode
from circlekeeper.prompts.library import PromptLibrary
from circlekeeper.session.model import RoundKind, RoundPlan
from circlekeeper.session.prompts import PromptUse


@dataclass(frozen=True, slots=True)
class UsageRow:
    """One line of "which prompts this circle heard when"."""

    when: datetime
    session_id: int
    round_index: int
    text: str
    prompt_id: str | None
    person_id: str | None


class PromptUseRecorder:
    def __init__(self, library: PromptLibrary) -> None:
        self._library = library

    def record(
        self,
        session_id: int,
        round_index: int,
        text: str,
        *,
        person_id: str | None = None,
        used_at: datetime | None = None,
    ) -> PromptUse | None:
        """Record one prompt heard; blank text records nothing and returns None."""
        text = " ".join(text.split())
        if not text:
            return None
        match = self._library.match_text(text)
        use = PromptUse(
            session_id=session_id,
            round_index=round_index,
            text=text,
            prompt_id=match.prompt_id if match else None,
            person_id=person_id,
            used_at=used_at or datetime.now(UTC),
        )
        self._library.repository.record_use(use)
        return use

    def record_plan(
        self,
        session_id: int,
        plan: Sequence[RoundPlan],
        *,
        per_person: Mapping[int, Mapping[str, str]] | None = None,
        used_at: datetime | None = None,
    ) -> list[PromptUse]:
        """Record every round's prompt.

        A round where each person had their own (``RoundPlan.person_prompts``, or
        ``per_person[round_index]`` mapping person id → words, which wins) records one use per
        person, with their id; a shared prompt planned beside them (heard by anyone who arrives
        late) is recorded too, once, without a person.
        """
        recorded = []
        for index, round_ in enumerate(plan):
            personal = (per_person or {}).get(index) or dict(round_.person_prompts)
            for person, text in personal.items():
                use = self.record(session_id, index, text, person_id=person, used_at=used_at)
                if use:
                    recorded.append(use)
            said = {" ".join(text.split()) for text in personal.values()}
            if personal and " ".join(round_.prompt.split()) in said:
                continue
            use = self.record(session_id, index, round_.prompt, used_at=used_at)
            if use:
                recorded.append(use)
        return recorded

    def history(self, circle_id: int, *, last_sessions: int | None = None) -> list[UsageRow]:
        """What this circle heard, newest session first, rounds in order within a session."""
        rows = [
            UsageRow(when, u.session_id, u.round_index, u.text, u.prompt_id, u.person_id)
            for when, u in self._library.repository.uses_for_circle(
                circle_id, last_sessions=last_sessions
            )
        ]
        rows.sort(key=lambda r: (-r.when.timestamp(), -r.session_id, r.round_index))
        return rows


def without_skipped(
    plan: Sequence[RoundPlan], modes: Mapping[int, PromptMode] | None = None
) -> list[RoundPlan]:
    """The plan minus rounds whose mode is :data:`~circlekeeper.prompts.drawer.SKIP_CHECK_IN`.

    Only check-in rounds can be skipped this way; a skip on another round is ignored, because
    going straight to sharing is the choice people asked for, not dropping the sharing itself.
    """
    modes = modes or {}
    return [
        r
        for i, r in enumerate(plan)
        if not (modes.get(i) is PromptMode.SKIP and r.kind is RoundKind.CHECK_IN)
    ]
