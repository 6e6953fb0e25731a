"""What the restore sees of the data folder, and each backup said in a facilitator's words.

The store lists and restores the backups (``store/restoring.py``); the window receives them
through :class:`BackupShelf` from the composition root, so nothing here imports the store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from circlekeeper.i18n import _, ngettext
from circlekeeper.i18n.formats import format_date_and_time, format_number


class BackupEntry(Protocol):
    """One file a restore could bring back (``store.restoring.BackupFacts``)."""

    @property
    def path(self) -> Path: ...
    @property
    def taken(self) -> datetime: ...
    @property
    def size(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def circles(self) -> int | None: ...
    @property
    def sessions(self) -> int | None: ...
    @property
    def problem(self) -> str | None: ...


Progress = Callable[[str, int, int], object]
"""Told each step of a restore (``checking-backup``, ``keeping-current``, ``copying``,
``checking-restored``), and the copy's pages done of all."""


class BackupShelf(Protocol):
    """The open data's backups, and the restore itself."""

    def refusal(self) -> str | None:
        """Why this data cannot be restored from the window (a server, a read-only folder)."""

    def backups(self) -> Sequence[BackupEntry]:
        """The app's own backups and the data earlier restores kept aside, newest first."""

    def describe(self, path: Path) -> BackupEntry:
        """Any file the facilitator chose."""

    def current(self) -> BackupEntry:
        """The data as it is now."""

    def folder(self) -> Path:
        """Where a file chooser starts: the backups folder."""

    def restore(self, path: Path, progress: Progress) -> Path | None:
        """Put ``path`` in place of the data (off the window's thread); returns where the data
        it replaced was kept."""


def kind_words(kind: str) -> str:
    """What made the copy, as the chooser's first column says it under the date."""
    if kind == "daily":
        return _("Daily backup")
    if kind.startswith("before-migration"):
        return _("Before an update of CircleKeeper")
    if kind == "kept-aside":
        return _("Your data before a restore")
    if kind == "":
        return _("Chosen file")
    return _("Backup")


def holds_words(entry: BackupEntry) -> str:
    """``4 circles, 200 sessions``, or why the file cannot be restored."""
    if entry.problem is not None:
        # Translators: {reason} says what is wrong with a file, e.g. "it is not a
        # CircleKeeper database".
        return _("Cannot be restored: {reason}").format(reason=entry.problem)
    circles, sessions = entry.circles or 0, entry.sessions or 0
    # Translators: what a backup holds; {circles} is "4 circles", {sessions} "200 sessions".
    return _("{circles}, {sessions}").format(
        circles=ngettext("{count} circle", "{count} circles", circles).format(
            count=format_number(circles)
        ),
        sessions=ngettext("{count} session", "{count} sessions", sessions).format(
            count=format_number(sessions)
        ),
    )


def when_words(entry: BackupEntry) -> str:
    """The moment the copy was made, in local time."""
    return format_date_and_time(entry.taken.astimezone())


def size_words(size: int) -> str:
    """``340 kB`` / ``12.5 MB``: enough to tell a large history from an empty one."""
    if size < 1000 * 1000:
        # Translators: a file's size in kilobytes.
        return _("{size} kB").format(size=format_number(max(1, round(size / 1000))))
    # Translators: a file's size in megabytes.
    return _("{size} MB").format(size=format_number(size / 1000 / 1000, decimals=1))
