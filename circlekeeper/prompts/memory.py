"""In-memory stand-ins for the store's prompt and mood repositories.

They follow the contract in ``STORE_API.md`` closely enough that tests written against them
hold for the SQL versions: ids ``custom:<n>``, all-or-nothing imports, "last K sessions" counted
over the circle's sessions by start time. Sessions are registered with :meth:`add_session`
because here there is no sessions table to join against.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from circlekeeper.session.prompts import MoodCounts, Prompt, PromptPreferences, PromptUse


@dataclass
class SessionIndex:
    """Which circle each session belongs to and when it started."""

    sessions: dict[int, tuple[int, datetime]] = field(default_factory=dict)

    def add_session(self, session_id: int, circle_id: int, started_at: datetime) -> None:
        self.sessions[session_id] = (circle_id, started_at)

    def of_circle(self, circle_id: int, last: int | None = None) -> list[int]:
        """The circle's session ids, newest first (only the newest ``last`` when given)."""
        ids = sorted(
            (sid for sid, (cid, _) in self.sessions.items() if cid == circle_id),
            key=lambda sid: (self.sessions[sid][1], sid),
            reverse=True,
        )
        return ids if last is None else ids[:last]


class MemoryPromptRepository(SessionIndex):
    def __init__(self) -> None:
        super().__init__()
        self._custom: dict[str, Prompt] = {}
        self._next = 1
        self._favourites: set[str] = set()
        self._hidden: set[str] = set()
        self._uses: list[PromptUse] = []
        self.fail_next_import = False
        """Tests set this to simulate the database refusing an import half-way."""

    def custom_prompts(self) -> list[Prompt]:
        return list(self._custom.values())

    def save_custom(self, prompt: Prompt) -> Prompt:
        if not prompt.prompt_id:
            prompt = replace(prompt, prompt_id=f"custom:{self._next}", custom=True)
            self._next += 1
        elif prompt.prompt_id not in self._custom:
            raise KeyError(prompt.prompt_id)
        self._custom[prompt.prompt_id] = prompt
        return prompt

    def set_archived(self, prompt_id: str, archived: bool) -> None:
        self._custom[prompt_id] = replace(self._custom[prompt_id], archived=archived)

    def preferences(self) -> PromptPreferences:
        return PromptPreferences(frozenset(self._favourites), frozenset(self._hidden))

    def set_favourite(self, prompt_id: str, on: bool) -> None:
        (self._favourites.add if on else self._favourites.discard)(prompt_id)

    def set_hidden(self, prompt_id: str, on: bool) -> None:
        (self._hidden.add if on else self._hidden.discard)(prompt_id)

    def record_use(self, use: PromptUse) -> None:
        self._uses.append(use)

    def uses_for_session(self, session_id: int) -> list[PromptUse]:
        return [u for u in self._uses if u.session_id == session_id]

    def uses_for_circle(
        self, circle_id: int, *, last_sessions: int | None = None
    ) -> list[tuple[datetime, PromptUse]]:
        wanted = self.of_circle(circle_id, last_sessions)
        return [
            (self.sessions[u.session_id][1], u)
            for sid in wanted
            for u in self.uses_for_session(sid)
        ]

    def import_custom(self, prompts: list[Prompt]) -> list[Prompt]:
        saved_state = (dict(self._custom), self._next)
        try:
            saved = []
            for number, prompt in enumerate(prompts):
                if self.fail_next_import and number == len(prompts) // 2:
                    self.fail_next_import = False
                    raise OSError("simulated failure half-way through an import")
                saved.append(self.save_custom(replace(prompt, prompt_id="")))
            return saved
        except BaseException:
            self._custom, self._next = saved_state
            raise


class MemoryMoodRepository(SessionIndex):
    def __init__(self) -> None:
        super().__init__()
        self._moods: dict[tuple[int, str], MoodCounts] = {}

    def save(self, session_id: int, counts: MoodCounts) -> None:
        self._moods[(session_id, counts.moment)] = counts

    def for_session(self, session_id: int) -> list[MoodCounts]:
        return [c for (sid, _), c in self._moods.items() if sid == session_id]

    def for_circle(self, circle_id: int) -> list[tuple[datetime, MoodCounts]]:
        return [
            (self.sessions[sid][1], counts)
            for sid in reversed(self.of_circle(circle_id))
            for counts in self.for_session(sid)
        ]
