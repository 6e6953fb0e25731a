"""``circlekeeper export`` and ``circlekeeper report``: printable PDFs from the command line.

* ``export SESSION_ID -o FILE.pdf [--privacy …] [--paper …]`` — one session's summary;
* ``export [--circle NAME] --from DATE --to DATE -o DIR [--combined]`` — every finished session
  in the range, one PDF each in DIR (or one combined PDF), with a progress bar on stderr;
* ``report --from DATE --to DATE [--circle NAME] -o FILE.pdf [--attendance-grid]`` — the
  period report (``--csv`` writes its figures as a spreadsheet file instead).

Dates are inclusive calendar days (UTC). Heavy imports happen inside ``run`` so ``--help`` is fast.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from circlekeeper.commands import metavars
from circlekeeper.commands.values import required_day, session_id
from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _, ngettext

PRIVACY_CHOICES = ("counts", "initials", "names")
PAPER_CHOICES = ("a4", "letter")


def register(subparsers: Any) -> None:
    export = subparsers.add_parser(
        "export",
        help=_("export session summaries as PDF (one session, or a circle over a date range)"),
        description=_(
            "Export one session ({session_id} -o {file}.pdf) or every finished session between two"
            " dates (--from/--to, optionally --circle) into a folder, one PDF each or one"
            " combined PDF."
        ).format(session_id=metavars.session_id(), file=metavars.file()),
    )
    export.add_argument(
        "session_id",
        metavar=metavars.session_id(),
        nargs="?",
        type=session_id,
        help=_("the session to export (`circlekeeper sessions` lists them)"),
    )
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=metavars.path(),
        help=_("PDF file, or folder for a range"),
    )
    export.add_argument(
        "--circle", metavar=metavars.name(), help=_("only this circle (range export)")
    )
    export.add_argument(
        "--from", dest="date_from", metavar=metavars.day(), help=_("first day, 2026-03-01")
    )
    export.add_argument(
        "--to", dest="date_to", metavar=metavars.day(), help=_("last day, 2026-03-31")
    )
    export.add_argument("--combined", action="store_true", help=_("one PDF for the whole range"))
    _common(export)
    export.set_defaults(func=run_export)

    report = subparsers.add_parser(
        "report",
        help=_(
            "a period report: people reached, newcomers, each circle, against the period before"
        ),
        description=_(
            "Write a period report for one circle or all circles between two dates:"
            " people reached, newcomers, who came back, sessions held, hours of peer support and"
            " fairness, each against the previous period of the same length; one section per"
            " circle; the sessions as an appendix (the 1,000 most recent; --all-sessions lists"
            " every one). --csv writes the same figures for a spreadsheet."
        ),
    )
    report.add_argument(
        "--from",
        dest="date_from",
        metavar=metavars.day(),
        required=True,
        help=_("first day, 2026-03-01"),
    )
    report.add_argument(
        "--to",
        dest="date_to",
        metavar=metavars.day(),
        required=True,
        help=_("last day, 2026-03-31"),
    )
    report.add_argument(
        "--circle", metavar=metavars.name(), help=_("only this circle (default: all)")
    )
    report.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=metavars.file(),
        help=_("the PDF (or CSV) file to write"),
    )
    report.add_argument(
        "--csv", action="store_true", help=_("write the figures as CSV for a spreadsheet")
    )
    report.add_argument(
        "--attendance-grid",
        action="store_true",
        help=_("add who came to which session, for circles whose privacy allows initials or names"),
    )
    report.add_argument(
        "--all-sessions",
        action="store_true",
        help=_(
            "list every session in the appendix (by default the 1,000 most recent; the figures"
            " always count them all)"
        ),
    )
    _common(report)
    report.set_defaults(func=run_report)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--privacy",
        choices=PRIVACY_CHOICES,
        help=_("counts, initials or names (default: the circle's setting)"),
    )
    parser.add_argument(
        "--paper", choices=PAPER_CHOICES, help=_("paper size (default: the setting)")
    )


class TextProgress:
    """``Exporting [#######.............] 7/20`` redrawn in place on stderr."""

    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30) -> None:
        self.label, self.stream, self.width = label, stream or sys.stderr, width

    def __call__(self, done: int, total: int) -> None:
        filled = self.width if not total else round(self.width * done / total)
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def run_export(args: argparse.Namespace) -> int:
    output = Path(args.output).expanduser()
    ranged = args.date_from or args.date_to or args.circle or args.combined
    if args.session_id is not None and ranged:
        raise UserFacingError(
            _("Give either a {session_id} or a date range (--from/--to), not both.").format(
                session_id=metavars.session_id()
            )
        )
    if args.session_id is not None:
        return _export_one(args, output)
    from circlekeeper.commands.opening import open_for_reading
    from circlekeeper.commands.report_input import export_items
    from circlekeeper.reports import export_combined, export_each
    from circlekeeper.reports.files import is_special_file, safe_filename

    with open_for_reading(args.db) as store:
        start = required_day(args.date_from, "--from")
        end = required_day(args.date_to, "--to")
        items = export_items(store, start, end, args.circle, privacy=args.privacy, paper=args.paper)
    if not items:
        if args.circle:
            nothing = _(
                "No finished sessions of {circle} between {start} and {end}; nothing written."
            )
        else:
            nothing = _("No finished sessions between {start} and {end}; nothing written.")
        print(nothing.format(circle=args.circle, start=start, end=end))
        return 0
    progress = TextProgress(_("Exporting"))
    to_file = args.combined and (output.suffix.lower() == ".pdf" or is_special_file(output))
    if not to_file and not _is_folder(output) and output.exists():
        if args.combined:
            wrong = _(
                "{path} is a file, not a folder; give a folder or a file name ending in .pdf."
            )
        else:
            wrong = _("{path} is a file, not a folder; give a folder.")
        raise UserFacingError(wrong.format(path=output))
    if args.combined:
        if not to_file:
            name = f"{safe_filename(args.circle or 'all-circles')}-{start}-to-{end}.pdf"
            output = output / name
        path = export_combined(items, output, progress=progress)
        print(
            ngettext(
                "Wrote {count} session to {path}", "Wrote {count} sessions to {path}", len(items)
            ).format(count=len(items), path=path)
        )
    else:
        paths = export_each(items, output, progress=progress)
        print(
            ngettext(
                "Wrote {count} PDF to {path}", "Wrote {count} PDFs to {path}", len(paths)
            ).format(count=len(paths), path=output)
        )
    return 0


def _export_one(args: argparse.Namespace, output: Path) -> int:
    """One session's summary: the commonest export, kept to what it needs (no SQLAlchemy for
    a database file, no period report, only the fonts its names use)."""
    with _kept_for_life():
        from circlekeeper.commands.opening import open_for_one_summary
        from circlekeeper.commands.report_input import session_report
        from circlekeeper.reports.files import write_atomically
        from circlekeeper.reports.session_pdf import render_session

    pdf = _pdf_path(output)
    with contextlib.closing(open_for_one_summary(args.db)) as store:
        summary, context = session_report(
            store, args.session_id, privacy=args.privacy, paper=args.paper
        )
    path = write_atomically(pdf, render_session(summary, context))
    print(_("Wrote {path}").format(path=path))
    return 0


@contextlib.contextmanager
def _kept_for_life() -> Iterator[None]:
    """The cycle collector paused while the PDF machinery is imported, then told to leave
    everything made so far alone (``gc.freeze``).

    Modules, classes and functions live as long as the process: the collector looked through
    those tens of thousands of objects at every collection while the PDF was laid out, and
    again at exit, about 50 million instructions (4 %) of a one-session export. Frozen, they
    are skipped; what the summary and the PDF make is collected as before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def run_report(args: argparse.Namespace) -> int:
    from circlekeeper.commands.opening import open_for_reading
    from circlekeeper.commands.report_input import base_context, period_report
    from circlekeeper.reports import render_period
    from circlekeeper.reports.files import write_atomically
    from circlekeeper.reports.period_csv import period_csv

    start = required_day(args.date_from, "--from")
    end = required_day(args.date_to, "--to")
    output = Path(args.output).expanduser()
    if _is_folder(output):
        kind = "csv" if args.csv else "pdf"
        raise UserFacingError(
            _("{output} is a folder; give a file name ending in .{kind}.").format(
                output=output, kind=kind
            )
        )
    # Progress bars are for a person at a terminal; piped or logged, stderr holds only errors.
    at_terminal = sys.stderr.isatty()
    progress = TextProgress(_("Counting")) if at_terminal else None
    with open_for_reading(args.db) as store:
        report = period_report(
            store,
            start,
            end,
            args.circle,
            privacy=args.privacy,
            attendance_grid=args.attendance_grid,
            every_session=args.all_sessions,
            progress=progress,
        )
        context = base_context(store, paper=args.paper)
    held = report.figures.current.sessions
    if args.csv:
        path = write_atomically(output, period_csv(report).encode("utf-8"))
    else:
        data = render_period(
            report, context, progress=TextProgress(_("Writing")) if at_terminal else None
        )
        path = write_atomically(output, data)
    people = report.figures.current.people
    sessions = ngettext("{count} session", "{count} sessions", held).format(count=held)
    reached = ngettext("{count} person", "{count} people", people).format(count=people)
    print(
        _("Wrote {path} ({sessions}, {people})").format(
            path=path, sessions=sessions, people=reached
        )
    )
    return 0


def _pdf_path(output: Path) -> Path:
    if _is_folder(output):
        raise UserFacingError(
            _("{path} is a folder; give a file name ending in .pdf.").format(path=output)
        )
    return output


def _is_folder(output: Path) -> bool:
    """``Path.is_dir`` that turns a name the system refuses (too long…) into one sentence."""
    try:
        return output.is_dir()
    except OSError as error:
        raise UserFacingError(
            _("CircleKeeper cannot use {path} ({reason}).").format(
                path=output, reason=error.strerror
            )
        ) from error
