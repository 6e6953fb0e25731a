"""Where a live circle's log goes, and what happens when it cannot go there.

The engine hands every entry to a sink before it applies it. In a live circle that sink is a
:class:`JournalKeeper` over the store's journal, and its policy is that a failing store must
not stop the circle: the first failure is said once, in words, the circle carries on in memory,
and every entry from then on is kept so the log can still be saved elsewhere. Heartbeats stop
with the first failure too.

A full disk is often freed while the circle goes on (someone empties the Downloads folder).
So the kept entries are offered to the journal again, in order, every ``RETRY_SECONDS`` of the
circle's clock (:meth:`JournalKeeper.retry`, called from the live clock's tick); once it takes
them all, storing carries on as before, heartbeats too, and ``on_recovered`` hears how many
were saved. Qt plays no part here; the live controller turns the callbacks into signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _
from circlekeeper.session import events as ev

log = logging.getLogger(__name__)

RETRY_SECONDS = 20.0
"""How often a failed store is tried again: often enough that a freed disk is noticed within
a turn, rarely enough that a still-full one costs nothing a facilitator could feel."""


class SessionJournal(Protocol):
    """Where a live session's log goes: the store, or anything that commits durably."""

    def append(self, entry: ev.Entry) -> None: ...

    def heartbeat(self, wall: datetime, elapsed: float) -> None: ...


class JournalKeeper:
    """The engine's sink for one live circle: the journal while it works, memory after.

    ``on_failed`` hears the facilitator's sentence once, when storing first fails;
    ``on_offline`` hears how many events wait for the server each time that number, or the
    reason they wait, changes (a journal that keeps events offline has ``pending``, and
    ``refused`` when the server refused them rather than did not answer; others never wait).
    """

    def __init__(
        self,
        journal: SessionJournal | None,
        *,
        on_failed: Callable[[str], None],
        on_offline: Callable[[int], None],
        on_recovered: Callable[[int], None] = lambda _saved: None,
    ) -> None:
        self._journal = journal
        self._on_failed = on_failed
        self._on_offline = on_offline
        self._on_recovered = on_recovered
        self._failed_at: float | None = None
        """The circle clock's moment of the failure or of the last retry (``retry``)."""
        self.error: str | None = None
        """The sentence said when storing failed; ``None`` while everything is stored."""
        self.unsaved: list[ev.Entry] = []
        """Entries the journal did not take, in order (empty while it takes them all)."""
        self._offline_pending = 0
        self.refused: str | None = None
        """The server's refusal while events wait because it refused them (the facilitator's
        rights revoked mid-circle); ``None`` while they only wait for the network."""

    @property
    def beating(self) -> bool:
        """Whether heartbeats go anywhere: there is a journal and it has not failed."""
        return self._journal is not None and self.error is None

    def persist(self, entry: ev.Entry) -> None:
        """The engine's sink. A failing store must not stop the circle: keep going in memory,
        tell the facilitator once, and keep every entry so the log can be saved elsewhere."""
        if self._journal is not None and self.error is None:
            try:
                self._journal.append(entry)
                self._notice_offline()
                return
            except Exception as error:  # any storage failure: disk full, file gone, locked
                log.exception("Could not store event %s", entry.seq)
                self.error = storage_message(error)
                self.unsaved.append(entry)
                self._on_failed(self.error)
                return
        if self._journal is not None:
            self.unsaved.append(entry)

    def heartbeat(self, wall: datetime, elapsed: float) -> None:
        """Say the app is alive at this moment; a failure counts as the store failing."""
        if self._journal is None or self.error is not None:
            return
        try:
            self._journal.heartbeat(wall, elapsed)
            self._notice_offline()
        except Exception as error:
            log.exception("Could not write the heartbeat")
            self.error = storage_message(error)
            self._on_failed(self.error)

    def retry(self, now: float) -> bool:
        """After a failure, offer the kept entries to the journal again, oldest first, at most
        every ``RETRY_SECONDS`` of ``now`` (the circle's monotonic clock). Returns whether
        everything is stored; the first entry it still refuses stops the try, and the rest
        wait for the next one."""
        if self._journal is None or self.error is None:
            return self.error is None
        if self._failed_at is None:
            self._failed_at = now  # the failure's moment: the first retry waits its interval
            return False
        if now - self._failed_at < RETRY_SECONDS:
            return False
        self._failed_at = now
        saved = 0
        while self.unsaved:
            try:
                self._journal.append(self.unsaved[0])
            except Exception as error:
                log.info("The store still refuses event %s: %s", self.unsaved[0].seq, error)
                return False
            del self.unsaved[0]
            saved += 1
        self.error = None
        self._failed_at = None
        log.info("The store takes the circle's events again (%d saved)", saved)
        self._on_recovered(saved)
        self._notice_offline()
        return True

    @property
    def waiting(self) -> int:
        """Events kept on this computer for the server (0: everything is on it)."""
        return self._offline_pending

    def deliver(self) -> bool:
        """Send what waits for the server now (a journal that keeps events offline has
        ``deliver``); True when nothing waits. Raises what the journal raises."""
        deliver = getattr(self._journal, "deliver", None)
        delivered = True if deliver is None else bool(deliver())
        self._notice_offline()
        return delivered

    def _notice_offline(self) -> None:
        pending = int(getattr(self._journal, "pending", 0))
        refused = getattr(self._journal, "refused", None)
        if pending != self._offline_pending or refused != self.refused:
            self._offline_pending = pending
            self.refused = refused
            self._on_offline(pending)


def storage_message(error: Exception) -> str:
    """The facilitator's sentence for a store that stopped taking the circle's log.

    The store's own sentences ("The disk holding the database … is full, so the last change
    was not saved …") stand as they are, before what it means for the circle: in brackets
    they read as "(… Free some space and try again.). It carries on …"."""
    if isinstance(error, UserFacingError):
        return _(
            "{reason} The circle carries on in memory; save a copy elsewhere before closing."
        ).format(reason=str(error).strip())
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return _(
        "The circle can no longer be saved to the database ({detail}). It carries on in"
        " memory; save a copy elsewhere before closing."
    ).format(detail=detail[:200])
