"""``circlekeeper export-json SESSION_ID -o FILE`` and ``circlekeeper import FILE``.

Both speak the session file format of ``docs/session-json.md``. Export writes exactly what the
log holds plus the session's circle, roles, plan, shareable summary, anonymous mood counts and
the prompts it heard — never private notes —
and checks its own output before writing. Import validates the whole file first and then writes
it in one transaction: a rejected file changes nothing.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

from circlekeeper.commands import metavars
from circlekeeper.commands.values import session_id
from circlekeeper.errors import ExportFailed, UserFacingError
from circlekeeper.i18n import _, ngettext


def register(subparsers: Any) -> None:
    export = subparsers.add_parser(
        "export-json",
        help=_("write one session to a JSON file (never private notes)"),
        description=_(
            "Write one session (circle, people, round plan, full event log, shareable summary,"
            " mood counts, prompts heard) to a versioned JSON file; see docs/session-json.md."
            " Private notes are never included."
        ),
    )
    export.add_argument(
        "session_id", metavar=metavars.session_id(), type=session_id, help=_("the session's id")
    )
    export.add_argument(
        "-o",
        "--output",
        metavar=metavars.file(),
        required=True,
        help=_("the file to write ('-' for stdout)"),
    )
    export.set_defaults(func=run_export)

    importer = subparsers.add_parser(
        "import",
        help=_("add a session from a JSON file (all or nothing)"),
        description=_(
            "Validate a session file completely, then add it to the database in one transaction."
            " A file with any problem is refused with the place and the problem, and nothing"
            " changes."
        ),
    )
    importer.add_argument(
        "file", metavar=metavars.file(), help=_("the session file ('-' for stdin)")
    )
    importer.set_defaults(func=run_import)


def run_export(args: argparse.Namespace) -> int:
    from circlekeeper.commands.opening import open_for_reading
    from circlekeeper.session.interchange.session_file import dump_session
    from circlekeeper.store.sessions.exporting import export_problem, session_document

    with open_for_reading(args.db) as store:
        doc = session_document(store, args.session_id)
        problem = export_problem(store, args.session_id) if doc.entries else None
    entries = doc.entries
    if not entries:
        raise ExportFailed(
            _("Session {session} has no recorded events to export.").format(session=args.session_id)
        )
    if problem is not None:
        raise ExportFailed(problem.refusal())
    text = dump_session(doc)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        _write_atomically(Path(args.output).expanduser(), text)
        print(
            ngettext(
                "Wrote session {session} ({count} event) to {path}.",
                "Wrote session {session} ({count} events) to {path}.",
                len(entries),
            ).format(session=args.session_id, count=len(entries), path=args.output)
        )
    return 0


def run_import(args: argparse.Namespace) -> int:
    from circlekeeper.commands.opening import open_for_writing
    from circlekeeper.session.interchange.session_file import load_session
    from circlekeeper.store.sessions.importing import import_session

    text = _read(args.file)
    doc = load_session(text)  # everything is checked before the database is opened
    with open_for_writing(args.db, "import") as store:
        result = import_session(store.engine, doc)
    if result.circle_created:
        imported = _(
            "Imported session {session} ({events} events) into the new circle {circle}:"
            " {matched} people matched, {added} added."
        )
    else:
        imported = _(
            "Imported session {session} ({events} events) into the circle {circle}:"
            " {matched} people matched, {added} added."
        )
    print(
        imported.format(
            session=result.session_id,
            events=result.events,
            circle=repr(doc.circle),
            matched=result.people_matched,
            added=result.people_added,
        )
    )
    return 0


def _read(name: str) -> str:
    if name == "-":
        try:
            return sys.stdin.buffer.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UserFacingError(
                _("What came in on stdin is not text in UTF-8, so it cannot be a session file.")
            ) from error
    from circlekeeper.store.sessions.importing import read_session_text

    return read_session_text(Path(name))


def _is_special_file(path: Path) -> bool:
    """An existing device, FIFO or socket (like ``reports.files.is_special_file``, without
    importing reportlab into a JSON export)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_atomically(path: Path, text: str) -> None:
    """Write beside the target and rename, so a crash never leaves half a file.

    A device or pipe (``/dev/stdout``, a FIFO) is written into: renaming over it would
    replace the device node itself with a regular file.
    """
    if _is_special_file(path):
        try:
            with path.open("w", encoding="utf-8") as out:
                out.write(text)
        except OSError as error:
            raise ExportFailed(_cannot_write(path, error)) from error
        return
    try:
        is_folder = path.is_dir()
    except OSError as error:
        raise ExportFailed(_cannot_write(path, error)) from error
    if is_folder:
        raise ExportFailed(
            _("{path} is a folder; give a file name ending in .json.").format(path=path)
        )
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise ExportFailed(_cannot_write(path, error)) from error


def _cannot_write(path: Path, error: OSError) -> str:
    return _("CircleKeeper cannot write {path} ({reason}).").format(
        path=path, reason=error.strerror
    )
