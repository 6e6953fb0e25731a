"""A live session's journal backed by the store (the ``SessionJournal`` the UI expects).

``append`` returns only after the entry is committed, so the engine applies an event to the
screen only once it is on disk; ``heartbeat`` records that the app is still alive. With a
:class:`Lease` (``store/leases.py``) both name it, so an instance whose circle was taken over
stops writing (:class:`LeaseLost`) instead of interleaving with the new holder.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from circlekeeper.session.events import Entry
from circlekeeper.store.leases import Lease
from circlekeeper.store.store import Store


class StoreJournal:
    def __init__(self, store: Store, session_id: int, lease: Lease | None = None) -> None:
        self._sessions = store.sessions
        self._leases = store.leases
        self.session_id = session_id
        self.lease = lease

    def append(self, entry: Entry) -> None:
        token = self.lease.token if self.lease is not None else None
        self._sessions.append(self.session_id, entry, lease_token=token)

    def append_missing(self, entries: Sequence[Entry]) -> int:
        """Deliver entries kept offline in one transaction, idempotently by seq."""
        token = self.lease.token if self.lease is not None else None
        return self._sessions.append_missing(self.session_id, entries, lease_token=token)

    def entries(self) -> tuple[Entry, ...]:
        return self._sessions.entries(self.session_id)

    def heartbeat(self, wall: datetime, elapsed: float) -> None:
        if self.lease is None:
            self._sessions.heartbeat(self.session_id, wall, elapsed)
        else:
            self._leases.renew(self.lease, wall, elapsed)
