"""A circle never depends on the network: events wait in a local journal until the server answers.

On a PostgreSQL server every event is committed before the screen shows it, as on a file. If
the server stops answering mid-circle (Wi-Fi gone, server restarting), :class:`ResilientJournal`
keeps each event in a local journal file in the data folder instead, written and fsynced
before ``append`` returns (the same promise: on disk before it is shown), and the circle goes
on. At every later event and heartbeat it tries the server again and delivers what waited, in
order; delivery is idempotent by (session, seq): an event the server already has (delivered
just before a crash, say) is checked to be the same and skipped, never stored twice.

The journal file is one JSON line per event (``journal-<session>-<database>.jsonl``, 0600 in a
0700 folder); it is removed once everything in it is on the server, and read again at the next
start if the app stopped while offline.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from datetime import datetime
from pathlib import Path

from circlekeeper.session import events as ev
from circlekeeper.store.codec import dumps
from circlekeeper.store.errors import DuplicateEvent, ServerUnreachable, StoreError
from circlekeeper.store.journal import StoreJournal

log = logging.getLogger(__name__)


class LocalJournal:
    """Events in an append-only, fsynced file; read back in order."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def add(self, entry: ev.Entry) -> None:
        self.path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
        line = dumps(
            {
                "seq": entry.seq,
                "elapsed": entry.elapsed,
                "wall": entry.wall.isoformat(),
                "kind": entry.event.kind,
                "payload": ev.to_payload(entry.event),
            }
        )
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        try:
            os.write(fd, (line + "\n").encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)

    def entries(self) -> list[ev.Entry]:
        try:
            text = self.path.read_text("utf-8")
        except FileNotFoundError:
            return []
        found = []
        for line in text.splitlines():
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                found.append(
                    ev.Entry(
                        seq=int(item["seq"]),
                        elapsed=float(item["elapsed"]),
                        wall=datetime.fromisoformat(item["wall"]),
                        event=ev.from_payload(item["kind"], item["payload"]),
                    )
                )
            except (ValueError, KeyError, TypeError, ev.MalformedEvent):
                # A line cut short by a crash mid-write: it was never shown, so never promised.
                log.warning("Skipped an unreadable line in the offline journal %s", self.path)
        return found

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


def journal_path(folder: Path, database: str, session_id: int) -> Path:
    """One file per session and database (a hash of the URL, never the URL itself)."""
    tag = hashlib.sha256(database.encode("utf-8")).hexdigest()[:12]
    return folder / f"journal-{session_id}-{tag}.jsonl"


class ResilientJournal:
    """The ``SessionJournal`` for a server: the store when it answers, the local file when not."""

    def __init__(self, store_journal: StoreJournal, local: LocalJournal) -> None:
        self._store = store_journal
        self._local = local
        self._pending: list[ev.Entry] = local.entries()

    @property
    def session_id(self) -> int:
        return self._store.session_id

    @property
    def pending(self) -> int:
        """Events kept on this computer that the server does not have yet."""
        return len(self._pending)

    def append(self, entry: ev.Entry) -> None:
        if self._pending and not self.deliver():
            self._keep(entry)
            return
        try:
            self._store.append(entry)
        except ServerUnreachable as error:
            log.warning("Server unreachable; event %d kept locally (%s)", entry.seq, error)
            self._keep(entry)

    def heartbeat(self, wall: datetime, elapsed: float) -> None:
        if self._pending and not self.deliver():
            return
        try:
            self._store.heartbeat(wall, elapsed)
        except ServerUnreachable:
            log.info("Server unreachable; heartbeat skipped")

    def deliver(self) -> bool:
        """Send what waited, in order; True when nothing waits any more."""
        while self._pending:
            entry = self._pending[0]
            try:
                self._store.append(entry)
            except ServerUnreachable:
                return False
            except DuplicateEvent:
                self._check_same(entry)  # delivered before a crash: fine if it is the same
            self._pending.pop(0)
        self._local.clear()
        log.info("Offline events delivered to the server")
        return True

    def _keep(self, entry: ev.Entry) -> None:
        self._local.add(entry)
        self._pending.append(entry)

    def _check_same(self, entry: ev.Entry) -> None:
        stored = {e.seq: e for e in self._store.entries()}.get(entry.seq)
        if stored is None or stored.event != entry.event:
            raise StoreError(
                f"Event {entry.seq} of session {self.session_id} on the server differs from the"
                " one kept offline; the offline copy was kept in"
                f" {self._local.path} and nothing was overwritten."
            )
