"""A period report: what a circle (or all circles) offered between two dates.

Sessions held, attendance over time (chart), average fairness, prompts used and total hours of
peer support. Built from :class:`PeriodSummary`, plain data that
:mod:`~circlekeeper.commands.report_input` fills from the figures the store keeps per finished
session (or :func:`period_from_summaries` in tests).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from circlekeeper.reports.charts import attendance_chart
from circlekeeper.reports.context import ReportContext
from circlekeeper.reports.fonts import fonts
from circlekeeper.reports.layout import build_pdf, footer_text, frame_width, stylesheet, table_style
from circlekeeper.reports.session_pdf import local_zone
from circlekeeper.reports.typeset import Typesetter
from circlekeeper.session.model import format_duration
from circlekeeper.session.summary import SessionSummary


@dataclass(frozen=True, slots=True)
class PeriodSession:
    """One held session as the period report counts it."""

    started: datetime | None
    circle: str
    present: int
    duration_seconds: float
    fairness: float | None


@dataclass(frozen=True, slots=True)
class PeriodSummary:
    """Sessions between ``start`` and ``end`` (inclusive) for ``circle`` (``None``: all)."""

    start: date
    end: date
    circle: str | None
    sessions: tuple[PeriodSession, ...]
    prompts: tuple[str, ...] = ()
    """Every prompt heard, one entry per use (repeats count)."""

    @property
    def held(self) -> int:
        return len(self.sessions)

    @property
    def circle_hours(self) -> float:
        return sum(s.duration_seconds for s in self.sessions) / 3600

    @property
    def person_hours(self) -> float:
        """Hours of peer support offered: each session's length times the people present."""
        return sum(s.duration_seconds * s.present for s in self.sessions) / 3600

    @property
    def attendance(self) -> int:
        return sum(s.present for s in self.sessions)

    @property
    def average_fairness(self) -> float | None:
        values = [s.fairness for s in self.sessions if s.fairness is not None]
        return sum(values) / len(values) if values else None


def period_from_summaries(
    summaries: Iterable[SessionSummary],
    start: date,
    end: date,
    circle: str | None = None,
    prompts: Sequence[str] = (),
) -> PeriodSummary:
    sessions = tuple(
        PeriodSession(s.started_wall, s.circle, s.present_count, s.duration_seconds, s.jain_index)
        for s in summaries
    )
    return PeriodSummary(start, end, circle, sessions, tuple(prompts))


def render_period(period: PeriodSummary, context: ReportContext) -> bytes:
    """The period report as PDF bytes."""
    fs = fonts()
    s = stylesheet(fs)
    text = Typesetter(fs)
    width = frame_width(context.paper)
    zone = local_zone(context.timezone)
    story: list[Flowable] = []
    if context.organization:
        story += text.line(context.organization, s.org, width)
    story.append(Spacer(1, 4))
    story.append(Paragraph("Period report", s.subtitle))
    story += text.line(period.circle or "All circles", s.title, width)
    story.append(Paragraph(f"{period.start:%d %B %Y} – {period.end:%d %B %Y}", s.subtitle))

    story.append(Paragraph("At a glance", s.h2))
    fairness = period.average_fairness
    facts = [
        ("Sessions held", str(period.held)),
        ("Attendances (people present, summed)", str(period.attendance)),
        ("Average attendance", f"{period.attendance / period.held:.1f}" if period.held else "—"),
        ("Circle time", f"{period.circle_hours:.1f} h"),
        ("Hours of peer support offered (time × people present)", f"{period.person_hours:.1f} h"),
        ("Average fairness index", "—" if fairness is None else f"{fairness:.2f}"),
    ]
    rows = [list(fact) for fact in facts]
    style = table_style(0, figures_from=1)
    story.append(Table(rows, colWidths=[width * 0.7, width * 0.3], style=style))
    if fairness is not None:
        story.append(Spacer(1, 4))
        story.append(Paragraph(_fairness_words(fairness), s.body))

    story.append(Paragraph("Attendance over time", s.h2))
    ordered = sorted(period.sessions, key=lambda x: x.started or datetime.min.replace(tzinfo=UTC))
    if ordered:
        points = [(_short_date(x.started, zone), x.present) for x in ordered]
        story.append(attendance_chart(points, width, fs))
        story.append(Paragraph("People present at each session, oldest first.", s.small))
    else:
        story.append(Paragraph("No sessions were held in this period.", s.body))

    if ordered:
        story.append(Paragraph("Sessions", s.h2))
        head: list[object] = ["Date", "Circle", "Present", "Length", "Fairness"]
        data: list[list[object]] = [head]
        cols = [w * width for w in (0.24, 0.40, 0.12, 0.12, 0.12)]
        for x in ordered:
            data.append(
                [
                    _long_date(x.started, zone),
                    text.cell(x.circle, s.cell, cols[1] - 8),
                    str(x.present),
                    format_duration(x.duration_seconds),
                    "—" if x.fairness is None else f"{x.fairness:.2f}",
                ]
            )
        style = table_style(figures_from=2)
        story.append(Table(data, colWidths=cols, repeatRows=1, style=style))

    counted = Counter(p.strip() for p in period.prompts if p.strip())
    if counted:
        story.append(Paragraph("Prompts used", s.h2))
        for prompt, times in sorted(counted.items(), key=lambda kv: (-kv[1], kv[0])):
            story += text.paragraphs(prompt, s.body, width - 12, prefix=f"<b>{times}×</b> ")
    notice = text.missing_notice()
    if notice:
        story.append(Paragraph(notice, s.small))
    title = f"Period report {period.start:%Y-%m-%d} – {period.end:%Y-%m-%d}"
    return build_pdf(
        story,
        paper=context.paper,
        title=title,
        footer=footer_text(context.generated_at()),
        fonts=fs,
        invariant=context.invariant,
    )


def _fairness_words(index: float) -> str:
    if index >= 0.95:
        verdict = "time was shared very evenly"
    elif index >= 0.85:
        verdict = "time was shared fairly evenly"
    elif index >= 0.7:
        verdict = "some voices often took noticeably more time than others"
    else:
        verdict = "a few voices often took most of the time"
    return f"On average {verdict} (1.00 is perfectly equal)."


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(zone or UTC)


def _short_date(moment: datetime | None, zone: tzinfo | None) -> str:
    return "?" if moment is None else f"{_local(moment, zone):%d %b}"


def _long_date(moment: datetime | None, zone: tzinfo | None) -> str:
    return "undated" if moment is None else f"{_local(moment, zone):%Y-%m-%d %H:%M}"
