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

from circlekeeper.commands.values import session_id
from circlekeeper.errors import UserFacingError


class ExportFailed(UserFacingError):
    """The session could not be written out as a file."""


def register(subparsers: Any) -> None:
    export = subparsers.add_parser(
        "export-json",
        help="write one session to a JSON file (never private notes)",
        description="Write one session (circle, people, round plan, full event log, shareable"
        " summary, mood counts, prompts heard) to a versioned JSON file; see"
        " docs/session-json.md. Private notes are never included.",
    )
    export.add_argument(
        "session_id", metavar="SESSION_ID", type=session_id, help="the session's id"
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="the file to write ('-' for stdout)"
    )
    export.set_defaults(func=run_export)

    importer = subparsers.add_parser(
        "import",
        help="add a session from a JSON file (all or nothing)",
        description="Validate a session file completely, then add it to the database in one"
        " transaction. A file with any problem is refused with the place and the problem, and"
        " nothing changes.",
    )
    importer.add_argument("file", metavar="FILE", help="the session file ('-' for stdin)")
    importer.set_defaults(func=run_import)


def run_export(args: argparse.Namespace) -> int:
    from circlekeeper.commands.opening import open_for_reading
    from circlekeeper.session.interchange.session_file import dump_session
    from circlekeeper.store.session_export import export_problem, session_document

    with open_for_reading(args.db) as store:
        doc = session_document(store, args.session_id)
        problem = export_problem(store, args.session_id) if doc.entries else None
    entries = doc.entries
    if not entries:
        raise ExportFailed(f"Session {args.session_id} has no recorded events to export.")
    if problem is not None:
        raise ExportFailed(
            f"Session {args.session_id} cannot be exported because its {problem.what}"
            f" ({problem.place}: {problem.problem}); 'circlekeeper check' lists every such"
            " session."
        )
    text = dump_session(doc)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        _write_atomically(Path(args.output).expanduser(), text)
        print(f"Wrote session {args.session_id} ({len(entries)} events) to {args.output}.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from circlekeeper.commands.opening import open_for_writing
    from circlekeeper.session.interchange.session_file import load_session
    from circlekeeper.store.session_import import import_session

    text = _read(args.file)
    doc = load_session(text)  # everything is checked before the database is opened
    with open_for_writing(args.db, "import") as store:
        result = import_session(store.engine, doc)
    circle = "new circle" if result.circle_created else "circle"
    print(
        f"Imported session {result.session_id} ({result.events} events) into the {circle}"
        f" {doc.circle!r}: {result.people_matched} people matched, {result.people_added} added."
    )
    return 0


def _read(name: str) -> str:
    if name == "-":
        try:
            return sys.stdin.buffer.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UserFacingError(
                "What came in on stdin is not text in UTF-8, so it cannot be a session file."
            ) from error
    from circlekeeper.store.session_import import read_session_text

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
            raise ExportFailed(f"CircleKeeper cannot write {path} ({error.strerror}).") from error
        return
    try:
        is_folder = path.is_dir()
    except OSError as error:
        raise ExportFailed(f"CircleKeeper cannot write {path} ({error.strerror}).") from error
    if is_folder:
        raise ExportFailed(f"{path} is a folder; give a file name ending in .json.")
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
        raise ExportFailed(f"CircleKeeper cannot write {path} ({error.strerror}).") from error
