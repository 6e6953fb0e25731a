"""What a one-session summary reads from the store, as protocols both readers satisfy.

:class:`~circlekeeper.store.store.Store` (SQLAlchemy, any database) and
:class:`~circlekeeper.store.file_reader.SessionFileReader` (the standard library's
``sqlite3``, read-only, for a plain database file) both answer these questions with the same
records, so ``commands/report_input.py`` prints from either without knowing which it has.
"""

from __future__ import annotations

from typing import Protocol

from circlekeeper.session import events as ev
from circlekeeper.session.prompts import MoodCounts, PromptUse
from circlekeeper.store.records import CircleRecord, SessionRecord


class SessionsReading(Protocol):
    def get(self, session_id: int) -> SessionRecord: ...

    def entries(self, session_id: int) -> tuple[ev.Entry, ...]: ...


class CirclesReading(Protocol):
    def get(self, circle_id: int) -> CircleRecord: ...


class SettingsReading(Protocol):
    def get(self, key: str, default: str | None = None) -> str | None: ...


class MoodsReading(Protocol):
    def for_session(self, session_id: int) -> list[MoodCounts]: ...


class PromptUsesReading(Protocol):
    def uses_for_session(self, session_id: int) -> list[PromptUse]: ...


class ReportReading(Protocol):
    """Everything a session's summary reads; never notes, never the vault."""

    @property
    def sessions(self) -> SessionsReading: ...

    @property
    def circles(self) -> CirclesReading: ...

    @property
    def settings(self) -> SettingsReading: ...

    @property
    def moods(self) -> MoodsReading: ...

    @property
    def prompts(self) -> PromptUsesReading: ...

    def close(self) -> None: ...
