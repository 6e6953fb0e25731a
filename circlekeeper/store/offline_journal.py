"""A circle never depends on the network: events wait in a local journal until the server answers.

On a PostgreSQL server every event is committed before the screen shows it, as on a file. If
the server stops answering mid-circle (Wi-Fi gone, server restarting), :class:`ResilientJournal`
keeps each event in a local journal file in the data folder instead, written and fsynced
before ``append`` returns (the same promise: on disk before it is shown), and the circle goes
on. At every later event and heartbeat it tries the server again and delivers what waited, in
order; delivery is idempotent by (session, seq): an event the server already has (delivered
just before a crash, say) is checked to be the same and skipped, never stored twice.

The same path keeps a circle whose facilitator's rights the server took away mid-circle (a
``REVOKE`` of the facilitator group, SQLSTATE 42501, or a login refused from then on): the
server answers, but refuses, and every action from then on is kept on the laptop like an
action made offline; ``refused`` says which of the two it is, so the facilitator is told to ask
for the rights back rather than to wait for the network. Restored rights deliver it all.

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

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _, ngettext
from circlekeeper.session import events as ev
from circlekeeper.store.codec import dumps
from circlekeeper.store.errors import (
    AccessRefused,
    DuplicateEvent,
    LoginRefused,
    ServerUnreachable,
    StoreError,
)
from circlekeeper.store.journal import StoreJournal

log = logging.getLogger(__name__)

KEPT_BACK = (ServerUnreachable, AccessRefused)
"""What keeps an event on the laptop: a server that does not answer, or one that refuses this
role the write (its rights revoked mid-circle). Both may pass; neither may lose the circle."""


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
        self._shareable_path.unlink(missing_ok=True)

    @property
    def _shareable_path(self) -> Path:
        return self.path.with_suffix(".shareable.txt")

    def keep_shareable(self, text: str) -> None:
        """The circle's shareable summary, typed after it ended while its end waited here
        (0600, fsynced like the events); stored with the session when they are delivered."""
        self.path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
        fd = os.open(
            self._shareable_path,
            os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW,
            0o600,
        )
        try:
            os.write(fd, text.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)

    def shareable(self) -> str | None:
        """The shareable summary kept with the events, if one was."""
        try:
            return self._shareable_path.read_text("utf-8")
        except FileNotFoundError:
            return None


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
        self.refused: str | None = None
        """The server's refusal, in words, when the last attempt was refused rather than
        unanswered (the rights were revoked, the login is refused); ``None`` otherwise."""

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
        except KEPT_BACK as failure:
            self._note(failure)
            self._keep(entry)
        else:
            self.refused = None

    def heartbeat(self, wall: datetime, elapsed: float) -> None:
        if self._pending and not self.deliver():
            return
        try:
            self._store.heartbeat(wall, elapsed)
        except KEPT_BACK as failure:
            self._note(failure)
            log.info("Server unreachable or refusing; heartbeat skipped")

    def deliver(self) -> bool:
        """Send what waited, in order and in one transaction; True when nothing waits.

        Idempotent by (session, seq): events the server already has (sent just before a
        crash) are checked to be the same and skipped, never stored twice.
        """
        if not self._pending:
            return True
        try:
            self._store.append_missing(self._pending)
        except KEPT_BACK as failure:
            self._note(failure)
            return False
        except DuplicateEvent as clash:
            raise StoreError(
                _(
                    "Event {seq} of session {session} on the server differs from the one kept"
                    " offline; the offline copy stays in {path} and nothing was overwritten."
                ).format(seq=clash.seq, session=self.session_id, path=self._local.path)
            ) from None
        delivered = len(self._pending)
        self.refused = None
        self._pending.clear()
        self._local.clear()
        log.info("%d events kept offline were delivered to the server", delivered)
        return True

    def _note(self, failure: StoreError) -> None:
        """Remember whether the server refused (rights gone) or did not answer."""
        refused = isinstance(failure, (AccessRefused, LoginRefused))
        self.refused = str(failure) if refused else None

    def _keep(self, entry: ev.Entry) -> None:
        self._local.add(entry)
        if not self._pending:
            log.warning("The server does not answer; events are kept on this computer")
        self._pending.append(entry)


def waiting_for(folder: Path, database: str) -> int:
    """How many events of this database's circles wait in journals on this computer."""
    tag = hashlib.sha256(database.encode("utf-8")).hexdigest()[:12]
    return sum(len(LocalJournal(path).entries()) for path in folder.glob(f"journal-*-{tag}.jsonl"))


def still_kept(folder: Path, database: str) -> str | None:
    """A sentence for a start-up the server refused while circles' actions wait on this
    computer (the rights are not back yet): they are safe and where, and what sends them;
    ``None`` when nothing waits."""
    waiting = waiting_for(folder, database)
    if not waiting:
        return None
    return ngettext(
        "{count} action of a circle is still kept safely on this computer ({folder}); it is"
        " sent to the server the next time CircleKeeper opens there with your rights back."
        " Do not delete that folder.",
        "{count} actions of circles are still kept safely on this computer ({folder}); they"
        " are sent to the server the next time CircleKeeper opens there with your rights back."
        " Do not delete that folder.",
        waiting,
    ).format(count=waiting, folder=folder)


def kept_back_said(error: UserFacingError, database: str | None) -> UserFacingError:
    """``error`` (the server refused a start-up: rights revoked, login refused, server away)
    with the sentence about the circles' actions still kept on this computer, if any; the
    same error when nothing waits or the database is a file."""
    from circlekeeper.store.file_path import default_path
    from circlekeeper.store.location import resolve

    try:
        location = resolve(database)
    except UserFacingError:
        return error
    if location.is_sqlite:
        return error
    where = location.url.render_as_string(hide_password=True)
    said = still_kept(default_path().parent / "offline", where)
    if said is None:
        return error
    error.args = (f"{error} {said}",)
    return error
