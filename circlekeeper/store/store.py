"""``open_store()``: the one way into the database, and the :class:`Store` it returns.

Opening a SQLite file takes the single-writer lock, quick-checks an existing file (a damaged
one is refused, never touched), migrates the schema after a backup copy, and makes the day's
backup. The repositories hang off the store; each operation is its own short transaction.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from circlekeeper.i18n import _
from circlekeeper.store import migrate
from circlekeeper.store.backups import BackupService, quick_check, table_names
from circlekeeper.store.circles import CircleRepository
from circlekeeper.store.database import make_engine
from circlekeeper.store.errors import DatabaseCorrupted, StoreError, StoreUnavailable
from circlekeeper.store.file_modes import prepare_file
from circlekeeper.store.file_path import another_programs, existing_size, missing_database
from circlekeeper.store.interrupted_save import check_for_reading
from circlekeeper.store.leases import LeaseRepository, facilitator_identity
from circlekeeper.store.location import DatabaseLocation, resolve
from circlekeeper.store.lock import WriterLock
from circlekeeper.store.moods import MoodRepository
from circlekeeper.store.notes import NoteRepository
from circlekeeper.store.people import PersonRepository
from circlekeeper.store.prompts import PromptRepository
from circlekeeper.store.read_only_media import (
    on_read_only_medium,
    read_only_notice,
    refuse_unfolded_changes,
)
from circlekeeper.store.sessions.repository import SessionRepository
from circlekeeper.store.settings import SettingsRepository
from circlekeeper.store.vault_header import VaultHeaderRepository

log = logging.getLogger(__name__)


class Store:
    """An open database: its repositories, its backups, and the lock while it is open."""

    def __init__(
        self,
        engine: Engine,
        location: DatabaseLocation,
        *,
        lock: WriterLock | None = None,
        keep_backups: int = 10,
        read_only: bool = False,
    ) -> None:
        self.engine = engine
        """For store-side queries (history); never hand ORM rows or the engine to the UI."""
        self.location = location
        self._lock = lock
        self.identity = facilitator_identity(engine)
        """The facilitator writing: the PostgreSQL login role, ``local`` on a SQLite file."""
        self.circles = CircleRepository(engine)
        self.people = PersonRepository(engine)
        self.sessions = SessionRepository(
            engine, owner=self.identity, path=None if read_only else location.path
        )
        self.leases = LeaseRepository(engine, self.identity, exclusive=lock is not None)
        self.notes = NoteRepository(engine, self.identity, None if read_only else location.path)
        self.vault_header = VaultHeaderRepository(engine, self.identity)
        self.prompts = PromptRepository(engine)
        self.moods = MoodRepository(engine)
        self.settings = SettingsRepository(
            engine, owner=None if location.is_sqlite else self.identity
        )
        self.backups = BackupService(location.path, keep=keep_backups)
        self.read_only = read_only
        """Opened with ``read_only=True``: no lock held, and every write is refused."""
        self.notices: tuple[str, ...] = ()
        """Sentences for the facilitator about how the database was opened (today's backup
        failed, the folder is read-only); the window shows them and commands print them."""
        self._closed = False

    @property
    def path(self) -> Path | None:
        """The SQLite file, or ``None`` for in-memory and server databases."""
        return self.location.path

    def close(self) -> None:
        """Close every connection (SQLite folds the WAL back in) and release the lock."""
        if self._closed:
            return
        self._closed = True
        try:
            self.engine.dispose()
        finally:
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(
    url_or_path: str | os.PathLike[str] | None = None,
    *,
    keep_backups: int = 10,
    read_only: bool = False,
) -> Store:
    """Open (creating and migrating when needed) the database named by ``url_or_path``,
    else ``$CIRCLEKEEPER_DB``, else ``circlekeeper.sqlite3`` in the user data folder.

    ``read_only=True`` is for commands that only read (exports, reports, listings), so they
    work while a facilitator has the app open: no writer lock, no migration, no backup, and a
    connection that cannot write (see :func:`open_read_only`).

    Raises :class:`DatabaseLocked`, :class:`DatabaseCorrupted` or :class:`StoreUnavailable`.
    """
    location = resolve(url_or_path)
    if read_only:
        return open_read_only(location, keep_backups=keep_backups)
    if location.path is None:
        return _open_without_file(location, keep_backups)
    path = location.path
    try:
        path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    except OSError as error:
        raise StoreUnavailable(
            _("CircleKeeper cannot create the folder {folder} ({reason}).").format(
                folder=path.parent, reason=error.strerror
            )
        ) from error
    if existing_size(path) and on_read_only_medium(path):
        # A locked USB stick or a read-only share: read it as it is, and say so.
        store = open_read_only(location, keep_backups=keep_backups)
        store.notices = (read_only_notice(path),)
        return store
    lock = WriterLock(path)
    lock.acquire()
    engine: Engine | None = None
    try:
        backups = BackupService(path, keep=keep_backups)
        if path.exists() and path.stat().st_size > 0:
            report = quick_check(path, as_writer=True)
            if not report.ok:
                raise DatabaseCorrupted(path, report.problems[0], backups.newest_good())
            tables = table_names(path)
            if tables and "alembic_version" not in tables:
                raise StoreUnavailable(another_programs(path))
        prepare_file(path)
        _migrate_file(location, backups)
        engine = make_engine(location)
        store = Store(engine, location, lock=lock, keep_backups=keep_backups)
        if not backups.made_today("daily"):
            store.notices = _daily_backup(backups)
        return store
    except StoreError:
        _abandon(engine, lock)
        raise
    except (OSError, SQLAlchemyError, sqlite3.Error) as error:
        _abandon(engine, lock)
        raise StoreUnavailable(
            _("CircleKeeper could not open the database {path} ({reason}).").format(
                path=path, reason=_first_line(error)
            )
        ) from error
    except BaseException:
        _abandon(engine, lock)
        raise


def open_read_only(location: DatabaseLocation, *, keep_backups: int = 10) -> Store:
    """A store that reads beside a running writer and never changes the database.

    Nothing is created: a missing file is refused rather than made. A damaged file, another
    program's file, and a schema that is not at head (only the app migrates, after a backup)
    are refused with a sentence saying what to do. SQLite files open with ``mode=ro`` and
    ``query_only=ON``; in WAL mode readers never wait for the writer, nor it for them. A save
    a crash cut off is finished first, under the writer lock (:mod:`.interrupted_save`).
    """
    path = location.path
    where = str(path) if path is not None else location.url.render_as_string(hide_password=True)
    notices: tuple[str, ...] = ()
    if path is not None:
        if not existing_size(path):
            raise StoreUnavailable(missing_database(path))
        refuse_unfolded_changes(path)
        report, notices = check_for_reading(path, quick_check)
        if not report.ok:
            raise DatabaseCorrupted(
                path, report.problems[0], BackupService(path, keep=keep_backups).newest_good()
            )
        if "alembic_version" not in table_names(path):
            raise StoreUnavailable(another_programs(path))
    engine = _engine_or_unavailable(location, where, read_only=True)
    try:
        migrate.require_head(engine, where)
    except StoreError:
        engine.dispose()
        raise
    except (OSError, SQLAlchemyError) as error:
        engine.dispose()
        raise StoreUnavailable(
            _("CircleKeeper could not read the database {where} ({reason}).").format(
                where=where, reason=_first_line(error)
            )
        ) from error
    store = Store(engine, location, keep_backups=keep_backups, read_only=True)
    store.notices = notices  # an interrupted save this reader finished, said once
    return store


def _engine_or_unavailable(location: DatabaseLocation, where: str, *, read_only: bool) -> Engine:
    """``make_engine``, with a missing database driver (psycopg, …) said in one sentence."""
    try:
        return make_engine(location, read_only=read_only)
    except ImportError as error:
        module = error.name or "psycopg"
        package = DRIVER_PACKAGES.get(module.split(".")[0], module)
        raise StoreUnavailable(
            _(
                "The database {where} needs the Python database driver “{module}”, which is not"
                " installed; install it (pip install {package}) or use a database file with"
                " --db."
            ).format(where=where, module=module, package=package)
        ) from error


DRIVER_PACKAGES = {"psycopg": "'circlekeeper[postgres]'"}
"""What to install for a missing driver, where it is not simply the module's name."""


def _daily_backup(backups: BackupService) -> tuple[str, ...]:
    """Today's backup, or the sentence saying why there is none: a full disk or an unwritable
    backups folder must not keep a healthy database from opening."""
    try:
        backups.backup("daily")
    except (OSError, sqlite3.Error, StoreError) as error:
        log.info("Today's backup could not be made: %s", _first_line(error))
        return (
            _(
                "Today's backup could not be made ({reason}). The database opened normally;"
                " free some space where the backups live ({folder}) so tomorrow's can be made."
            ).format(reason=_first_line(error), folder=backups.directory),
        )
    return ()


def _migrate_file(location: DatabaseLocation, backups: BackupService) -> None:
    # Foreign keys off while alembic batch-copies tables; the upgrade checks them before commit.
    migration_engine = make_engine(location, foreign_keys=False)
    try:
        needed, has_tables = migrate.needs_upgrade(migration_engine)
        if needed:
            if has_tables:
                backups.backup("before-migration")
            migrate.upgrade(migration_engine)
    finally:
        migration_engine.dispose()


def _open_without_file(location: DatabaseLocation, keep_backups: int) -> Store:
    where = location.url.render_as_string(hide_password=True)
    engine = _engine_or_unavailable(location, where, read_only=False)
    try:
        needed, _revision = migrate.needs_upgrade(engine)
        if needed:
            migrate.upgrade(engine)
    except StoreError:
        engine.dispose()
        raise
    except SQLAlchemyError as error:  # the server answered, but the schema could not be set up
        engine.dispose()
        raise StoreUnavailable(
            _(
                "CircleKeeper could not set up its tables in the database {where} ({reason})."
            ).format(where=where, reason=_first_line(error))
        ) from error
    return Store(engine, location, keep_backups=keep_backups)


def _abandon(engine: Engine | None, lock: WriterLock) -> None:
    if engine is not None:
        engine.dispose()
    lock.release()


def _first_line(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0][:200] if text else type(error).__name__
