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

from circlekeeper.i18n import _
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
        except ServerUnreachable:
            self._keep(entry)

    def heartbeat(self, wall: datetime, elapsed: float) -> None:
        if self._pending and not self.deliver():
            return
        try:
            self._store.heartbeat(wall, elapsed)
        except ServerUnreachable:
            log.info("Server unreachable; heartbeat skipped")

    def deliver(self) -> bool:
        """Send what waited, in order and in one transaction; True when nothing waits.

        Idempotent by (session, seq): events the server already has (sent just before a
        crash) are checked to be the same and skipped, never stored twice.
        """
        if not self._pending:
            return True
        try:
            self._store.append_missing(self._pending)
        except ServerUnreachable:
            return False
        except DuplicateEvent as clash:
            raise StoreError(
                _(
                    "Event {seq} of session {session} on the server differs from the one kept"
                    " offline; the offline copy stays in {path} and nothing was overwritten."
                ).format(seq=clash.seq, session=self.session_id, path=self._local.path)
            ) from None
        delivered = len(self._pending)
        self._pending.clear()
        self._local.clear()
        log.info("%d events kept offline were delivered to the server", delivered)
        return True

    def _keep(self, entry: ev.Entry) -> None:
        self._local.add(entry)
        if not self._pending:
            log.warning("The server does not answer; events are kept on this computer")
        self._pending.append(entry)
