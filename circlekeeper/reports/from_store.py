"""The bridge from the store to the renderers: store → (summary, context), items, a period.

The renderers never query anything; this module reads what they print. It reads no notes and
never touches the vault: a private note has no way onto the page.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from circlekeeper.reports.batch import ExportItem, default_filename
from circlekeeper.reports.context import Paper, Privacy, ReportContext
from circlekeeper.reports.errors import ExportFailed
from circlekeeper.reports.period import PeriodSession, PeriodSummary
from circlekeeper.session.prompts import heard_only
from circlekeeper.session.summary import SessionSummary, rounds_held, summarize
from circlekeeper.store import Store
from circlekeeper.store.records import SessionRecord
from circlekeeper.store.session_ranges import sessions_between


def base_context(
    store: Store,
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
    store: Store,
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
    )
    return summary, context


def day_range(start: date, end: date) -> tuple[datetime, datetime]:
    """``[start 00:00 UTC, end+1 00:00 UTC)``: both dates are included."""
    if end < start:
        raise ExportFailed(f"The end date {end} is before the start date {start}.")
    low = datetime.combine(start, time.min, tzinfo=UTC)
    return low, datetime.combine(end + timedelta(days=1), time.min, tzinfo=UTC)


def find_circle_id(store: Store, name: str | None) -> int | None:
    if name is None:
        return None
    circle = store.circles.by_name(name)
    if circle is None or circle.circle_id is None:
        raise ExportFailed(f"There is no circle called {name!r}; check the name and try again.")
    return circle.circle_id


def records_between(
    store: Store, start: date, end: date, circle: str | None = None
) -> list[SessionRecord]:
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
    base = base_context(store, paper=paper, generated=generated, invariant=invariant)
    items = []
    for record in records_between(store, start, end, circle):
        summary, context = session_report(store, record.session_id, privacy=privacy, base=base)
        items.append(ExportItem(summary, context, default_filename(summary, record.session_id)))
    return items


def period_summary(
    store: Store, start: date, end: date, circle: str | None = None
) -> PeriodSummary:
    """The period report's figures, from what the store keeps per finished session."""
    records = records_between(store, start, end, circle)
    sessions = tuple(
        PeriodSession(
            started=r.started_at,
            circle=r.circle_name,
            present=r.present_count or 0,
            duration_seconds=r.duration_seconds or 0.0,
            fairness=r.fairness,
        )
        for r in records
    )
    prompts: list[str] = []
    for r in records:
        uses = [use.text for use in store.prompts.uses_for_session(r.session_id)]
        # Sessions whose prompts were typed into the plan rather than drawn from the library
        # have no recorded uses; their planned prompts are what was heard.
        if not uses:
            held = rounds_held(store.sessions.entries(r.session_id))
            uses = [text for i, plan in enumerate(r.plan) if i in held for text in plan.prompts()]
        prompts += uses
    return PeriodSummary(start, end, circle, sessions, tuple(prompts))
