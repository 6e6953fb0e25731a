"""The period report an organization hands to its board and funders.

Page one is *at a glance*: people reached, newcomers, who came back, how often people came,
sessions held, hours of peer support and fairness in plain words, each against the previous
period of the same length. Then one section per circle (:mod:`period_circle`), then every
session as an appendix. Built from :class:`PeriodFigures` (the store's one query layer, which
the CSV and the history view read too); the renderer queries nothing.

Privacy: each circle prints at its own level (or the one chosen for the export). At *counts
only* no name appears anywhere: facilitators are counted, not named, and there is no
attendance grid. The report as a whole (page one, the appendix) uses the strictest level of
the circles in it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from circlekeeper.reports import period_words as say
from circlekeeper.reports.context import Privacy, ReportContext
from circlekeeper.reports.fonts import fonts
from circlekeeper.reports.layout import build_pdf, footer_text, frame_width, stylesheet, table_style
from circlekeeper.reports.period_circle import Kit, circle_section, facilitation_line, shown_name
from circlekeeper.reports.session_pdf import local_zone
from circlekeeper.reports.typeset import Typesetter
from circlekeeper.session.model import format_duration
from circlekeeper.store.history.reach_records import AttendanceGrid, PeriodFigures, SessionLine

Progress = Callable[[int, int], None]
APPENDIX_CHUNK = 60
"""Appendix rows per table: many small tables lay out in linear time, one huge one does not."""
STRICTNESS = (Privacy.COUNTS, Privacy.INITIALS, Privacy.NAMES)


@dataclass(frozen=True, slots=True)
class PeriodReport:
    """The figures and how much each circle may say about people."""

    figures: PeriodFigures
    privacy: Mapping[int, Privacy] = field(default_factory=dict)
    """Per circle; a circle not listed prints at *counts only*."""
    grids: Mapping[int, AttendanceGrid] = field(default_factory=dict)
    """Attendance grids asked for (printed only where the circle's level allows names)."""

    def privacy_of(self, circle_id: int) -> Privacy:
        return self.privacy.get(circle_id, Privacy.COUNTS)

    @property
    def overall(self) -> Privacy:
        """The strictest level of the circles in the report."""
        levels = [self.privacy_of(c.circle_id) for c in self.figures.circles]
        return min(levels, key=STRICTNESS.index) if levels else Privacy.COUNTS


def render_period(
    report: PeriodReport, context: ReportContext, *, progress: Progress | None = None
) -> bytes:
    """The period report as PDF bytes; ``progress(done, total)`` after each circle's section
    and once the pages are laid out."""
    fs = fonts()
    kit = Kit(
        fs, stylesheet(fs), Typesetter(fs), frame_width(context.paper), local_zone(context.timezone)
    )
    figures = report.figures
    total = len(figures.circles) + 2
    story = _at_a_glance(report, context, kit)
    for number, circle in enumerate(figures.circles, start=1):
        if number == 1:
            story.append(PageBreak())
        story += circle_section(
            circle,
            figures.sessions_of(circle.circle_id),
            report.privacy_of(circle.circle_id),
            report.grids.get(circle.circle_id),
            kit,
        )
        story.append(Spacer(1, 10))
        if progress is not None:
            progress(number, total)
    story += _appendix(report, kit)
    notice = kit.text.missing_notice()
    if notice:
        story.append(Paragraph(notice, kit.styles.small))
    scope = figures.scope
    data = build_pdf(
        story,
        paper=context.paper,
        title=f"Period report {scope.first_day:%Y-%m-%d} – {scope.last_day:%Y-%m-%d}",
        footer=footer_text(context.generated_at()),
        fonts=fs,
        invariant=context.invariant,
    )
    if progress is not None:
        progress(total, total)
    return data


def glance_rows(figures: PeriodFigures) -> list[tuple[str, str, str, str]]:
    """(figure, this period, previous period, change): page one's table, also on screen."""
    now, before = figures.current, figures.previous
    return [
        ("People reached", str(now.people), str(before.people),
         say.change_in_count(now.people, before.people)),
        ("Newcomers (first visit ever)", str(now.newcomers), str(before.newcomers),
         say.change_in_count(now.newcomers, before.newcomers)),
        ("Came back after a first visit", _share_of(now.returned, now.people),
         _share_of(before.returned, before.people),
         say.change_in_share(now.returning_rate, before.returning_rate)),
        ("Sessions attended per person", say.number(now.frequency), say.number(before.frequency),
         say.change_in_count(now.frequency or 0, before.frequency or 0)),
        ("Sessions held", str(now.sessions), str(before.sessions),
         say.change_in_count(now.sessions, before.sessions)),
        ("Hours of peer support (length × people present)", say.hours(now.person_seconds),
         say.hours(before.person_seconds),
         say.change_in_count(now.person_seconds, before.person_seconds)),
        ("Average fairness (1.00: perfectly equal)", say.number(now.average_fairness, 2),
         say.number(before.average_fairness, 2),
         say.change_in_index(now.average_fairness, before.average_fairness)),
    ]  # fmt: skip


def _at_a_glance(report: PeriodReport, context: ReportContext, kit: Kit) -> list[Flowable]:
    figures, s, text = report.figures, kit.styles, kit.text
    scope, previous = figures.scope, figures.previous_scope
    story: list[Flowable] = []
    if context.organization:
        story += text.line(context.organization, s.org, kit.width)
    story.append(Spacer(1, 4))
    story.append(Paragraph("Period report", s.subtitle))
    story += text.line(figures.circle_name or "All circles", s.title, kit.width)
    story.append(Paragraph(say.day_span(scope.first_day, scope.last_day), s.subtitle))
    story.append(Paragraph("At a glance", s.h2))
    rows = [["", "This period", "Previous period", "Change"], *map(list, glance_rows(figures))]
    cols = [kit.width * w for w in (0.46, 0.18, 0.18, 0.18)]
    story.append(Table(rows, colWidths=cols, style=table_style(figures_from=1)))
    story.append(
        Paragraph(
            f"Previous period: {say.day_span(previous.first_day, previous.last_day)}, the same"
            f" number of days ({scope.days}).",
            s.small,
        )
    )
    now = figures.current
    story.append(Spacer(1, 6))
    story.append(Paragraph(say.fairness_sentence(now.average_fairness), s.body))
    if now.people:
        story.append(
            Paragraph(
                f"{now.people} different {_people(now.people)} came {now.person_attendances}"
                f" times in all: {now.came(1, 1)} once, {now.came(2, 3)} two or three times,"
                f" {now.came(4)} four times or more. {now.newcomers} came for the first time,"
                f" and {now.newcomers_returned} of them came back within the period.",
                s.body,
            )
        )
        story.append(
            Paragraph(
                f"The right to pass was used in {say.share(now.pass_rate)} of attendances;"
                f" {figures.prompts_used} prompts were used; circles met for"
                f" {say.hours(now.circle_seconds)} in all.",
                s.body,
            )
        )
    else:
        story.append(Paragraph("No sessions were held in this period.", s.body))
    if len(figures.circles) > 1:
        story.append(Paragraph("Circles", s.h2))
        story.append(_circles_table(report, kit))
    if figures.facilitators:
        story.append(Spacer(1, 4))
        story.append(facilitation_line(figures.facilitators, report.overall, kit))
    return story


def _circles_table(report: PeriodReport, kit: Kit) -> Table:
    head = ["Circle", "Sessions", "People", "New", "Avg. present", "Fairness"]
    cols = [kit.width * w for w in (0.38, 0.12, 0.12, 0.12, 0.14, 0.12)]
    data: list[list[object]] = [head]
    names = _NameCells(kit, cols[0] - 8)
    for circle in report.figures.circles:
        now = circle.current
        data.append(
            [
                names.cell(circle.name),
                str(now.sessions),
                str(now.people),
                str(now.newcomers),
                say.number(now.average_present),
                say.number(now.average_fairness, 2),
            ]
        )
    return Table(data, colWidths=cols, repeatRows=1, style=table_style(figures_from=1))


def _appendix(report: PeriodReport, kit: Kit) -> list[Flowable]:
    lines = report.figures.sessions
    if not lines:
        return []
    s = kit.styles
    named = report.overall is not Privacy.COUNTS
    head = ["Date (local)", "Circle", "Present", "New", "Length", "Fairness"]
    widths = (0.2, 0.36, 0.11, 0.09, 0.12, 0.12)
    if named:
        head.append("Facilitator")
        widths = (0.18, 0.26, 0.09, 0.07, 0.1, 0.1, 0.2)
    cols = [kit.width * w for w in widths]
    story: list[Flowable] = [PageBreak(), Paragraph("Appendix: every session", s.h2)]
    story.append(
        Paragraph(
            "Finished sessions of the period, oldest first. New: people at their first"
            " session in that circle.",
            s.small,
        )
    )
    circles = _NameCells(kit, cols[1] - 8)
    people = _NameCells(kit, cols[-1] - 8)
    zones: dict[str, object] = {}
    for start in range(0, len(lines), APPENDIX_CHUNK):
        data: list[list[object]] = [list(head)]
        for line in lines[start : start + APPENDIX_CHUNK]:
            row: list[object] = [
                _when(line, zones),
                circles.cell(line.circle_name),
                str(line.present),
                str(line.first_timers),
                format_duration(line.duration_seconds),
                say.number(line.fairness, 2),
            ]
            if named:
                privacy = report.privacy_of(line.circle_id)
                shown = [shown_name(f, privacy) for f in line.facilitators]
                row.append(people.cell(", ".join(n for n in shown if n)))
            data.append(row)
        style = table_style(figures_from=2)
        if named:
            style.add("ALIGN", (-1, 0), (-1, -1), "LEFT")
        story.append(Table(data, colWidths=cols, repeatRows=1, style=style))
    return story


class _NameCells:
    """User text for table cells, typeset once per distinct text (a year lists one circle's
    name hundreds of times; the same laid-out cell serves every row)."""

    def __init__(self, kit: Kit, width: float) -> None:
        self._kit, self._width = kit, width
        self._cells: dict[str, list[Flowable]] = {}

    def cell(self, text: str) -> list[Flowable]:
        found = self._cells.get(text)
        if found is None:
            found = self._cells[text] = self._kit.text.cell(
                text, self._kit.styles.cell, self._width
            )
        return found


def _when(line: SessionLine, zones: dict[str, object]) -> str:
    if line.timezone not in zones:
        zones[line.timezone] = local_zone(line.timezone)
    zone = zones[line.timezone]
    return f"{line.started_at.astimezone(zone):%Y-%m-%d %H:%M}"  # type: ignore[arg-type]


def _share_of(part: int, whole: int) -> str:
    return "—" if not whole else f"{part / whole * 100:.0f} % ({part} of {whole})"


def _people(n: int) -> str:
    return "person" if n == 1 else "people"
