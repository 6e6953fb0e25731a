"""One session's summary read from a SQLite file with the standard library's ``sqlite3``.

``circlekeeper export ID -o x.pdf`` is the commonest command an organization scripts. Through
:func:`~circlekeeper.store.store.open_store` it spent most of its time importing SQLAlchemy
(about three times what reportlab needs to draw the page) to run five small ``SELECT``s. For a
database *file* (the default), this reader runs the same queries through ``sqlite3``, which is
already loaded, and hands back the very records the repositories do (a test compares them).

It is as careful as ``open_store(read_only=True)``: nothing is created or changed (``mode=ro``,
``query_only``; ``immutable`` on read-only media), a damaged file, another program's file and
a schema not at head are refused with the same sentences, and every read happens in one
transaction, so a circle the app is running at the same moment cannot tear the summary.
Server URLs, and everything that writes, stay with SQLAlchemy.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.session.prompts import MoodCounts, PromptUse
from circlekeeper.store import codec
from circlekeeper.store.backups import BackupService, quick_check
from circlekeeper.store.errors import (
    DatabaseCorrupted,
    RecordNotFound,
    StoreError,
    StoreUnavailable,
)
from circlekeeper.store.failures import translate
from circlekeeper.store.file_path import another_programs, existing_size, missing_database
from circlekeeper.store.interrupted_save import check_for_reading
from circlekeeper.store.read_only_media import read_uri, refuse_unfolded_changes
from circlekeeper.store.records import CircleRecord, SessionRecord
from circlekeeper.store.schema_version import require_head_revision

BUSY_TIMEOUT_MS = 5000

_SESSION_COLUMNS = (
    "s.id, s.circle_id, c.name, s.facilitators_json, s.co_facilitators_json, s.plan_json,"
    " s.started_at, s.ended_at, s.timezone, s.status, s.shareable, s.heartbeat_wall,"
    " s.heartbeat_elapsed, s.event_count, s.present_count, s.duration_seconds, s.fairness"
)


def open_file_reader(path: Path) -> SessionFileReader:
    """A read-only reader of the CircleKeeper database file at ``path``.

    Raises :class:`StoreUnavailable` (missing file, another program's, schema not at head, a
    save cut off by a crash it cannot finish) or :class:`DatabaseCorrupted`, as
    ``open_store(path, read_only=True)`` does.
    """
    if not existing_size(path):
        raise StoreUnavailable(missing_database(path))
    refuse_unfolded_changes(path)
    report, notices = check_for_reading(path, quick_check)
    if not report.ok:
        raise DatabaseCorrupted(path, report.problems[0], BackupService(path).newest_good())
    try:
        connection = sqlite3.connect(read_uri(path), uri=True, isolation_level=None)
    except sqlite3.Error as error:
        raise _translated(error, path) from error
    reader = SessionFileReader(connection, path)
    reader.notices = notices
    try:
        reader.begin()
    except BaseException:
        reader.close()
        raise
    return reader


class SessionFileReader:
    """The :class:`~circlekeeper.store.report_reading.ReportReading` of a SQLite file.

    Attribute names mirror :class:`~circlekeeper.store.store.Store` (``sessions.get``,
    ``circles.get``, ``settings.get`` …), so a summary is read the same way from either.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._connection = connection
        self.path = path
        self.sessions = _Sessions(self)
        self.circles = _Circles(self)
        self.settings = _Settings(self)
        self.moods = _Moods(self)
        self.prompts = _PromptUses(self)
        self.notices: tuple[str, ...] = ()
        """What opening had to say (an interrupted save it finished), as ``Store.notices``."""
        self._closed = False

    def begin(self) -> None:
        """Pragmas, the one read transaction, and the schema check."""
        self.rows(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.rows("PRAGMA query_only = ON")
        self.rows("BEGIN")
        tables = {str(name) for (name,) in self.rows("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            raise StoreUnavailable(another_programs(self.path))
        found = self.rows("SELECT version_num FROM alembic_version")
        require_head_revision(str(found[0][0]) if found else None, str(self.path))

    def rows(self, sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
        """All rows of one statement; SQLite's failures become our sentences."""
        try:
            return self._connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise _translated(error, self.path) from error

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._connection.close()  # ends the read transaction; nothing was written

    def __enter__(self) -> SessionFileReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Sessions:
    def __init__(self, reader: SessionFileReader) -> None:
        self._reader = reader

    def get(self, session_id: int) -> SessionRecord:
        found = self._reader.rows(
            f"SELECT {_SESSION_COLUMNS} FROM sessions s LEFT JOIN circles c"
            " ON c.id = s.circle_id WHERE s.id = ?",
            session_id,
        )
        if not found:
            raise RecordNotFound(_("There is no session with id {id}.").format(id=session_id))
        (
            sid,
            circle_id,
            circle_name,
            facilitators,
            co_facilitators,
            plan,
            started,
            ended,
            timezone,
            status,
            shareable,
            heartbeat_wall,
            heartbeat_elapsed,
            events,
            present,
            duration,
            fairness,
        ) = found[0]
        return SessionRecord(
            session_id=sid,
            circle_id=circle_id,
            circle_name=circle_name or "",
            facilitators=codec.texts_from_json(facilitators),
            co_facilitators=codec.texts_from_json(co_facilitators),
            plan=codec.plan_from_json(plan),
            started_at=_utc(started),
            ended_at=_utc_or_none(ended),
            timezone=timezone,
            status=status,
            shareable=shareable,
            last_heartbeat_wall=_utc_or_none(heartbeat_wall),
            last_heartbeat_elapsed=heartbeat_elapsed,
            events=events,
            present_count=present,
            duration_seconds=duration,
            fairness=fairness,
        )

    def entries(self, session_id: int) -> tuple[ev.Entry, ...]:
        """The log in sequence order, rebuilt into domain entries."""
        entries = []
        for seq, kind, payload, wall, elapsed in self._reader.rows(
            "SELECT seq, kind, payload, wall, elapsed FROM events WHERE session_id = ?"
            " ORDER BY seq",
            session_id,
        ):
            try:
                event = ev.from_payload(kind, json.loads(payload))
            except (ValueError, ev.MalformedEvent) as error:
                raise StoreError(
                    _(
                        "Event {number} of session {session} cannot be read ({error}); run"
                        " circlekeeper check, and restore a backup if it reports damage."
                    ).format(number=seq, session=session_id, error=error)
                ) from error
            entries.append(ev.Entry(seq=seq, elapsed=elapsed, wall=_utc(wall), event=event))
        return tuple(entries)


class _Circles:
    def __init__(self, reader: SessionFileReader) -> None:
        self._reader = reader

    def get(self, circle_id: int) -> CircleRecord:
        found = self._reader.rows(
            f"SELECT {codec.CIRCLE_COLUMNS} FROM circles WHERE id = ?", circle_id
        )
        if not found:
            raise RecordNotFound(_("There is no circle with id {id}.").format(id=circle_id))
        return codec.circle_from_row(found[0])


class _Settings:
    def __init__(self, reader: SessionFileReader) -> None:
        self._reader = reader

    def get(self, key: str, default: str | None = None) -> str | None:
        found = self._reader.rows("SELECT value FROM settings WHERE key = ?", key)
        return default if not found else found[0][0]


class _Moods:
    def __init__(self, reader: SessionFileReader) -> None:
        self._reader = reader

    def for_session(self, session_id: int) -> list[MoodCounts]:
        rows = self._reader.rows(
            "SELECT moment, counts_json FROM moods WHERE session_id = ? ORDER BY moment",
            session_id,
        )
        counts = []
        for moment, text in rows:
            raw = codec.loads(text, {})
            counts.append(MoodCounts(moment, {int(k): int(v) for k, v in raw.items()}))
        return counts


class _PromptUses:
    def __init__(self, reader: SessionFileReader) -> None:
        self._reader = reader

    def uses_for_session(self, session_id: int) -> list[PromptUse]:
        rows = self._reader.rows(
            "SELECT session_id, round_index, text, prompt_id, person_id, used_at"
            " FROM prompt_uses WHERE session_id = ? ORDER BY round_index, id",
            session_id,
        )
        return [
            PromptUse(sid, index, text, prompt_id, person_id, _utc_or_none(used))
            for sid, index, text, prompt_id, person_id, used in rows
        ]


def _utc(stored: str) -> datetime:
    """A stored time (UTC without an offset, as SQLAlchemy writes it) as aware UTC."""
    moment = datetime.fromisoformat(stored)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _utc_or_none(stored: str | None) -> datetime | None:
    return None if stored is None else _utc(stored)


def _translated(error: sqlite3.Error, path: Path) -> StoreError:
    return translate(error, path) or StoreUnavailable(
        _("CircleKeeper could not open the database {path} ({reason}).").format(
            path=path,
            reason=str(error).splitlines()[0][:200] if str(error) else type(error).__name__,
        )
    )
