"""A live session's journal backed by the store (the ``SessionJournal`` the UI expects).

``append`` returns only after the entry is committed, so the engine applies an event to the
screen only once it is on disk; ``heartbeat`` records that the app is still alive.
"""

from __future__ import annotations

from datetime import datetime

from circlekeeper.session.events import Entry
from circlekeeper.store.store import Store


class StoreJournal:
    def __init__(self, store: Store, session_id: int) -> None:
        self._sessions = store.sessions
        self.session_id = session_id

    def append(self, entry: Entry) -> None:
        self._sessions.append(self.session_id, entry)

    def heartbeat(self, wall: datetime, elapsed: float) -> None:
        self._sessions.heartbeat(self.session_id, wall, elapsed)
