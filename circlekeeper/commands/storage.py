"""``circlekeeper check`` and ``circlekeeper restore BACKUP``: the database's first aid.

``check`` runs SQLite's full integrity check and foreign-key check and prints a verdict (exit
status 1 when damaged, with the newest good backup and the restore command). ``restore`` moves
the current file aside with a timestamp (never deleting it), copies the backup in and checks it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from circlekeeper.commands import metavars
from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _, ngettext


def register(subparsers: Any) -> None:
    check = subparsers.add_parser(
        "check",
        help=_("check the database for damage (integrity and foreign keys)"),
        description=_("Run a full integrity check and a foreign-key check and print a verdict."),
    )
    check.set_defaults(func=run_check)
    restore = subparsers.add_parser(
        "restore",
        help=_("replace the database with a backup (the current file is kept aside)"),
        description=_(
            "Move the current database aside with a timestamp, copy {backup} in its place and"
            " check it. Nothing is deleted."
        ).format(backup=metavars.backup()),
    )
    restore.add_argument("backup", metavar=metavars.backup(), help=_("the backup file to restore"))
    restore.set_defaults(func=run_restore)


def _database_path(args: argparse.Namespace) -> Path:
    from circlekeeper.store.location import resolve
    from circlekeeper.store.restoring import database_file

    return database_file(resolve(getattr(args, "db", None)).path)


def run_check(args: argparse.Namespace) -> int:
    from circlekeeper.store.backups import BackupService, full_check
    from circlekeeper.store.interrupted_save import check_for_reading

    path = _database_path(args)
    if not _is_file(path):
        raise UserFacingError(_("There is no database at {path}.").format(path=path))
    report, notices = check_for_reading(path, full_check)
    for notice in notices:  # part of what check found, so on stdout with the verdict
        print(notice)
    print(report.verdict)
    if report.ok:
        return _check_sessions(args)
    backup = BackupService(path).newest_good()
    if backup is None:
        print(_("No good backup was found; keep the file safe and ask for help."))
    else:
        print(_("The newest good backup is {backup}; to go back to it run:").format(backup=backup))
        print(f"  circlekeeper restore {backup}")
    return 1


def _check_sessions(args: argparse.Namespace) -> int:
    """The file is sound; now every session's record, asked what ``export-json`` asks."""
    from circlekeeper.commands.opening import open_for_reading
    from circlekeeper.store.sessions.checking import export_problems

    with open_for_reading(getattr(args, "db", None)) as store, _progress_line() as progress:
        problems = export_problems(store, progress)
    if not problems:
        print(_("Every session's record is consistent and can be exported."))
        return 0
    count = len(problems)
    print(
        ngettext(
            "{count} session cannot be exported as it is stored:",
            "{count} sessions cannot be exported as they are stored:",
            count,
        ).format(count=count)
    )
    for problem in problems:
        print(f"  {problem.sentence()}")
    return 1


@contextmanager
def _progress_line() -> Iterator[Callable[[int, int], None] | None]:
    """On a terminal, one line on stderr that counts the sessions checked and is wiped when
    done (a large history takes a while); piped or redirected, nothing: the output stays the
    verdict alone."""
    stream = sys.stderr
    if not stream.isatty():
        yield None
        return
    from circlekeeper.i18n.formats import format_number

    shown = [""]

    def show(done: int, total: int) -> None:
        # Translators: a progress line that updates in place while check works.
        line = _("Checking sessions: {done} of {total}…").format(
            done=format_number(done), total=format_number(total)
        )
        stream.write("\r" + line + " " * max(0, len(shown[0]) - len(line)))
        stream.flush()
        shown[0] = line

    try:
        yield show
    finally:
        if shown[0]:
            stream.write("\r" + " " * len(shown[0]) + "\r")
            stream.flush()


def run_restore(args: argparse.Namespace) -> int:
    from circlekeeper.store import DatabaseLocked
    from circlekeeper.store.restoring import restore_database

    path = _database_path(args)
    backup = Path(args.backup).expanduser().absolute()
    try:
        aside = restore_database(backup, path)
    except DatabaseLocked as error:  # the app has it open: say what to run again
        raise DatabaseLocked(error.path, command="restore") from None
    if aside is not None:
        print(_("The previous database was kept as {aside}.").format(aside=aside))
    print(
        _("Restored {path} from {backup}; it passed the integrity check.").format(
            path=path, backup=backup
        )
    )
    return 0


def _is_file(path: Path) -> bool:
    from circlekeeper.store.restoring import is_file

    return is_file(path)
