"""The base of every error a person can act on.

Library code raises subclasses (``DatabaseCorrupted``, ``WrongPassphrase``, ``ExportFailed``…)
whose message is written for a person; the CLI prints that one line and exits non-zero, the GUI
shows it in a dialog. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """An error whose ``str()`` is a complete sentence a facilitator can act on."""

    exit_code: int = 1


class ExportFailed(UserFacingError):
    """A file could not be written: a PDF, a session file (folder missing, read-only, disk
    full, a name the system refuses). One class for every export, so callers catch one."""


class ConnectionLost(UserFacingError):
    """What the data is kept on did not answer (a database server gone from the network,
    restarting): worth trying again in a moment. The store's ``ServerUnreachable`` is one;
    the window, which may not import the store, recognises it by this base."""
