"""The printed summary of one session: ``render_session(summary, context) -> bytes``.

It reads a :class:`SessionSummary` and a :class:`ReportContext` only: no database, no vault, so a
private note cannot reach the page. All user text goes through the :class:`Typesetter`.

The report is printed in the circle's language (``context.language``), whatever the window
speaks: every heading and sentence is looked up in that language's catalog and every figure
formatted by its CLDR rules. A right-to-left language mirrors the page: paragraphs flush right,
table columns from right to left, the chart's bars growing leftwards, every line shaped.
"""

from __future__ import annotations

import logging
from datetime import UTC
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from circlekeeper.i18n import _, ngettext, speaking, writes_right_to_left
from circlekeeper.i18n.formats import (
    format_clock,
    format_date,
    format_list,
    format_number,
)
from circlekeeper.reports.bidi_order import isolate
from circlekeeper.reports.charts import MAX_BARS, Bar, SpeakingChart
from circlekeeper.reports.context import Privacy, ReportContext
from circlekeeper.reports.fonts import fonts
from circlekeeper.reports.layout import (
    RunningHead,
    Styles,
    build_pdf,
    footer_text,
    frame_height,
    frame_width,
    stylesheet,
)
from circlekeeper.reports.logo import organization_logo
from circlekeeper.reports.people import person_prompt_lines, ranked_rows
from circlekeeper.reports.session_words import (
    attendance_line,
    aware,
    fairness_sentence,
    mood_moment,
    passes_after_speaking,
    planned_sentence,
    share_cell,
    totals_line,
    versus_equal,
    when_line,
)
from circlekeeper.reports.story_writer import StoryWriter
from circlekeeper.reports.typeset import Typesetter
from circlekeeper.session.summary import SessionSummary, fairness_rule

log = logging.getLogger(__name__)


def render_session(summary: SessionSummary, context: ReportContext) -> bytes:
    """The PDF of one session's summary, as bytes, in the circle's language."""
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
CHART_SPACE = 10.0
"""Points between the speaking-time table's notes and the chart."""


def _height(flowables: list[Flowable], width: float) -> float:
    """How tall ``flowables`` print at ``width``, with the space around each."""
    return sum(f.wrap(width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)


class SessionReport(StoryWriter):
    """Builds the story (list of flowables) section by section, then lays it out."""

    def __init__(self, summary: SessionSummary, context: ReportContext) -> None:
        self.summary = summary
        self.context = context
        with speaking(context.language) as code:
            self.language = code
        self.rtl = writes_right_to_left(code)
        self.fonts = fonts()
        self.styles: Styles = stylesheet(self.fonts, rtl=self.rtl)
        self.text = Typesetter(self.fonts)
        self.width = frame_width(context.paper)
        self.zone = local_zone(context.timezone)

    def render(self) -> bytes:
        with speaking(self.language):
            story = self.story()
            circle = " ".join(self.summary.circle.split())[:200]
            return build_pdf(
                story,
                paper=self.context.paper,
                title=_("Circle summary — {circle}").format(circle=circle),
                footer=footer_text(self.context.generated_at()),
                fonts=self.fonts,
                invariant=self.context.invariant,
            )

    def story(self) -> list[Flowable]:
        with speaking(self.language):
            story: list[Flowable] = [RunningHead(self.running_head())]
            story += self.header()
            story += self.attendance()
            story += self.agreements()
            story += self.rounds()
            story += self.speaking_time()
            story += self.moods()
            story += self.shareable()
            notice = self.text.missing_notice()
            if notice:
                story.append(Spacer(1, 8))
                story += self.say(notice, self.styles.small)
            return story

    def running_head(self) -> list[Flowable]:
        """Which circle and day, at the top of the summary's pages after its first."""
        circle = " ".join((self.summary.circle or _("Untitled circle")).split())
        if self.context.demo:
            circle = _("{circle} (demo)").format(circle=circle)
        circle = self.text.fit(circle, self.styles.small, self.width * 0.7)  # one line, and the day
        start = self.summary.started_wall
        words = circle
        if start is not None:
            day = format_date(aware(start).astimezone(self.zone or UTC), "long")
            # Translators: at the top of a printed summary's second and later pages.
            words = _("{circle} · {date}").format(circle=isolate(circle), date=day)
        return self.text.line(words, self.styles.small, self.width, rtl_base=self.rtl)

    # -- sections --------------------------------------------------------------------------
    def header(self) -> list[Flowable]:
        s, ctx = self.styles, self.context
        out: list[Flowable] = []
        logo = organization_logo(self.context.logo_path)
        if logo is not None:
            # Beside the logo the name sits in a table cell, so it is cut to fit (see cell()).
            text_width = self.width - logo.drawWidth - 18
            org = self.text.cell(ctx.organization, s.org, text_width, limit=160, rtl_page=self.rtl)
            cells: list[object] = [logo, org or ""]
            widths = [logo.drawWidth + 10, self.width - logo.drawWidth - 10]
            out.append(
                Table(
                    [cells[::-1] if self.rtl else cells],
                    colWidths=widths[::-1] if self.rtl else widths,
                    style=[
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("ALIGN", (0, 0), (-1, -1), "RIGHT" if self.rtl else "LEFT"),
                    ],
                )
            )
        elif ctx.organization.strip():
            out += self.text.line(ctx.organization, s.org, self.width, rtl_base=self.rtl)
        out.append(Spacer(1, 4))
        out += self.say(_("Circle summary"), s.subtitle)
        circle = self.summary.circle or _("Untitled circle")
        if ctx.demo:
            circle = _("{circle} (demo)").format(circle=circle)
        out += self.text.line(circle, s.title, self.width, rtl_base=self.rtl)
        out += self.say(when_line(self.summary, self.zone, self._zone_name()), s.subtitle)
        facilitators = [" ".join(n.split()) for n in self.summary.facilitators]
        if facilitators:
            label = ngettext(
                "Facilitator: {names}", "Facilitators: {names}", len(facilitators)
            ).format(names=format_list([isolate(name) for name in facilitators]))
            out += self.say(label, s.body)
        if not self.summary.ended:
            out += self.say(
                _("This session was not ended normally; figures run to the last recorded moment."),
                s.small,
            )
        return out

    def attendance(self) -> list[Flowable]:
        s, summary = self.styles, self.summary
        out: list[Flowable] = self.heading(_("Attendance"))
        out += self.say(attendance_line(summary), s.body)
        privacy = self.context.privacy
        if privacy is Privacy.COUNTS:
            out += self.say(_("Privacy: counts only — no names or initials are printed."), s.small)
            return out
        rows = ranked_rows(summary, privacy)
        seating = sorted(rows, key=lambda r: summary.people.index(r.person))
        for row in seating:
            part = row.label
            if privacy is Privacy.NAMES and row.person.pronouns.strip():
                part += f" ({' '.join(row.person.pronouns.split())})"
            if row.person.joined_late:
                part += " · " + _("arrived late")
            if row.person.left_early:
                part += " · " + _("left early")
            out += self.text.paragraphs(
                part, s.body, self.width - 12, prefix=BULLET, rtl_base=self.rtl, isolated=self.rtl
            )
        out += self.say(_("Privacy: {level}.").format(level=privacy.label.lower()), s.small)
        return out

    def agreements(self) -> list[Flowable]:
        items = [a for a in self.context.agreements if a.strip()]
        if not items:
            return []
        out: list[Flowable] = self.heading(_("Group agreements"))
        for item in items:
            out += self.text.paragraphs(
                item,
                self.styles.body,
                self.width - 12,
                prefix=BULLET,
                rtl_base=self.rtl,
                isolated=self.rtl,
            )
        return out

    def rounds(self) -> list[Flowable]:
        s, summary = self.styles, self.summary
        if not summary.rounds:
            return [*self.heading(_("Rounds")), *self.say(_("No rounds were held."), s.body)]
        widths = [0.05, 0.22, 0.29, 0.11, 0.11, 0.11, 0.11]
        cols = [w * self.width for w in widths]
        head: list[object] = [
            "#",
            _("Round"),
            _("Time policy"),
            _("Planned"),
            _("Took"),
            _("Spoken"),
            _("Passes"),
        ]
        planned_total = 0.0
        figures: list[list[object]] = []
        for r in summary.rounds:
            planned_total += r.planned_seconds or 0.0
            figures.append(
                [
                    format_number(r.index + 1),
                    None,  # the round's name and policy, typeset once the widths are known
                    None,
                    "—" if r.planned_seconds is None else format_clock(r.planned_seconds),
                    format_clock(r.duration_seconds),
                    format_clock(r.spoken_seconds),
                    format_number(r.passes),
                ]
            )
        took = sum(r.duration_seconds for r in summary.rounds)
        total_row: list[object] = [
            "",
            _("All rounds"),
            "",
            format_clock(planned_total),
            format_clock(took),
            format_clock(summary.total_spoken),
            format_number(summary.passes),
        ]
        cols = self.fit_columns(cols, [head, *figures, total_row], give=2)
        data: list[list[object]] = [head]
        for r, row in zip(summary.rounds, figures, strict=True):
            row[1] = self.text.cell(r.label, s.cell, cols[1] - 8, limit=40, rtl_page=self.rtl)
            row[2] = self.say_in(r.plan.policy.describe(), s.cell, cols[2] - 8)
            data.append(row)
        data.append(total_row)
        table = self.table(data, cols, figures_from=3, total_row=True)
        out: list[Flowable] = [*self.heading(_("Rounds: planned and actual time")), table]
        out.append(Spacer(1, 4))
        out += self.say(planned_sentence(planned_total, took), s.body)
        heard = self._heard_by_round()
        if any(r.plan.prompts() or heard.get(r.index) for r in summary.rounds):
            out += self.heading(_("Prompts"))
        for r in summary.rounds:
            # Only rounds that were held: a planned round the circle never reached was not
            # heard, and a prompt heard in a round is printed under that round, nowhere else.
            extra = [t for t in heard.get(r.index, ()) if t not in set(r.plan.prompts())]
            if not r.plan.prompts() and not extra:
                continue
            number, label = format_number(r.index + 1), " ".join(r.label[:60].split())
            if r.plan.per_person:
                out += self.say(
                    _("Round {number} ({round}): a prompt for each person").format(
                        number=number, round=isolate(label)
                    ),
                    s.body,
                )
                for line in person_prompt_lines(r.plan, summary, self.context.privacy):
                    out += self.text.paragraphs(
                        line, s.body, self.width - 12, prefix=BULLET, rtl_base=self.rtl
                    )
                continue
            prompt = r.plan.prompt or extra.pop(0)
            out += self.say(
                _("Round {number} ({round}): {prompt}").format(
                    number=number, round=isolate(label), prompt=isolate(prompt)
                ),
                s.body,
            )
            for prompt in extra:
                out += self.text.paragraphs(
                    prompt,
                    s.body,
                    self.width - 12,
                    prefix=BULLET,
                    rtl_base=self.rtl,
                    isolated=self.rtl,
                )
        return out

    def speaking_time(self) -> list[Flowable]:
        s, summary = self.styles, self.summary
        out: list[Flowable] = self.heading(_("Speaking time"))
        if not summary.people:
            return [*out, *self.say(_("Nobody was recorded as present."), s.body)]
        rows = ranked_rows(summary, self.context.privacy)
        widths = [0.06, 0.30, 0.12, 0.10, 0.14, 0.09, 0.09, 0.10]
        cols = [w * self.width for w in widths]
        head: list[object] = [
            "#",
            _("Person"),
            _("Spoken"),
            _("Share"),
            _("vs equal"),
            _("Turns"),
            _("Passes"),
            _("Over"),
        ]
        shown = summary.shown_seconds()  # the column adds up to the total above it
        shares = summary.shown_shares()  # and this one to 100 %
        figures: list[list[object]] = [
            [
                format_number(row.rank),
                None,  # the name, typeset once the widths are known
                format_clock(shown[row.person.person_id]),
                share_cell(shares.get(row.person.person_id)),
                versus_equal(row.person),
                format_number(row.person.turns),
                format_number(row.person.passes),
                format_clock(row.person.over_seconds) if row.person.over_seconds >= 0.5 else "—",
            ]
            for row in rows
        ]
        cols = self.fit_columns(cols, [head, *figures], give=1)
        data: list[list[object]] = [head]
        for row, cells in zip(rows, figures, strict=True):
            cells[1] = self.text.cell(row.label, s.cell, cols[1] - 8, rtl_page=self.rtl)
            data.append(cells)
        over = sum(p.over_seconds for p in summary.people)
        out += self.say(fairness_sentence(summary), s.body)
        out += self.say(totals_line(summary, over), s.body)
        out.append(self.table(data, cols, figures_from=2))
        labels = {row.person.person_id: isolate(row.label) for row in rows}
        for line in passes_after_speaking(summary, labels):
            out += self.say(line, s.small)
        out += self.say(fairness_rule(), s.small)
        if self.context.privacy is Privacy.COUNTS:
            note = _("People are numbered by speaking time, most first; nobody is named.")
            out += self.say(note, s.small)
        if len(rows) > MAX_BARS:
            note = _("The chart is left out: {count} bars would not fit on a page.").format(
                count=format_number(len(rows))
            )
            return [*out, *self.say(note, s.small)]
        bars = [Bar(r.rank, r.label, shown[r.person.person_id]) for r in rows]
        if not any(bar.seconds > 0 for bar in bars):
            # Nobody spoke (everyone passed, or no round was held): the sentence above says
            # so, and a chart of empty bars took a page of its own to say it again.
            return out
        caption = _(
            "Speaking time per person against the equal share among those who spoke (dashed "
            "line); magenta bars are more than 25 % above it. Bars follow the table's order."
        )
        below = self.say(caption, s.small)
        # The chart and its caption share a page: the chart's bars close up where a page
        # would not hold both (the caption printed alone on a last page of its own).
        room = frame_height(self.context.paper) - CHART_SPACE - _height(below, self.width)
        chart = SpeakingChart(
            bars, summary.equal_share, self.width, self.text, mirrored=self.rtl, room=room
        )
        out.append(KeepTogether([Spacer(1, CHART_SPACE), chart, *below]))
        return out

    def moods(self) -> list[Flowable]:
        moods = [m for m in self.context.moods if m.total]
        if not moods:
            return []
        head: list[object] = [
            _("Moment"),
            *(format_number(v) for v in range(1, 6)),
            _("People"),
            _("Average"),
        ]
        data: list[list[object]] = [head]
        for m in moods:
            avg = m.average
            data.append(
                [
                    mood_moment(m.moment),
                    *(format_number(m.counts.get(v, 0)) for v in range(1, 6)),
                    format_number(m.total),
                    "—" if avg is None else format_number(round(avg, 1)),
                ]
            )
        cols = [0.25 * self.width] + [0.1 * self.width] * 5 + [0.12 * self.width, 0.13 * self.width]
        title = _("Mood (anonymous counts, 1 = low, 5 = high)")
        return [KeepTogether([*self.heading(title), self.table(data, cols, figures_from=1)])]

    def shareable(self) -> list[Flowable]:
        text = self.context.shareable
        if not text.strip():
            return []
        body = self.text.paragraphs(text, self.styles.body, self.width)
        return [*self.heading(_("Shareable summary")), *body]

    # -- pieces ----------------------------------------------------------------------------
    def _zone_name(self) -> str:
        return self.context.timezone if self.zone is not None else "UTC"

    def _heard_by_round(self) -> dict[int, list[str]]:
        """The prompts recorded as heard, per round, each text once, in recorded order."""
        heard: dict[int, list[str]] = {}
        for use in self.context.prompts_used:
            text = use.text.strip()
            if text and text not in heard.setdefault(use.round_index, []):
                heard[use.round_index].append(text)
        return heard
