"""What the prompt code needs from storage, as Protocols (``store/`` implements them in SQL).

Matching ``store.prompts`` and ``store.moods`` in ``STORE_API.md``; the in-memory fakes in
:mod:`circlekeeper.prompts.memory` follow the same contract so the library, the drawer and the
UI can be tested (and demoed) without a database.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from circlekeeper.session.prompts import MoodCounts, Prompt, PromptPreferences, PromptUse


class PromptRepository(Protocol):
    def custom_prompts(self) -> list[Prompt]:
        """Every custom prompt, archived ones included."""
        ...

    def save_custom(self, prompt: Prompt) -> Prompt:
        """Insert (``prompt_id == ""`` → a new ``custom:<n>`` id) or update; returns the saved."""
        ...

    def set_archived(self, prompt_id: str, archived: bool) -> None: ...

    def preferences(self) -> PromptPreferences: ...

    def set_favourite(self, prompt_id: str, on: bool) -> None: ...

    def set_hidden(self, prompt_id: str, on: bool) -> None: ...

    def record_use(self, use: PromptUse) -> None: ...

    def uses_for_session(self, session_id: int) -> list[PromptUse]: ...

    def uses_for_circle(
        self, circle_id: int, *, last_sessions: int | None = None
    ) -> list[tuple[datetime, PromptUse]]:
        """Uses in the circle's sessions, each with its session's start time; with
        ``last_sessions`` only the circle's most recent that many sessions count."""
        ...

    def import_custom(self, prompts: list[Prompt]) -> list[Prompt]:
        """Save all of them in one transaction, or none."""
        ...


class MoodRepository(Protocol):
    def save(self, session_id: int, counts: MoodCounts) -> None:
        """Replace that session's counts for ``counts.moment``."""
        ...

    def for_session(self, session_id: int) -> list[MoodCounts]: ...

    def for_circle(self, circle_id: int) -> list[tuple[datetime, MoodCounts]]: ...
