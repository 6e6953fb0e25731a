"""One past session: rounds and turns as they happened, the speaking-time chart, prompts,
moods and the shareable summary; hooks for private notes and re-exporting the PDF.

It renders a :class:`SessionDetail` (whose summary is folded from the stored log), so it shows
exactly what the live summary and the PDF show.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.history.records import SessionDetail
from circlekeeper.i18n import _, ngettext, pgettext
from circlekeeper.i18n.formats import format_list
from circlekeeper.session.state import TurnOutcome, TurnRecord
from circlekeeper.ui.bidi_text import (
    breakable,
    display_name,
    isolate,
    listed_person,
    sentence,
)
from circlekeeper.ui.demo_badge import demo_name
from circlekeeper.ui.facts import SEPARATOR, fairness_sentence, session_facts
from circlekeeper.ui.fairness_strip import FairnessStrip, bars_from_summary
from circlekeeper.ui.history.format import count, duration, local_time
from circlekeeper.ui.history.session_table import status_word
from circlekeeper.ui.key_names import key_text
from circlekeeper.ui.mood_words import mood_lines
from circlekeeper.ui.read_only_hold import writes

NotesFactory = Callable[[int], QWidget | None]
PdfHook = Callable[[QWidget, int], object]


def outcome_words(outcome: TurnOutcome) -> str:
    """What happened in one turn, in the active language."""
    words = {
        TurnOutcome.SPOKE: pgettext("turn outcome", "spoke"),
        TurnOutcome.PASSED: pgettext("turn outcome", "passed"),
        TurnOutcome.DEFERRED: pgettext("turn outcome", "asked to come back later"),
        TurnOutcome.LEFT: pgettext("turn outcome", "left during their turn"),
    }
    return words.get(outcome, str(outcome))


def turn_words(turn: TurnRecord) -> str:
    """What happened in one turn: a pass after speaking says so, with the time that counts
    ("spoke 0:40, then passed"), beside a 0:40 that would otherwise read as a contradiction."""
    if turn.spoken > 0 and turn.outcome is TurnOutcome.PASSED:
        # Translators: a turn in History; {time} is what the person spoke before passing.
        return pgettext("turn outcome", "spoke {time}, then passed").format(
            time=duration(turn.spoken)
        )
    if turn.spoken > 0 and turn.outcome is TurnOutcome.DEFERRED:
        # Translators: a turn in History; {time} is what they spoke before asking to come back.
        return pgettext("turn outcome", "spoke {time}, then asked to come back later").format(
            time=duration(turn.spoken)
        )
    return outcome_words(turn.outcome)


def plain_label(text: str, name: str) -> QLabel:
    """A label that never interprets user text as rich text (names may contain ``<b>``)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SessionDetailView(QWidget):
    delete_requested = Signal(int)

    def __init__(
        self,
        detail: SessionDetail,
        *,
        notes_widget_factory: NotesFactory | None = None,
        pdf_hook: PdfHook | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.detail = detail
        self.setAccessibleName(_("Session detail"))
        self._build_figures()
        self._build_rounds()
        self._build_texts()
        buttons = self._build_buttons(pdf_hook)
        session_id = detail.listing.session_id
        self.notes_widget = notes_widget_factory(session_id) if notes_widget_factory else None
        # A note written the evening after can be about someone who was there.
        set_people = getattr(self.notes_widget, "set_people", None)
        if callable(set_people):
            set_people(
                [
                    (int(p.person_id), display_name(p.name))
                    for p in detail.summary.people
                    if p.person_id.isdigit()
                ]
            )
        self._lay_out(buttons)

    # ------------------------------------------------------------ building

    def _build_figures(self) -> None:
        """The title, the key-figures line, the fairness sentence and the speaking-time bars."""
        detail, listing, summary = self.detail, self.detail.listing, self.detail.summary
        when = local_time(listing.started_at, listing.timezone)
        self.title = plain_label(
            # Translators: the heading of one past session: the circle's name and when it met.
            sentence(
                _("{circle} — {when}").format(
                    circle=isolate(breakable(demo_name(listing.circle_name, listing.circle_demo))),
                    when=isolate(when),
                )
            ),
            _("Session"),
        )
        self.title.setObjectName("historyDetailTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        # Shown while the detail sits below the table (HistoryPage): closing it gives the
        # whole height back to the sessions.
        self.close_button = QToolButton()
        self.close_button.setText(_("Close ✕"))
        self.close_button.setAccessibleName(_("Close the session's detail"))
        self.close_button.setToolTip(
            # Translators: {keys} is the key that closes it too ("Esc").
            _("Give the whole height to the sessions ({keys})").format(keys=key_text("Esc"))
        )
        self.close_button.setAutoRaise(True)
        self.close_button.hide()

        facilitators = format_list(map(listed_person, listing.facilitators)) or "—"
        facts = [_("Facilitated by {names}").format(names=facilitators)]
        if listing.named_facilitators:
            named = format_list(map(listed_person, listing.named_facilitators))
            # Translators: follows "Facilitated by …" (the facilitator's account that ran the
            # session): the names typed in the start dialog, when they differ.
            facts.append(_("named at the start: {names}").format(names=named))
        if detail.co_facilitators:
            co = format_list(map(listed_person, detail.co_facilitators))
            # Translators: follows "Facilitated by …": the co-facilitators of a session.
            facts.append(_("with {names}").format(names=co))
        facts += session_facts(summary)
        facts.append(status_word(listing.status))
        self.facts_label = plain_label(SEPARATOR.join(facts), _("Key figures"))
        self.fairness_label = plain_label(fairness_sentence(summary), _("Fairness"))

        self.chart = FairnessStrip()
        self.chart.setAccessibleName(_("Speaking time against an equal share"))
        bars, equal = bars_from_summary(summary)
        self.chart.set_bars(bars, equal)

    def _build_rounds(self) -> None:
        self.rounds = QTreeWidget()
        self.rounds.setAccessibleName(_("Rounds and turns"))
        self.rounds.setHeaderLabels(
            [
                _("Round / person"),
                # Translators: a column heading: how long a person or a round spoke.
                pgettext("column", "Spoke"),
                _("Allotted"),
                _("What happened"),
            ]
        )
        header = self.rounds.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.rounds.setMinimumHeight(220)
        self._fill_rounds()

    def _build_texts(self) -> None:
        """Prompts heard, mood counts and the shareable summary."""
        self.prompts_label = plain_label(self._prompts_text(), _("Prompts"))
        self.moods_label = plain_label(self._moods_text(), _("Mood counts"))
        self.shareable = QPlainTextEdit(self.detail.shareable)
        self.shareable.setReadOnly(True)
        self.shareable.setAccessibleName(_("Shareable summary"))
        self.shareable.setPlaceholderText(_("No shareable summary was written for this session."))
        self.shareable.setMaximumHeight(90)

    def _build_buttons(self, pdf_hook: PdfHook | None) -> QGridLayout:
        """Copy, export again (when the app can) and delete, wired to what they do."""
        session_id = self.detail.listing.session_id
        copy = QPushButton(_("&Copy summary"))
        copy.setAccessibleName(_("Copy shareable summary"))
        copy.setEnabled(bool(self.detail.shareable))
        copy.clicked.connect(self._copy)

        # One button a row: the session pane is narrow beside the table, and two buttons side
        # by side in German (or the pseudo-locale) would make it wider than its scroll area.
        buttons = QGridLayout()
        buttons.addWidget(copy, 0, 0)
        self.pdf_button: QPushButton | None = None
        if pdf_hook is not None:
            self.pdf_button = QPushButton(_("&Export PDF again…"))
            self.pdf_button.setAccessibleName(_("Export the PDF of this session again"))
            self.pdf_button.clicked.connect(lambda: pdf_hook(self, session_id))
            buttons.addWidget(self.pdf_button, 1, 0)
        buttons.setColumnStretch(1, 1)
        self.delete_button = writes(QPushButton(_("&Delete session…")))
        self.delete_button.setAccessibleName(_("Delete this session"))
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(session_id))
        buttons.addWidget(self.delete_button, 2, 0)
        return buttons

    def _lay_out(self, buttons: QGridLayout) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.fairness_label)
        layout.addWidget(self.chart)
        layout.addWidget(self.rounds, 1)
        layout.addWidget(plain_label(_("Prompts"), _("Prompts heading")))
        layout.addWidget(self.prompts_label)
        layout.addWidget(self.moods_label)
        layout.addWidget(plain_label(_("Shareable summary"), _("Shareable summary heading")))
        layout.addWidget(self.shareable)
        if self.notes_widget is not None:
            layout.addWidget(self.notes_widget)
        layout.addLayout(buttons)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # Sentences wrap to the pane; only the turns table scrolls sideways if it must.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A detail is nearly always taller than the pane; a scrollbar that is there from the
        # start keeps the wrapped sentences from being laid out wider than they are shown.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setWidget(body)
        # The title stays in sight above what scrolls: which session this is, and its Close.
        heading = QHBoxLayout()
        heading.setContentsMargins(layout.contentsMargins().left() + scroll.frameWidth(), 2, 0, 0)
        heading.addWidget(self.title, 1)
        heading.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        outer.addLayout(heading)
        outer.addWidget(scroll, 1)

    def _fill_rounds(self) -> None:
        summary = self.detail.summary
        names = {p.person_id: p.name for p in summary.people}
        for round_ in summary.rounds:
            # Translators: a round without a time limit (in the "Allotted" column).
            open_time = pgettext("time limit", "open")
            planned = duration(round_.planned_seconds) if round_.planned_seconds else open_time
            how = round_.plan.policy.describe()
            if round_.passes:
                how = ngettext(
                    "{policy} · {count} passed", "{policy} · {count} passed", round_.passes
                ).format(policy=how, count=count(round_.passes))
            top = QTreeWidgetItem(
                [
                    # Translators: a round's number and its name, as in "2. Sharing".
                    _("{number}. {round}").format(
                        number=count(round_.index + 1), round=round_.label
                    ),
                    duration(round_.spoken_seconds),
                    planned,
                    how,
                ]
            )
            for turn in round_.turns:
                what = turn_words(turn)
                if turn == summary.current_turn:  # its time is the time so far
                    what = self._still_speaking()
                if turn.over > 0.5:
                    # Translators: what happened in a turn, and by how much it ran over.
                    what = _("{outcome}, {time} over time").format(
                        outcome=what, time=duration(turn.over)
                    )
                top.addChild(
                    QTreeWidgetItem(
                        [
                            names.get(turn.person_id, turn.person_id),
                            duration(turn.spoken),
                            open_time if turn.allotted is None else duration(turn.allotted),
                            what,
                        ]
                    )
                )
            self.rounds.addTopLevelItem(top)
            top.setExpanded(True)

    def _still_speaking(self) -> str:
        """The turn under way in a session running now (here, on another laptop, or left
        open): it is not over, so it did not "speak" a time yet."""
        if self.detail.last_heard is None:
            # Translators: a turn in History of a session running right now: the person is
            # speaking as you look (the Spoke column shows the time so far).
            return pgettext("turn outcome", "speaking now")
        # Translators: a turn in History of a session still open whose laptop has gone quiet
        # (crashed, asleep, offline); {time} is when it was last heard from.
        return pgettext("turn outcome", "was speaking when last heard from at {time}").format(
            time=local_time(self.detail.last_heard, self.detail.listing.timezone)
        )

    def _prompts_text(self) -> str:
        lines = []
        labels = {r.index: r.label for r in self.detail.summary.rounds}
        for use in self.detail.prompts:
            fallback = _("Round {number}").format(number=count(use.round_index + 1))
            # Translators: a round and the prompt it heard, as in "Check-in: How are you?".
            lines.append(
                _("{round}: {prompt}").format(
                    round=labels.get(use.round_index, fallback), prompt=use.text
                )
            )
        if not lines:  # typed into the plan: the rounds that were held are what was heard
            lines = [
                _("{round}: {prompt}").format(round=plan.label, prompt=text)
                for index, plan in enumerate(self.detail.plan)
                if index in labels
                for text in plan.prompts()
            ]
        return "\n".join(lines) or _("No prompts were recorded.")

    def _moods_text(self) -> str:
        return "\n".join(mood_lines(self.detail.moods)) or _("No mood counts were recorded.")

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.detail.shareable)
