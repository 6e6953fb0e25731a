"""The bridge from the store to the renderers: store → (summary, context), items, a period.

The renderers never query anything; this module reads what they print. It reads no notes and
never touches the vault: a private note has no way onto the page. It sits above both the store
and ``reports/`` (which may not import each other) and serves the commands and, through the
composition root, the window's *Save as PDF*.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from circlekeeper.i18n import _
from circlekeeper.reports.context import Paper, Privacy, ReportContext
from circlekeeper.reports.errors import ExportFailed
from circlekeeper.session import frozen
from circlekeeper.session.prompts import heard_only
from circlekeeper.session.summary import SessionSummary, summarize
from circlekeeper.store.records import SessionRecord
from circlekeeper.store.report_reading import ReportReading

if TYPE_CHECKING:  # ranges and periods need SQLAlchemy; one session's summary does not
    from circlekeeper.reports.batch import ExportItem
    from circlekeeper.reports.period import PeriodReport, Progress
    from circlekeeper.store import Store


def base_context(
    store: ReportReading,
    *,
    privacy: Privacy | str | None = None,
    paper: Paper | str | None = None,
    generated: datetime | None = None,
    invariant: bool = False,
) -> ReportContext:
    """Organization, logo, paper and privacy from the settings (arguments win)."""
    settings = store.settings
    logo = settings.get("logo_path") or ""
    return ReportContext(
        organization=settings.get("organization") or "",
        logo_path=Path(logo) if logo else None,
        privacy=Privacy(privacy or settings.get("privacy") or Privacy.COUNTS),
        paper=Paper(paper or settings.get("paper") or Paper.A4),
        generated=generated,
        invariant=invariant,
    )


def session_report(
    store: ReportReading,
    session_id: int,
    *,
    privacy: Privacy | str | None = None,
    paper: Paper | str | None = None,
    generated: datetime | None = None,
    invariant: bool = False,
    base: ReportContext | None = None,
) -> tuple[SessionSummary, ReportContext]:
    """Everything ``render_session`` needs for one stored session.

    Privacy: the argument, else the circle's own level, else the ``privacy`` setting.
    """
    record = store.sessions.get(session_id)
    circle = store.circles.get(record.circle_id)
    context = base or base_context(store, paper=paper, generated=generated, invariant=invariant)
    chosen = privacy or circle.privacy or context.privacy
    summary = summarize(store.sessions.entries(session_id))
    if record.run_by:  # who ran it, not the names typed at the start (0009_session_run_by)
        summary = frozen.replace(summary, facilitators=(record.run_by, *record.co_facilitators))
    context = replace(
        context,
        privacy=Privacy(chosen),
        agreements=tuple(circle.agreements),
        shareable=record.shareable,
        moods=tuple(store.moods.for_session(session_id)),
        prompts_used=tuple(
            heard_only(
                store.prompts.uses_for_session(session_id), {r.index for r in summary.rounds}
            )
        ),
        timezone=record.timezone or "UTC",
        language=circle.language,
        demo=circle.demo,
    )
    return summary, context


def day_range(start: date, end: date) -> tuple[datetime, datetime]:
    """``[start 00:00 UTC, end+1 00:00 UTC)``: both dates are included."""
    if end < start:
        raise ExportFailed(
            _("The end date {end} is before the start date {start}.").format(end=end, start=start)
        )
    low = datetime.combine(start, time.min, tzinfo=UTC)
    return low, datetime.combine(end + timedelta(days=1), time.min, tzinfo=UTC)


def find_circle_id(store: Store, name: str | None) -> int | None:
    if name is None:
        return None
    circle = store.circles.by_name(name)
    if circle is None or circle.circle_id is None:
        raise ExportFailed(
            _("There is no circle called {name}; check the name and try again.").format(
                name=repr(name)
            )
        )
    return circle.circle_id


def records_between(
    store: Store, start: date, end: date, circle: str | None = None
) -> list[SessionRecord]:
    from circlekeeper.store.sessions.ranges import sessions_between

    low, high = day_range(start, end)
    return sessions_between(store, low, high, circle_id=find_circle_id(store, circle))


def export_items(
    store: Store,
    start: date,
    end: date,
    circle: str | None = None,
    *,
    privacy: Privacy | str | None = None,
    paper: Paper | str | None = None,
    generated: datetime | None = None,
    invariant: bool = False,
) -> list[ExportItem]:
    """One :class:`ExportItem` per finished session in the range (oldest first)."""
    from circlekeeper.reports.batch import ExportItem, default_filename

    base = base_context(store, paper=paper, generated=generated, invariant=invariant)
    items = []
    for record in records_between(store, start, end, circle):
        summary, context = session_report(store, record.session_id, privacy=privacy, base=base)
        items.append(ExportItem(summary, context, default_filename(summary, record.session_id)))
    return items


def period_report(
    store: Store,
    start: date,
    end: date,
    circle: str | None = None,
    *,
    privacy: Privacy | str | None = None,
    attendance_grid: bool = False,
    every_session: bool = False,
    progress: Progress | None = None,
) -> PeriodReport:
    """The period report's figures (the history's one query layer) and each circle's privacy.

    Privacy per circle: the argument, else the circle's own level, else the ``privacy``
    setting, as for a session's summary. Attendance grids are read only for circles whose
    level allows initials or names.
    """
    from circlekeeper.reports.period import PeriodReport
    from circlekeeper.session.period_figures import PeriodScope
    from circlekeeper.store.history.queries import HistoryQueries

    scope = PeriodScope(start, end, find_circle_id(store, circle))
    queries = HistoryQueries.for_store(store)
    figures = queries.period(scope, progress=progress)
    fallback = store.settings.get("privacy") or Privacy.COUNTS
    levels = {c.circle_id: Privacy(privacy or c.privacy or fallback) for c in figures.circles}
    grids = {}
    if attendance_grid:
        grids = {
            cid: queries.attendance_grid(scope, cid)
            for cid, level in levels.items()
            if level is not Privacy.COUNTS
        }
    return PeriodReport(figures, levels, grids, every_session)
