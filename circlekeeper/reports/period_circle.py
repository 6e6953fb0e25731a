"""One circle's section of the period report: a compact table, its charts, who facilitated,
and (when the privacy level allows and it was asked for) the attendance grid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from reportlab.platypus import Flowable, Spacer, Table

from circlekeeper.i18n import N_, _, ngettext
from circlekeeper.i18n.formats import format_day_month, format_list, format_month
from circlekeeper.i18n.formats import format_duration as length_in_words
from circlekeeper.i18n.typed_lists import between_parts
from circlekeeper.reports import period_rtl as rtl
from circlekeeper.reports import period_words as say
from circlekeeper.reports.bidi_order import isolate
from circlekeeper.reports.context import Privacy
from circlekeeper.reports.fonts import FontSet
from circlekeeper.reports.headed_table import HeadedTable
from circlekeeper.reports.layout import Styles, table_style
from circlekeeper.reports.people import initials
from circlekeeper.reports.period_charts import StackedBar, attendance_split_chart, mood_chart
from circlekeeper.reports.period_flowables import KeptTogether
from circlekeeper.reports.typeset import Typesetter
from circlekeeper.session.period_figures import (
    AttendanceGrid,
    CirclePeriod,
    MoodMonth,
    SessionLine,
)

PER_SESSION_BARS = 26
"""Up to this many sessions, the chart has a bar per session; beyond, one per month."""
GRID_CELL = 26.0
TOP_PROMPTS_PRINTED = 3
MOOD_CAPTIONS = (
    ("check-in", N_("Moods at check-in per month: how many chose each value (1 low, 5 high).")),
    ("check-out", N_("Moods at check-out per month: how many chose each value (1 low, 5 high).")),
)


@dataclass(frozen=True, slots=True)
class Kit:
    """What every part of one period report is typeset with."""

    fonts: FontSet
    styles: Styles
    text: Typesetter
    width: float
    zone: ZoneInfo | None
    rtl: bool = False
    """A right-to-left language: the page is mirrored (:mod:`period_rtl`)."""
    _inline: dict[str, str] = field(default_factory=dict)

    def inline(self, text: str) -> str:
        """User text as paragraph markup, typeset once per text: the same prompts and
        facilitators recur in hundreds of circle sections."""
        found = self._inline.get(text)
        if found is None:
            found = self._inline[text] = self.text.inline(
                text, style=self.styles.body, width=self.width
            )
        return found


def shown_name(name: str, privacy: Privacy) -> str | None:
    """A person's (or facilitator's) name as the level allows; ``None`` at counts only."""
    if privacy is Privacy.NAMES:
        return name
    if privacy is Privacy.INITIALS:
        return initials(name)
    return None


def facilitation_line(counts: Sequence[tuple[str, int]], privacy: Privacy, kit: Kit) -> Flowable:
    """Sessions per facilitator, alphabetical (a count, never a ranking); no names at counts."""
    if privacy is Privacy.COUNTS:
        people = len(counts)
        words = ngettext(
            "Facilitation: {count} facilitator shared the sessions.",
            "Facilitation: {count} facilitators shared the sessions.",
            people,
        ).format(count=say.count(people))
        return _one(rtl.said(kit, words if counts else _("Facilitation: —"), kit.styles.body))
    name = isolate if kit.rtl else kit.inline  # mirrored text is escaped later
    parts = [
        f"{name(shown_name(person, privacy) or '')} {say.count(n)}" for person, n in counts
    ] or ["—"]
    words = _("Facilitation (sessions each, alphabetical): {counts}")
    return _one(rtl.said(kit, words.format(counts=format_list(parts)), kit.styles.body))


def _one(flowables: list[Flowable]) -> Flowable:
    return flowables[0] if len(flowables) == 1 else KeptTogether(flowables)


def _people_new(people: int, newcomers: int) -> str:
    """``1.234 (56)``: people, and in brackets how many were new to the circle."""
    return f"{say.count(people)} ({say.count(newcomers)})"


def circle_section(
    circle: CirclePeriod,
    lines: Sequence[SessionLine],
    privacy: Privacy,
    grid: AttendanceGrid | None,
    kit: Kit,
    head: Flowable | None = None,
) -> list[Flowable]:
    """``head`` (a running head) is placed with the circle's heading, on the page it prints."""
    s = kit.styles
    now, before = circle.current, circle.previous
    heading = kit.text.line(circle.name, s.h2, kit.width, rtl_base=True if kit.rtl else None)
    trend = circle.trend
    rows = [
        ["", _("This period"), _("Previous"), _("Change")],
        [_("Sessions held"), say.count(now.sessions), say.count(before.sessions),
         say.change_in_count(now.sessions, before.sessions)],
        [_("Average attendance"), say.number(now.average_present),
         say.number(before.average_present),
         say.change_in_count(now.average_present or 0, before.average_present or 0)],
        [_("People (new to this circle)"), _people_new(now.people, now.newcomers),
         _people_new(before.people, before.newcomers),
         say.change_in_count(now.people, before.people)],
        [_("Came back after a first visit"), say.share(now.returning_rate),
         say.share(before.returning_rate),
         say.change_in_share(now.returning_rate, before.returning_rate)],
        [_("Average length"), _length(now.average_seconds), _length(before.average_seconds), ""],
        [_("Fairness"), say.number(now.average_fairness, 2),
         say.number(before.average_fairness, 2),
         say.change_in_index(now.average_fairness, before.average_fairness)],
        [_("Passed at least once (of attendances)"), say.share(now.pass_rate),
         say.share(before.pass_rate), say.change_in_share(now.pass_rate, before.pass_rate)],
        [_("Prompts used"), say.count(circle.prompts_used), "", ""],
    ]  # fmt: skip
    cols = [kit.width * w for w in (0.43, 0.19, 0.19, 0.19)]
    table = rtl.figure_table(kit, rows, cols)
    plan = rtl.caption(kit, say.plan_sentence(circle.plan))
    marks = [] if head is None else [head]
    story: list[Flowable] = [KeptTogether([*marks, *heading, table, *plan])]
    if trend.change is not None:
        words = _(
            "Attendance trend: {trend} ({first} present on average in the first half of the"
            " period, {second} in the second)."
        ).format(
            trend=_(trend.words),
            first=say.number(trend.first_half),
            second=say.number(trend.second_half),
        )
    else:
        words = _("Attendance trend: {trend}.").format(trend=_(trend.words))
    story += rtl.caption(kit, words)
    if lines:
        bars = _attendance_bars(lines, kit.zone)
        per = (
            _("People present per session, oldest first.")
            if len(lines) <= PER_SESSION_BARS
            else _("People present per month (average per session), oldest first.")
        )
        chart = rtl.chart(kit, attendance_split_chart(bars, kit.width, kit.fonts))
        story.append(KeptTogether([chart, *rtl.caption(kit, per)]))
    for moment, words in MOOD_CAPTIONS:
        months = [m for m in circle.moods if m.moment == moment and m.total]
        if months:
            chart = rtl.chart(kit, mood_chart(_mood_bars(months), kit.width, kit.fonts))
            story.append(KeptTogether([Spacer(1, 4), chart, *rtl.caption(kit, _(words))]))
    if circle.top_prompts:
        shown = circle.top_prompts[:TOP_PROMPTS_PRINTED]
        prompt = isolate if kit.rtl else kit.inline  # mirrored text is escaped later
        # French " ; ", Arabic "؛ ": a bare "; " read as English between French words.
        items = between_parts().join(f"{prompt(text)} ({say.count(n)}×)" for text, n in shown)
        story += rtl.said(kit, _("Most used prompts: {prompts}").format(prompts=items), s.body)
    story.append(facilitation_line(circle.facilitators, privacy, kit))
    if grid is not None and privacy is not Privacy.COUNTS and grid.people:
        story += grid_tables(grid, privacy, kit)
    return story


def grid_tables(grid: AttendanceGrid, privacy: Privacy, kit: Kit) -> list[Flowable]:
    """People × sessions, split into tables as wide as the page allows."""
    s = kit.styles
    lead: list[Flowable] = [
        *rtl.said(kit, _("Attendance"), s.h2),
        *rtl.said(
            kit, _("● present · L arrived late · E left early · P passed at least once."), s.small
        ),
    ]
    story: list[Flowable] = []
    name_width = kit.width * 0.24
    columns = max(1, int((kit.width - name_width) // GRID_CELL))
    for start in range(0, len(grid.sessions), columns):
        when = grid.sessions[start : start + columns]
        head: list[object] = [""]
        head += [_short(moment, kit.zone).replace(" ", "\n") for moment in when]
        data: list[list[object]] = [head]
        for person in grid.people:
            marks = person.marks[start : start + columns]
            if not any(marks):
                continue
            label = shown_name(person.name, privacy) or ""
            name = kit.text.cell(
                label, s.cell, name_width - 8, 30, rtl_page=kit.rtl, own_side=kit.rtl
            )
            data.append([name, *marks])
        style = table_style(figures_from=1)
        style.add("ALIGN", (1, 0), (-1, -1), "CENTER")
        style.add("FONTSIZE", (1, 0), (-1, 0), 6.5)
        widths = [name_width] + [GRID_CELL] * len(when)
        if kit.rtl:
            table = rtl.mirrored_grid(kit, data, widths)
        else:
            table = Table(data, colWidths=widths, repeatRows=1, style=style, hAlign="LEFT")
        # The heading and legend print with the first grid's first rows, never alone.
        story.append(HeadedTable(lead, table) if start == 0 else table)
        story.append(Spacer(1, 6))
    return story


def _attendance_bars(lines: Sequence[SessionLine], zone: ZoneInfo | None) -> list[StackedBar]:
    if len(lines) <= PER_SESSION_BARS:
        return [
            StackedBar(_short(line.started_at, zone), (line.returning, line.first_timers))
            for line in lines
        ]
    months: dict[date, list[SessionLine]] = {}
    for line in lines:
        moment = _local(line.started_at, zone)
        months.setdefault(date(moment.year, moment.month, 1), []).append(line)
    return [
        StackedBar(
            format_month(month),
            (
                sum(x.returning for x in items) / len(items),
                sum(x.first_timers for x in items) / len(items),
            ),
        )
        for month, items in sorted(months.items())
    ]


def _mood_bars(months: Sequence[MoodMonth]) -> list[StackedBar]:
    bars = []
    for m in months:
        counts = dict(m.counts)
        bars.append(
            StackedBar(format_month(m.month), tuple(float(counts.get(v, 0)) for v in range(1, 6)))
        )
    return bars


def _length(seconds: float | None) -> str:
    """A circle's average session, to the minute in words (``41 min``, ``1 hr and 5 min``),
    as the history's Period tab shows it: the report printed ``41:15`` beside the screen's
    ``41 min``, and a session's seconds are noise in an average."""
    if seconds is None:
        return "—"
    return length_in_words(round(seconds / 60) * 60 if seconds >= 60 else seconds)


def _local(moment: datetime, zone: ZoneInfo | None) -> datetime:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(zone or UTC)


def _short(moment: datetime, zone: ZoneInfo | None) -> str:
    local = _local(moment, zone)
    return format_day_month(local)
