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
from datetime import datetime, tzinfo

from reportlab.platypus import Flowable, PageBreak, Spacer

from circlekeeper.i18n import _, active_language, language, ngettext
from circlekeeper.i18n.formats import at_place, format_date, format_date_and_time, format_list
from circlekeeper.reports import period_rtl as rtl
from circlekeeper.reports import period_words as say
from circlekeeper.reports.bidi_order import isolate
from circlekeeper.reports.context import Privacy, ReportContext
from circlekeeper.reports.figure_rows import FigureRows
from circlekeeper.reports.fonts import fonts
from circlekeeper.reports.layout import (
    RunningHead,
    build_pdf,
    footer_text,
    frame_width,
    stylesheet,
)
from circlekeeper.reports.period_appendix import Column, SessionRows
from circlekeeper.reports.period_circle import Kit, circle_section, facilitation_line, shown_name
from circlekeeper.reports.period_flowables import MONO, mono_cover
from circlekeeper.reports.session_pdf import local_zone
from circlekeeper.reports.typeset import Typesetter, truncate
from circlekeeper.session.model import format_duration
from circlekeeper.session.period_figures import AttendanceGrid, PeriodFigures, SessionLine

Progress = Callable[[int, int], None]
STRICTNESS = (Privacy.COUNTS, Privacy.INITIALS, Privacy.NAMES)
GLANCE_CIRCLES = 12
"""Up to this many circles are listed on page one; more get their own pages after it."""
APPENDIX_SESSIONS = 1000
"""The appendix lists up to this many sessions (about 20 pages), the period's most recent,
unless every one is asked for: a board reads the first pages and the figures, not hundreds of
pages of rows, and those rows are most of a large organization's PDF (docs/REPORTS.md)."""


@dataclass(frozen=True, slots=True)
class PeriodReport:
    """The figures and how much each circle may say about people."""

    figures: PeriodFigures
    privacy: Mapping[int, Privacy] = field(default_factory=dict)
    """Per circle; a circle not listed prints at *counts only*."""
    grids: Mapping[int, AttendanceGrid] = field(default_factory=dict)
    """Attendance grids asked for (printed only where the circle's level allows names)."""
    every_session: bool = False
    """List every session in the appendix, however many (else up to ``APPENDIX_SESSIONS``)."""

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
    mirrored = language(active_language()).right_to_left
    kit = Kit(
        fs,
        stylesheet(fs, rtl=mirrored),
        Typesetter(fs),
        frame_width(context.paper),
        local_zone(context.timezone),
        rtl=mirrored,
    )
    figures = report.figures
    total = len(figures.circles) + 2
    whole = _running_head(kit, figures.circle_name or _("All circles"), figures)
    story: list[Flowable] = [RunningHead(whole)]
    story += _at_a_glance(report, context, kit)
    sessions = figures.sessions_by_circle()
    for number, circle in enumerate(figures.circles, start=1):
        if number == 1:
            story.append(PageBreak())
            if len(figures.circles) > GLANCE_CIRCLES:  # page one stays one page
                story += rtl.said(kit, _("Circles"), kit.styles.h2)
                story.append(_circles_table(report, kit))
                story.append(PageBreak())
        story += circle_section(
            circle,
            sessions.get(circle.circle_id, ()),
            report.privacy_of(circle.circle_id),
            report.grids.get(circle.circle_id),
            kit,
            head=RunningHead(_running_head(kit, circle.name, figures)),
        )
        story.append(Spacer(1, 10))
        if progress is not None:
            progress(number, total)
    appendix = _appendix(report, kit)
    story += [RunningHead(whole), *appendix] if appendix else []
    notice = kit.text.missing_notice()
    if notice:
        story += rtl.said(kit, notice, kit.styles.small)
    scope = figures.scope
    data = build_pdf(
        story,
        paper=context.paper,
        title=_("Period report {first} – {last}").format(
            first=f"{scope.first_day:%Y-%m-%d}", last=f"{scope.last_day:%Y-%m-%d}"
        ),
        footer=footer_text(context.generated_at()),
        fonts=fs,
        invariant=context.invariant,
    )
    if progress is not None:
        progress(total, total)
    return data


def _running_head(kit: Kit, name: str, figures: PeriodFigures) -> list[Flowable]:
    """Whose pages these are (a circle, or the report's scope) and the period, at the top of
    each page after a part's first: a page that goes on with a circle's charts or attendance
    grid said nothing of which circle it was."""
    small = kit.styles.small
    name = kit.text.fit(" ".join(name.split()), small, kit.width * 0.6)
    span = say.day_span(figures.scope.first_day, figures.scope.last_day)
    # Translators: at the top of a printed summary's second and later pages.
    words = _("{circle} · {date}").format(circle=isolate(name), date=span)
    return kit.text.line(words, small, kit.width, rtl_base=True if kit.rtl else None)


def glance_rows(figures: PeriodFigures) -> list[tuple[str, str, str, str]]:
    """(figure, this period, previous period, change): page one's table, also on screen."""
    now, before = figures.current, figures.previous
    return [
        (_("People reached"), say.count(now.people), say.count(before.people),
         say.change_in_count(now.people, before.people)),
        (_("Newcomers (first visit ever)"), say.count(now.newcomers), say.count(before.newcomers),
         say.change_in_count(now.newcomers, before.newcomers)),
        (_("Came back after a first visit"), _share_of(now.returned, now.people),
         _share_of(before.returned, before.people),
         say.change_in_share(now.returning_rate, before.returning_rate)),
        (_("Sessions attended per person"), say.number(now.frequency),
         say.number(before.frequency),
         say.change_in_count(now.frequency or 0, before.frequency or 0)),
        (_("Sessions held"), say.count(now.sessions), say.count(before.sessions),
         say.change_in_count(now.sessions, before.sessions)),
        (_("Hours of peer support (length × people present)"), say.hours(now.person_seconds),
         say.hours(before.person_seconds),
         say.change_in_count(now.person_seconds, before.person_seconds)),
        (_("Average fairness (1.00: perfectly equal)"), say.number(now.average_fairness, 2),
         say.number(before.average_fairness, 2),
         say.change_in_index(now.average_fairness, before.average_fairness)),
    ]  # fmt: skip


def _at_a_glance(report: PeriodReport, context: ReportContext, kit: Kit) -> list[Flowable]:
    figures, s, text = report.figures, kit.styles, kit.text
    scope, previous = figures.scope, figures.previous_scope
    story: list[Flowable] = []
    base = True if kit.rtl else None
    if context.organization:
        story += text.line(context.organization, s.org, kit.width, rtl_base=base)
    story.append(Spacer(1, 4))
    story += rtl.said(kit, _("Period report"), s.subtitle)
    story += text.line(figures.circle_name or _("All circles"), s.title, kit.width, rtl_base=base)
    story += rtl.said(kit, say.day_span(scope.first_day, scope.last_day), s.subtitle)
    story += rtl.said(kit, _("At a glance"), s.h2)
    head = ["", _("This period"), _("Previous period"), _("Change")]
    rows = [head, *map(list, glance_rows(figures))]
    cols = [kit.width * w for w in (0.38, 0.23, 0.23, 0.16)]
    story.append(rtl.figure_table(kit, rows, cols, size=9))
    story += rtl.said(
        kit,
        _("Previous period: {span}, the same number of days ({days}).").format(
            span=say.day_span(previous.first_day, previous.last_day), days=scope.days
        ),
        s.small,
    )
    now = figures.current
    story.append(Spacer(1, 6))
    if now.sessions:
        story += rtl.said(kit, say.fairness_sentence(now.average_fairness), s.body)
    if now.people:
        story += rtl.said(
            kit,
            ngettext(
                "{people} different person came {times} times in all: {once} once,"
                " {few} two or three times, {often} four times or more. {new} came for the"
                " first time, and {back} of them came back within the period.",
                "{people} different people came {times} times in all: {once} once,"
                " {few} two or three times, {often} four times or more. {new} came for the"
                " first time, and {back} of them came back within the period.",
                now.people,
            ).format(
                people=say.count(now.people),
                times=say.count(now.person_attendances),
                once=say.count(now.came(1, 1)),
                few=say.count(now.came(2, 3)),
                often=say.count(now.came(4)),
                new=say.count(now.newcomers),
                back=say.count(now.newcomers_returned),
            ),
            s.body,
        )
        story += rtl.said(
            kit,
            _(
                "The right to pass was used in {share} of attendances; {prompts} prompts"
                " were used; circles met for {hours} in all."
            ).format(
                share=say.share(now.pass_rate),
                prompts=say.count(figures.prompts_used),
                hours=say.hours(now.circle_seconds),
            ),
            s.body,
        )
    else:
        story += rtl.said(kit, _("No sessions were held in this period."), s.body)
    if 1 < len(figures.circles) <= GLANCE_CIRCLES:
        story += rtl.said(kit, _("Circles"), s.h2)
        story.append(_circles_table(report, kit))
    if figures.facilitators:
        story.append(Spacer(1, 4))
        story.append(facilitation_line(figures.facilitators, report.overall, kit))
    return story


def _circles_table(report: PeriodReport, kit: Kit) -> Flowable:
    head = [_("Circle"), _("Sessions"), _("People"), _("New"), _("Avg. present"), _("Fairness")]
    cols = [kit.width * w for w in (0.38, 0.12, 0.12, 0.12, 0.14, 0.12)]
    data = [head]
    for circle in report.figures.circles:
        now = circle.current
        data.append(
            [
                truncate(circle.name, 40),
                say.count(now.sessions),
                say.count(now.people),
                say.count(now.newcomers),
                say.number(now.average_present),
                say.number(now.average_fairness, 2),
            ]
        )
    if kit.rtl:
        return rtl.session_table(
            kit, [Column(t, round(w)) for t, w in zip(head, cols, strict=True)], data[1:]
        )
    return _chunked(data, cols, kit)


def _chunked(data: list[list[str]], cols: list[float], kit: Kit) -> Flowable:
    """A long list of circles as light tables of 40 rows (each fits a page); names in other
    scripts go through the typesetter, cell by cell."""
    head, rows = data[0], data[1:]
    parts: list[Flowable] = [
        FigureRows([head, *rows[i : i + 40]], cols, kit.fonts, typeset=kit.text)
        for i in range(0, len(rows), 40)
    ]
    return parts[0] if len(parts) == 1 else _Stack(parts)


def _appendix(report: PeriodReport, kit: Kit) -> list[Flowable]:
    every = report.figures.sessions
    if not every:
        return []
    listed = len(every) if report.every_session else APPENDIX_SESSIONS
    lines = every[-listed:]
    s = kit.styles
    named = report.overall is not Privacy.COUNTS
    zones: dict[str, tzinfo | None] = {}
    clocks = {_local(line, zones).utcoffset() for line in lines}
    when = [_when(line, zones, named=len(clocks) > 1) for line in lines]
    # The date column is as wide as the language's longest date and time ("27 de nov. de 2026
    # 18:34" runs longer than "27.11.2026, 18:34"); the circle's gives way. A figure column is
    # at least as wide as its heading ("Presentes" beside "Novas").
    date_chars = max(len(shown) for shown in when)
    columns = [
        Column(_("Date (local)"), date_chars),
        Column(_("Circle"), max(16, (46 if named else 58) - date_chars)),
        *(
            Column(title, max(chars, len(title) + 1), right=True)
            for title, chars in (
                (_("Present"), 7),
                (_("New"), 4),
                (_("Length"), 8),
                (_("Fairness"), 8),
            )
        ),
    ]
    if named:
        columns.append(Column(_("Facilitator"), 18))
    rows = []
    for line, shown in zip(lines, when, strict=True):
        row = [
            shown,
            line.circle_name,
            say.count(line.present),
            say.count(line.first_timers),
            format_duration(line.duration_seconds),
            say.number(line.fairness, 2),
        ]
        if named:
            privacy = report.privacy_of(line.circle_id)
            row.append(
                format_list(n for n in (shown_name(f, privacy) for f in line.facilitators) if n)
            )
        rows.append(row)
    story: list[Flowable] = [PageBreak()]
    if len(lines) == len(every):
        story += rtl.said(kit, _("Appendix: every session"), s.h2)
    else:
        mono_cover()  # registers the monospaced font the sentence names the command in
        command = "circlekeeper report --all-sessions"
        story += rtl.said(kit, _("Appendix: the most recent sessions"), s.h2)
        story += rtl.said(
            kit,
            _(
                "The period held {total} sessions; the {listed} most recent (from {day})"
                " are listed here. The figures above count every one of them. To list"
                " them all, run {command}."
            ).format(
                total=say.count(len(every)),
                listed=say.count(len(lines)),
                day=format_date(_local(lines[0], zones), "medium"),
                command=command if kit.rtl else f'<font name="{MONO}">{command}</font>',
            ),
            s.body,
        )
    story += rtl.said(
        kit,
        _(
            "Finished sessions of the period, oldest first. New: people at their first"
            " session in that circle."
        ),
        s.small,
    )
    if kit.rtl:
        story.append(rtl.session_table(kit, columns, rows))
    else:
        story.append(SessionRows(columns, rows, kit.fonts, kit.width, _CellCache(kit).cell))
    return story


class _Stack(Flowable):
    """Several flowables that may each go on their own page (``split`` hands them out)."""

    def __init__(self, parts: list[Flowable]) -> None:
        super().__init__()
        self.parts = parts

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        sizes = [p.wrap(available_width, available_height) for p in self.parts]
        self.width = max(w for w, _ in sizes)
        self.height = sum(h for _, h in sizes)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return list(self.parts)

    def draw(self) -> None:
        y = self.height
        for part in self.parts:
            _, h = part.wrap(self.width, y)
            y -= h
            part.drawOn(self.canv, 0, y)


class _CellCache:
    """Typeset cells for the appendix's rare names the monospaced font cannot print, once
    per text and width (the same name repeats on every row of its circle)."""

    def __init__(self, kit: Kit) -> None:
        self._kit = kit
        self._cells: dict[tuple[str, float], list[Flowable]] = {}

    def cell(self, text: str, width: float) -> list[Flowable]:
        found = self._cells.get((text, width))
        if found is None:
            kit = self._kit
            found = self._cells[(text, width)] = kit.text.cell(text, kit.styles.cell, width)
        return found


def _when(line: SessionLine, zones: dict[str, tzinfo | None], *, named: bool = False) -> str:
    """When the session began on its circle's clock, as the report's language writes a date
    and a time ("Nov 27, 2026, 6:34 PM", "27.11.2026, 18:34", "27‏/11‏/2026، 6:34 م").

    The appendix lists sessions in the order they happened. When its circles' clocks differ
    (``named``), each time names its place ("6:51 PM (Lagos)" above "6:32 PM (London)"), so
    a later time listed first reads as another clock, not a mistake; a page of one clock,
    the usual report, names none."""
    moment = _local(line, zones)
    shown = format_date_and_time(moment)
    zone = zones[line.timezone]
    return at_place(shown, zone) if named and isinstance(zone, tzinfo) else shown


def _local(line: SessionLine, zones: dict[str, tzinfo | None]) -> datetime:
    if line.timezone not in zones:
        zones[line.timezone] = local_zone(line.timezone)
    return line.started_at.astimezone(zones[line.timezone])  # None: the machine's own zone


def _share_of(part: int, whole: int) -> str:
    if not whole:
        return "—"
    return _("{share} ({part} of {whole})").format(
        share=say.share(part / whole), part=say.count(part), whole=say.count(whole)
    )
