"""Errors the store raises that a person can act on.

Each message is a full sentence for a facilitator: the CLI prints it as one line, the GUI shows
it in a dialog. Programming errors (a bad argument type, an ORM mistake) keep their tracebacks.
"""

from __future__ import annotations

from pathlib import Path

from circlekeeper.errors import ConnectionLost, UserFacingError
from circlekeeper.i18n import _


class StoreError(UserFacingError):
    """Base of every storage problem a person can act on."""


class StoreUnavailable(StoreError):
    """The database cannot be reached or opened (bad URL, no permission, disk gone)."""


class ServerUnreachable(StoreUnavailable, ConnectionLost):
    """The database server did not answer (down, restarting, network gone): worth retrying."""


class LoginRefused(ServerUnreachable):
    """The server answered but refused this login (password, role, database name): the
    server is running, so the message sends the person to their credentials instead. Still
    :class:`ServerUnreachable`, so a live circle keeps its events on the laptop meanwhile."""


class AccessRefused(StoreUnavailable):
    """The server answered and refused this role the change (SQLSTATE 42501: a missing grant,
    a row-level security policy, or the facilitator rights revoked mid-circle). Not worth
    retrying at once, but a live circle keeps its events on the laptop meanwhile, as when the
    server is away: the rights may come back (``store/offline_journal.py``)."""


class NotYourSession(StoreError):
    """Another facilitator's session on a shared server: only its owner may delete it
    (row-level security, migration 0005); nothing was changed."""


class InterruptedSave(StoreUnavailable):
    """A save was cut off by a crash and this process cannot finish undoing it now (the app
    holds the file, or its folder is read-only); never called damage."""


class DatabaseLocked(StoreError):
    """Another running copy of CircleKeeper already writes this database file."""

    exit_code = 3

    def __init__(self, path: Path, *, command: str | None = None) -> None:
        self.path = path
        self.command = command
        if command is None:
            message = _(
                "CircleKeeper is already open on this database ({path}). Close the other"
                " window first, or open a different database with --db."
            ).format(path=path)
        else:  # a writing sub-command: say what to do and what to run again
            message = _(
                "CircleKeeper is open on this database ({path}); close it first, then run"
                " circlekeeper {command} again."
            ).format(path=path, command=command)
        super().__init__(message)


class DatabaseCorrupted(StoreError):
    """The file is damaged or is not a CircleKeeper database; it is left exactly as it is."""

    exit_code = 4

    def __init__(self, path: Path, detail: str, backup: Path | None) -> None:
        self.path = path
        self.detail = detail
        self.backup = backup
        if backup is not None:
            advice = _(
                "The newest good backup is {backup}; to go back to it run:"
                " circlekeeper restore {backup}"
            ).format(backup=backup)
        else:
            advice = _(
                "No good backup was found next to it; keep the file safe and ask for help"
                " before doing anything else with it."
            )
        damaged = _(
            "The database {path} is damaged and was not opened ({detail}); the file has not"
            " been changed."
        ).format(path=path, detail=detail)
        self.damage = damaged
        """What is wrong, without the advice (the window offers the restore itself)."""
        super().__init__(f"{damaged} {advice}")


class DuplicateEvent(StoreError):
    """The same sequence number was appended twice to one session's log."""

    def __init__(self, session_id: int, seq: int) -> None:
        self.session_id = session_id
        self.seq = seq
        super().__init__(
            _(
                "Event {seq} of session {session} is already stored; it was not stored twice."
            ).format(seq=seq, session=session_id)
        )


class RecordNotFound(StoreError):
    """A circle, person, session, note or prompt id that is not in the database."""


class InvalidRecord(StoreError):
    """A value the store refuses to keep (an empty name, a name already taken, …)."""
