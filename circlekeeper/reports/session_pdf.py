"""The printed summary of one session: ``render_session(summary, context) -> bytes``.

It reads a :class:`SessionSummary` and a :class:`ReportContext` only: no database, no vault, so a
private note cannot reach the page. All user text goes through the :class:`Typesetter`.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, Spacer, Table

from circlekeeper.i18n import _
from circlekeeper.reports.charts import MAX_BARS, Bar, SpeakingChart
from circlekeeper.reports.context import Privacy, ReportContext
from circlekeeper.reports.fonts import fonts
from circlekeeper.reports.layout import (
    Styles,
    build_pdf,
    footer_text,
    frame_width,
    stylesheet,
    table_style,
)
from circlekeeper.reports.people import person_prompt_lines, ranked_rows
from circlekeeper.reports.typeset import Typesetter, escape
from circlekeeper.session.model import format_duration
from circlekeeper.session.summary import FAIRNESS_RULE, PersonSummary, SessionSummary

log = logging.getLogger(__name__)


def render_session(summary: SessionSummary, context: ReportContext) -> bytes:
    """The PDF of one session's summary, as bytes."""
    return SessionReport(summary, context).render()


def local_zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("unknown time zone %r in a report; printing UTC", name)
        return None


BULLET = "•&nbsp; "
"""A bullet and its gap. The last space is an ordinary one so the first word after it stands
alone: reportlab shapes a word with the font it starts in, and a bullet glued to a Devanagari
name by two non-breaking spaces printed the name's first word in DejaVu's empty boxes."""


class SessionReport:
    """Builds the story (list of flowables) section by section, then lays it out."""

    def __init__(self, summary: SessionSummary, context: ReportContext) -> None:
        self.summary = summary
        self.context = context
        self.fonts = fonts()
        self.styles: Styles = stylesheet(self.fonts)
        self.text = Typesetter(self.fonts)
        self.width = frame_width(context.paper)
        self.zone = local_zone(context.timezone)

    def render(self) -> bytes:
        story = self.story()
        return build_pdf(
            story,
            paper=self.context.paper,
            title=f"Circle summary — {' '.join(self.summary.circle.split())[:200]}",
            footer=footer_text(self.context.generated_at()),
            fonts=self.fonts,
            invariant=self.context.invariant,
        )

    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.header()
        story += self.attendance()
        story += self.agreements()
        story += self.rounds()
        story += self.speaking()
        story += self.moods()
        story += self.shareable()
        notice = self.text.missing_notice()
        if notice:
            story.append(Spacer(1, 8))
            story.append(Paragraph(notice, self.styles.small))
        return story

    # -- sections --------------------------------------------------------------------------
    def header(self) -> list[Flowable]:
        s, ctx = self.styles, self.context
        out: list[Flowable] = []
        logo = self._logo()
        if logo is not None:
            # Beside the logo the name sits in a table cell, so it is cut to fit (see cell()).
            text_width = self.width - logo.drawWidth - 18
            org = self.text.cell(ctx.organization, s.org, text_width, limit=160)
            out.append(
                Table(
                    [[logo, org or ""]],
                    colWidths=[logo.drawWidth + 10, self.width - logo.drawWidth - 10],
                    style=[
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ],
                )
            )
        elif ctx.organization.strip():
            out += self.text.line(ctx.organization, s.org, self.width)
        out.append(Spacer(1, 4))
        out.append(Paragraph("Circle summary", s.subtitle))
        circle = self.summary.circle or "Untitled circle"
        if ctx.demo:
            circle = _("{circle} (demo)").format(circle=circle)
        out += self.text.line(circle, s.title, self.width)
        out.append(Paragraph(self._when(), s.subtitle))
        if self.summary.facilitators:
            names = ", ".join(" ".join(n.split()) for n in self.summary.facilitators)
            label = "Facilitator: " if len(self.summary.facilitators) == 1 else "Facilitators: "
            out += self.text.paragraphs(names, s.body, self.width, prefix=f"<b>{label}</b>")
        if not self.summary.ended:
            out.append(
                Paragraph(
                    "This session was not ended normally; figures run to the last recorded moment.",
                    s.small,
                )
            )
        return out

    def attendance(self) -> list[Flowable]:
        s, summary = self.styles, self.summary
        out: list[Flowable] = [Paragraph("Attendance", s.h2)]
        facts = [f"<b>{summary.present_count}</b> present"]
        facts.append(f"{summary.late_count} arrived late")
        facts.append(f"{summary.left_count} left early")
        out.append(Paragraph(" · ".join(facts), s.body))
        privacy = self.context.privacy
        if privacy is Privacy.COUNTS:
            out.append(
                Paragraph("Privacy: counts only — no names or initials are printed.", s.small)
            )
            return out
        rows = ranked_rows(summary, privacy)
        seating = sorted(rows, key=lambda r: summary.people.index(r.person))
        for row in seating:
            part = row.label
            if privacy is Privacy.NAMES and row.person.pronouns.strip():
                part += f" ({' '.join(row.person.pronouns.split())})"
            if row.person.joined_late:
                part += " · arrived late"
            if row.person.left_early:
                part += " · left early"
            out += self.text.paragraphs(
                part, s.body, self.width - 12, prefix=BULLET, rtl_base=False
            )
        out.append(Paragraph(f"Privacy: {privacy.label.lower()}.", s.small))
        return out

    def agreements(self) -> list[Flowable]:
        items = [a for a in self.context.agreements if a.strip()]
        if not items:
            return []
        out: list[Flowable] = [Paragraph("Group agreements", self.styles.h2)]
        for item in items:
            out += self.text.paragraphs(item, self.styles.body, self.width - 12, prefix=BULLET)
        return out

    def rounds(self) -> list[Flowable]:
        s, summary = self.styles, self.summary
        if not summary.rounds:
            return [Paragraph("Rounds", s.h2), Paragraph("No rounds were held.", s.body)]
        widths = [0.05, 0.22, 0.29, 0.11, 0.11, 0.11, 0.11]
        cols = [w * self.width for w in widths]
        head: list[object] = ["#", "Round", "Time policy", "Planned", "Took", "Spoken", "Passes"]
        data: list[list[object]] = [head]
        planned_total = 0.0
        for r in summary.rounds:
            planned_total += r.planned_seconds or 0.0
            data.append(
                [
                    str(r.index + 1),
                    self.text.cell(r.label, s.cell, cols[1] - 8, limit=40),
                    Paragraph(r.plan.policy.describe(), s.cell),
                    "—" if r.planned_seconds is None else format_duration(r.planned_seconds),
                    format_duration(r.duration_seconds),
                    format_duration(r.spoken_seconds),
                    str(r.passes),
                ]
            )
        took = sum(r.duration_seconds for r in summary.rounds)
        data.append(
            [
                "",
                "All rounds",
                "",
                format_duration(planned_total),
                format_duration(took),
                format_duration(summary.total_spoken),
                str(summary.passes),
            ]
        )
        style = table_style(figures_from=3, total_row=True)
        table = Table(data, colWidths=cols, repeatRows=1, style=style)
        out: list[Flowable] = [Paragraph("Rounds: planned and actual time", s.h2), table]
        out.append(Spacer(1, 4))
        out.append(Paragraph(self._planned_sentence(planned_total, took), s.body))
        heard = self._heard_by_round()
        if any(r.plan.prompts() or heard.get(r.index) for r in summary.rounds):
            out.append(Paragraph("Prompts", s.h2))
        for r in summary.rounds:
            # Only rounds that were held: a planned round the circle never reached was not
            # heard, and a prompt heard in a round is printed under that round, nowhere else.
            extra = [t for t in heard.get(r.index, ()) if t not in set(r.plan.prompts())]
            if not r.plan.prompts() and not extra:
                continue
            prefix = f"<b>Round {r.index + 1}</b> ({self.text.inline(r.label[:60])}): "
            if r.plan.per_person:
                out.append(Paragraph(prefix + "a prompt for each person", s.body))
                for line in person_prompt_lines(r.plan, summary, self.context.privacy):
                    out += self.text.paragraphs(line, s.body, self.width - 12, prefix=BULLET)
            elif r.plan.prompt:
                out += self.text.paragraphs(r.plan.prompt, s.body, self.width, prefix=prefix)
            else:
                out += self.text.paragraphs(extra.pop(0), s.body, self.width, prefix=prefix)
            for prompt in extra:
                out += self.text.paragraphs(prompt, s.body, self.width - 12, prefix=BULLET)
        return out

    def speaking(self) -> list[Flowable]:
        s, summary = self.styles, self.summary
        out: list[Flowable] = [Paragraph("Speaking time", s.h2)]
        if not summary.people:
            return [*out, Paragraph("Nobody was recorded as present.", s.body)]
        rows = ranked_rows(summary, self.context.privacy)
        widths = [0.06, 0.30, 0.12, 0.10, 0.14, 0.09, 0.09, 0.10]
        cols = [w * self.width for w in widths]
        head: list[object] = [
            *("#", "Person", "Spoken", "Share", "vs equal", "Turns", "Passes", "Over")
        ]
        data: list[list[object]] = [head]
        total = summary.total_spoken
        for row in rows:
            p = row.person
            share = f"{100 * p.spoken_total / total:.0f} %" if total else "—"
            data.append(
                [
                    str(row.rank),
                    self.text.cell(row.label, s.cell, cols[1] - 8),
                    format_duration(p.spoken_total),
                    share,
                    _versus_equal(p),
                    str(p.turns),
                    str(p.passes),
                    format_duration(p.over_seconds) if p.over_seconds >= 0.5 else "—",
                ]
            )
        over = sum(p.over_seconds for p in summary.people)
        out.append(Paragraph(self.summary.fairness_sentence(), s.body))
        facts = (
            f"Total speaking {format_duration(total)}"
            f" · equal share {format_duration(summary.equal_share)}"
            f" · {summary.passes} pass{'es' if summary.passes != 1 else ''}"
            f" · {format_duration(over)} over time in all"
        )
        out.append(Paragraph(facts, s.body))
        out.append(Table(data, colWidths=cols, repeatRows=1, style=table_style(figures_from=2)))
        out.append(Paragraph(FAIRNESS_RULE, s.small))
        if self.context.privacy is Privacy.COUNTS:
            note = "People are numbered by speaking time, most first; nobody is named."
            out.append(Paragraph(note, s.small))
        if len(rows) > MAX_BARS:
            note = f"The chart is left out: {len(rows)} bars would not fit on a page."
            out.append(Paragraph(note, s.small))
            return out
        bars = [Bar(r.rank, r.label, r.person.spoken_total) for r in rows]
        caption = (
            "Speaking time per person against the equal share among those who spoke"
            " (dashed line); orange bars are more than 25 % above it. Bars follow the table's"
            " order."
        )
        out.append(
            KeepTogether(
                [
                    Spacer(1, 10),
                    SpeakingChart(bars, summary.equal_share, self.width, self.text),
                    Paragraph(caption, s.small),
                ]
            )
        )
        return out

    def moods(self) -> list[Flowable]:
        moods = [m for m in self.context.moods if m.total]
        if not moods:
            return []
        s = self.styles
        head: list[object] = ["Moment", "1", "2", "3", "4", "5", "People", "Average"]
        data: list[list[object]] = [head]
        for m in moods:
            avg = m.average
            data.append(
                [
                    _truncate_moment(m.moment),
                    *(str(m.counts.get(v, 0)) for v in range(1, 6)),
                    str(m.total),
                    "—" if avg is None else f"{avg:.1f}",
                ]
            )
        cols = [0.25 * self.width] + [0.1 * self.width] * 5 + [0.12 * self.width, 0.13 * self.width]
        return [
            KeepTogether(
                [
                    Paragraph("Mood (anonymous counts, 1 = low, 5 = high)", s.h2),
                    Table(data, colWidths=cols, style=table_style(figures_from=1)),
                ]
            )
        ]

    def shareable(self) -> list[Flowable]:
        text = self.context.shareable
        if not text.strip():
            return []
        body = self.text.paragraphs(text, self.styles.body, self.width)
        return [Paragraph("Shareable summary", self.styles.h2), *body]

    # -- pieces ----------------------------------------------------------------------------
    def _when(self) -> str:
        summary = self.summary
        start = summary.started_wall
        if start is None:
            return f"Duration {format_duration(summary.duration_seconds)}"
        zone = self.zone
        tzname = self.context.timezone if zone is not None else "UTC"
        local = _aware(start).astimezone(zone or UTC)
        when = f"{local:%A %d %B %Y}, {local:%H:%M}"
        if summary.ended_wall is not None:
            when += f"–{_aware(summary.ended_wall).astimezone(zone or UTC):%H:%M}"
        return f"{when} ({escape(tzname)}) · duration {format_duration(summary.duration_seconds)}"

    def _planned_sentence(self, planned: float, took: float) -> str:
        if planned <= 0:
            return f"No round had a time budget; the rounds took {format_duration(took)} in all."
        diff = took - planned
        if abs(diff) < 30:
            verdict = "right on plan"
        elif diff > 0:
            verdict = f"{format_duration(diff)} more than planned"
        else:
            verdict = f"{format_duration(-diff)} less than planned"
        return (
            f"Rounds with a budget planned {format_duration(planned)};"
            f" the rounds took {format_duration(took)}, {verdict}."
        )

    def _heard_by_round(self) -> dict[int, list[str]]:
        """The prompts recorded as heard, per round, each text once, in recorded order."""
        heard: dict[int, list[str]] = {}
        for use in self.context.prompts_used:
            text = use.text.strip()
            if text and text not in heard.setdefault(use.round_index, []):
                heard[use.round_index].append(text)
        return heard

    def _logo(self) -> Image | None:
        path = self.context.logo_path
        if path is None:
            return None
        try:
            reader = ImageReader(str(path))
            w, h = reader.getSize()
        except (OSError, ValueError) as error:
            log.warning("organization logo could not be read (%s); printing without it", error)
            return None
        height = 36.0
        width = min(w * height / h, 140.0) if h else 36.0
        return Image(str(path), width=width, height=width * h / w if w else height)


def _versus_equal(person: PersonSummary) -> str:
    """The "vs equal" cell: a signed difference, or why the person is not measured."""
    deviation = person.deviation_seconds
    if deviation is None:
        return "passed" if person.passes else ("no time" if person.turns else "no turn")
    sign = "+" if deviation > 0.5 else ("−" if deviation < -0.5 else "±")
    return f"{sign}{format_duration(deviation)}"


def _truncate_moment(moment: str) -> str:
    """A mood moment label ("check-in") as a plain cell string: one line, never long."""
    text = " ".join(moment.replace("-", " ").split()).capitalize()
    return text if len(text) <= 30 else text[:29] + "…"


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
