"""The single-writer lock: one running CircleKeeper per database file.

An OS file lock (``flock`` on ``<db>.lock``) rather than a marker file: the operating system
releases it when the process exits or crashes, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from circlekeeper.i18n import _, ngettext
from circlekeeper.store.errors import DatabaseLocked, StoreUnavailable

if sys.platform != "win32":
    import fcntl


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class WriterLock:
    """Held from :meth:`acquire` until :meth:`release` (or the process ends)."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path_for(db_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        try:
            # O_NOFOLLOW: in a shared folder someone could plant ``<db>.lock`` as a link to
            # another file; following it would let us write our pid over that file.
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise StoreUnavailable(
                    _(
                        "The lock file {path} is a symbolic link, not a file CircleKeeper"
                        " made; remove it and open the database again."
                    ).format(path=self.path)
                ) from error
            raise StoreUnavailable(
                _("CircleKeeper cannot create its lock file {path} ({reason}).").format(
                    path=self.path, reason=error.strerror
                )
            ) from error
        try:
            _refuse_foreign(fd, self.path)
        except StoreUnavailable:
            os.close(fd)
            raise
        try:
            _lock(fd)
        except BlockingIOError as error:
            os.close(fd)
            raise DatabaseLocked(self.db_path) from error
        except OSError:
            os.close(fd)
            raise
        # Only our own regular, single-linked file reaches this point, so rewriting it is safe.
        pid = f"{os.getpid()}\n".encode()
        os.pwrite(fd, pid, 0)
        os.ftruncate(fd, len(pid))
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        _unlock(fd)
        os.close(fd)

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def held_elsewhere(db_path: Path) -> bool:
    """Whether another running CircleKeeper holds the lock on ``db_path`` now, asked without
    taking it (nor creating the lock file): the window asks before it shows itself, so a second
    copy says "already open" in a dialog of its own instead of over a window it cannot fill.
    Anything unclear answers ``False``; opening the store then says what is wrong."""
    try:
        fd = os.open(lock_path_for(db_path), os.O_RDWR | _NOFOLLOW)
    except OSError:
        return False
    try:
        _lock(fd)
    except BlockingIOError:
        return True
    except OSError:
        return False
    else:
        _unlock(fd)
        return False
    finally:
        os.close(fd)


def second_copy(url_or_path: str | None) -> DatabaseLocked | None:
    """The refusal to give when another CircleKeeper has this database file open (else
    ``None``): the window asks before it shows itself, since a second main window showed the
    first page's circles, then "already open" over them, and closed."""
    from circlekeeper.store.file_path import plain_file

    path = plain_file(url_or_path)
    return DatabaseLocked(path) if path is not None and held_elsewhere(path) else None


def _refuse_foreign(fd: int, path: Path) -> None:
    """A lock file must be a plain file with one name: a device, a FIFO or a hard link to
    someone's document planted under the lock's name is refused, never written to."""
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        raise StoreUnavailable(
            _(
                "{path} is not a regular file, so CircleKeeper will not use it as its lock file;"
                " remove it and open the database again."
            ).format(path=path)
        )
    if info.st_nlink > 1:
        raise StoreUnavailable(
            ngettext(
                "The lock file {path} is also linked elsewhere ({count} name), so"
                " CircleKeeper will not write to it; remove it and open the database again.",
                "The lock file {path} is also linked elsewhere ({count} names), so"
                " CircleKeeper will not write to it; remove it and open the database again.",
                info.st_nlink,
            ).format(path=path, count=info.st_nlink)
        )


def _lock(fd: int) -> None:
    if sys.platform != "win32":
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    else:  # pragma: no cover - Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as error:
            raise BlockingIOError(str(error)) from error


def _unlock(fd: int) -> None:
    if sys.platform != "win32":
        fcntl.flock(fd, fcntl.LOCK_UN)
    else:  # pragma: no cover - Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
