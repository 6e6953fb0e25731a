"""``circlekeeper demo`` fills a database with realistic sessions; ``circlekeeper sessions``
lists past sessions with their ids (as text or JSON) for scripts and for the other commands.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime, timedelta
from typing import Any

from circlekeeper.commands import metavars
from circlekeeper.commands.values import parse_day
from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _, ngettext, pgettext

DEFAULT_DEMO_SESSIONS = 40
MAX_DEMO_SESSIONS = 1_000_000


def register(subparsers: Any) -> None:
    demo = subparsers.add_parser(
        "demo",
        help=_("fill the database with demo circles, people and finished sessions"),
        description=_(
            "Add realistic demo circles, people (names in several scripts) and {count} finished"
            " sessions, each played through the real session engine so every log is valid. The"
            " same seed gives the same data."
        ).format(count=metavars.count()),
    )
    demo.add_argument(
        "--sessions",
        type=int,
        default=DEFAULT_DEMO_SESSIONS,
        metavar=metavars.count(),
        help=_("how many sessions (default {count})").format(count=DEFAULT_DEMO_SESSIONS),
    )
    demo.add_argument(
        "--seed", type=int, default=1, metavar=metavars.seed(), help=_("random seed (default 1)")
    )
    demo.set_defaults(func=run_demo)

    sessions = subparsers.add_parser(
        "sessions",
        help=_("list past sessions with their ids"),
        description=_(
            "List sessions, newest first. Dates are calendar days in UTC; --to includes the"
            " whole day."
        ),
    )
    sessions.add_argument(
        "--circle", metavar=metavars.name(), help=_("only this circle (its exact name)")
    )
    sessions.add_argument(
        "--from", dest="since", metavar=metavars.day(), help=_("from this day (YYYY-MM-DD)")
    )
    sessions.add_argument(
        "--to", dest="until", metavar=metavars.day(), help=_("up to this day (YYYY-MM-DD)")
    )
    sessions.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))
    sessions.set_defaults(func=run_sessions)


def run_demo(args: argparse.Namespace) -> int:
    from circlekeeper.commands.opening import open_for_writing
    from circlekeeper.demo.seeding import seed_demo
    from circlekeeper.i18n.formats import format_duration, format_number

    if not 1 <= args.sessions <= MAX_DEMO_SESSIONS:
        raise UserFacingError(
            _("--sessions must be between 1 and {largest}, not {given}.").format(
                largest=format_number(MAX_DEMO_SESSIONS), given=args.sessions
            )
        )
    with open_for_writing(args.db, "demo") as store:
        report = seed_demo(
            store.engine,
            args.sessions,
            args.seed,
            end=datetime.now(UTC) - timedelta(days=1),
            progress=_progress if args.sessions >= 5000 else None,
        )
    print(
        ngettext(
            "Added {count} demo session ({events} events) in {circles} circles with {people}"
            " people, in {duration}.",
            "Added {count} demo sessions ({events} events) in {circles} circles with {people}"
            " people, in {duration}.",
            report.sessions,
        ).format(
            count=format_number(report.sessions),
            events=format_number(report.events),
            circles=format_number(report.circles),
            people=format_number(report.people),
            duration=format_duration(report.seconds),
        )
    )
    return 0


def _progress(done: int, total: int) -> None:
    from circlekeeper.i18n.formats import format_number

    if done == total or done % 5000 == 0:
        line = _("{done} of {total} sessions").format(
            done=format_number(done), total=format_number(total)
        )
        print(f"  {line}", file=sys.stderr)


def run_sessions(args: argparse.Namespace) -> int:
    from circlekeeper.commands.opening import open_for_reading
    from circlekeeper.history.records import SessionFilter, SessionListing
    from circlekeeper.store.history.queries import HistoryQueries

    since = parse_day(args.since, "--from", required=False)
    until = parse_day(args.until, "--to", required=False)
    if since and until and until < since:
        raise UserFacingError(_("--to is before --from; no session can be in that range."))
    with open_for_reading(args.db) as store:
        circle_id = None
        if args.circle is not None:
            circle = store.circles.by_name(args.circle)
            if circle is None:
                raise UserFacingError(
                    _(
                        "There is no circle called {circle}; `circlekeeper sessions` without"
                        " --circle lists every circle's sessions."
                    ).format(circle=repr(args.circle[:80]))
                )
            circle_id = circle.circle_id
        filter = SessionFilter(
            circle_id=circle_id,
            since=_midnight(since),
            until=_midnight(until + timedelta(days=1)) if until else None,
        )
        queries = HistoryQueries.for_store(store)
        rows: list[SessionListing] = []
        cursor = None
        while True:
            page = queries.sessions(filter, after=cursor, limit=500)
            rows.extend(page.rows)
            cursor = page.next_cursor
            if cursor is None:
                break
    if args.json:
        json.dump([_as_json(r) for r in rows], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        _print_table(rows)
    return 0


def _midnight(day: date | None) -> datetime | None:
    return None if day is None else datetime(day.year, day.month, day.day, tzinfo=UTC)


def _as_json(row: Any) -> dict[str, Any]:
    return {
        "session_id": row.session_id,
        "circle": row.circle_name,
        "circle_id": row.circle_id,
        "started_at": row.started_at.isoformat(),
        "ended_at": row.ended_at.isoformat() if row.ended_at else None,
        "timezone": row.timezone,
        "facilitators": list(row.facilitators),
        "status": row.status,
        "present": row.present_count,
        "duration_seconds": row.duration_seconds,
        "fairness": row.fairness,
    }


def _status_word(status: str) -> str:
    """The status as the history page words it (the same messages, so one translation)."""
    words = {
        "ended": pgettext("session status", "Ended"),
        "abandoned": pgettext("session status", "Closed after a crash"),
        "live": pgettext("session status", "Live"),
    }
    return words.get(status, status)


def _print_table(rows: list[Any]) -> None:
    from circlekeeper.i18n.formats import format_number
    from circlekeeper.session.model import format_duration

    if not rows:
        print(_("No sessions match."))
        return
    # Translators: the column headings of `circlekeeper sessions` (short: a terminal's width).
    heads = (_("id"), _("started (UTC)"), _("present"), _("length"), _("fair"), _("status"))
    circle = _("circle")
    statuses = [_status_word(r.status) for r in rows]
    wide = max(len(heads[5]), *(len(word) for word in statuses))
    print(
        f"{heads[0]:>7}  {heads[1]:16}  {heads[2]:>7}  {heads[3]:>8}  {heads[4]:>4}  "
        f"{heads[5]:{wide}}  {circle}"
    )
    for r, status in zip(rows, statuses, strict=True):
        length = "" if r.duration_seconds is None else format_duration(r.duration_seconds)
        fair = "" if r.fairness is None else format_number(r.fairness, decimals=2)
        present = "" if r.present_count is None else format_number(r.present_count)
        print(
            f"{r.session_id:>7}  {r.started_at:%Y-%m-%d %H:%M}  {present:>7}  {length:>8}  "
            f"{fair:>4}  {status:{wide}}  {r.circle_name}"
        )
    print(
        ngettext("{count} session", "{count} sessions", len(rows)).format(
            count=format_number(len(rows))
        )
    )
