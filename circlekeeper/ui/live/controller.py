"""The controller of one live circle: the engine, the repaint timer and the journal in one place.

Widgets never touch the engine. They call intents here (``move_on``, ``pass_turn``…) and render
what the signals carry. Every command goes engine → journal (committed to disk) → state, so
whatever a signal reports is already stored. The ``QTimer`` only asks for repaints; time itself
always comes from the engine's clock, so a late tick never makes the timer drift.

The policies (what *move on* does, reminders, clock jumps, heartbeats, the sentence for the
moment, which prompt shows, what a pass starts, where the log goes when the store fails) live
in :mod:`circlekeeper.session.live`, tested on a fake clock; this class only turns their
answers into Qt signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.session.clock import Clock
from circlekeeper.session.dealing import PromptCard, PromptDeal
from circlekeeper.session.engine import CircleSession
from circlekeeper.session.errors import SessionCommandRefused
from circlekeeper.session.events import JoinPlace
from circlekeeper.session.forecast import Refit
from circlekeeper.session.live import questions
from circlekeeper.session.live.journal import JournalKeeper, SessionJournal
from circlekeeper.session.live.policy import Step, move_on_step, opens_next_round_after_closing
from circlekeeper.session.live.reading import LiveReading
from circlekeeper.session.live.watch import LiveWatch
from circlekeeper.session.model import Participant, RoundPlan
from circlekeeper.session.seating import SeatingRule
from circlekeeper.ui.bidi_text import display_name, person_label

log = logging.getLogger(__name__)

REPAINT_MS = 200
"""Five repaints a second: the issue asks for at least four, and a ring this size is cheap."""


class LiveController(QObject, LiveReading):
    """Owns a :class:`CircleSession` for the length of one circle and exposes it to Qt.

    What the screens read (progress, the moment, the prompt, the next round's order…) comes
    from :class:`LiveReading`; this class adds the signals, the repaint timer and the commands.
    """

    changed = Signal()
    """The session's state changed (a command was stored and applied)."""
    ticked = Signal(object)
    """The current :class:`TurnView` (or ``None``), at least four times a second."""
    phase_changed = Signal(object, str)
    """A running turn entered a new :class:`Phase`; the second argument is the person's name."""
    announced = Signal(str)
    """A short sentence for screen readers and the status bar (speaker and phase changes)."""
    refused = Signal(str)
    """A command made no sense now; the message is written for the facilitator."""
    storage_failed = Signal(str)
    """The journal could not commit: the circle carries on in memory from here."""
    storage_recovered = Signal(int)
    """The journal takes the circle's log again; how many kept actions it has just saved."""
    offline_changed = Signal(int)
    """Events kept on this computer while the server does not answer (0: all delivered)."""
    reminder_changed = Signal(bool)
    """Someone is up to speak but the clock has not been started for a few seconds."""
    clock_jumped = Signal(float)
    """Wall clock and monotonic clock disagreed during a turn (sleep, clock change): seconds."""

    def __init__(
        self,
        clock: Clock,
        journal: SessionJournal | None,
        plan: Sequence[RoundPlan],
        *,
        log_entries: Sequence[ev.Entry] = (),
        wall: Callable[[], datetime] | None = None,
        auto_start_next: bool = True,
        seating_rule: SeatingRule | None = None,
        deal: PromptDeal | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.deal = deal
        self._wall = wall or (lambda: datetime.now(UTC))
        self._plan: list[RoundPlan] = list(plan)
        self.auto_start_next = auto_start_next
        self._journal = JournalKeeper(
            journal,
            on_failed=self.storage_failed.emit,
            on_offline=self.offline_changed.emit,
            on_recovered=self.storage_recovered.emit,
        )
        self._session = CircleSession(
            clock, sink=self._journal.persist, wall=self._wall, log=log_entries
        )
        self._seating: list[str] = list(self._session.state.present)
        self.seating_rule = seating_rule or SeatingRule()
        self.first_speaker: str | None = None
        self.facilitator_ids: tuple[str, ...] = ()
        self._watch = LiveWatch()

        self._repaint = QTimer(self)
        self._repaint.setInterval(REPAINT_MS)
        self._repaint.timeout.connect(self.tick)

    # ------------------------------------------------------------ construction

    @classmethod
    def resumed(
        cls,
        clock: Clock,
        journal: SessionJournal | None,
        plan: Sequence[RoundPlan],
        log_entries: Sequence[ev.Entry],
        *,
        last_alive_elapsed: float | None,
        down_seconds: float,
        wall: Callable[[], datetime] | None = None,
        deal: PromptDeal | None = None,
        parent: QObject | None = None,
    ) -> LiveController:
        """Rebuild a crashed circle: its log folded again, the time it was down as a pause."""
        controller = cls(clock, journal, plan, wall=wall, deal=deal, parent=parent)
        controller._session = CircleSession.resume(
            log_entries,
            clock,
            sink=controller._journal.persist,
            wall=controller._wall,
            last_alive_elapsed=last_alive_elapsed,
            down_seconds=down_seconds,
        )
        # The fold holds a turn that was running as paused from the moment the app went
        # down; the facilitator resumes it when the room is ready.
        controller._seating = list(controller._session.state.participants)
        return controller

    # ------------------------------------------------------------------ reading

    @property
    def storage_error(self) -> str | None:
        return self._journal.error

    @property
    def offline_refused(self) -> str | None:
        """The server's refusal while actions wait on this computer because it refused them
        (the facilitator's rights revoked mid-circle); ``None`` while nothing is refused."""
        return self._journal.refused

    @property
    def waiting_for_server(self) -> int:
        """Actions kept on this computer that the server does not have yet."""
        return self._journal.waiting

    def deliver_waiting(self) -> bool:
        """Send the actions kept on this computer now; True when none wait any more."""
        return self._journal.deliver()

    @property
    def unsaved_entries(self) -> tuple[ev.Entry, ...]:
        return tuple(self._journal.unsaved)

    def name(self, person_id: str | None) -> str:
        """The person's name for sentences (right-to-left names isolated)."""
        return display_name(self._name(person_id))

    def _name(self, person_id: str | None) -> str:
        return self._session.state.name_of(person_id) if person_id else ""

    def label(self, person_id: str) -> str:
        """The person as the screens show them: name and pronouns, as they gave them."""
        person = self.participant(person_id)
        if person is None:
            return person_id
        return person_label(person.name, person.pronouns)

    def apply_refit(self, refit: Refit) -> bool:
        """Shorten the rounds left as ``refit`` proposes (stored first, one undo)."""
        return self._do(lambda: self._session.replan(refit.first_index, refit.plans))

    # -------------------------------------------------------------- lifecycle

    def start(
        self,
        circle: str,
        people: Sequence[Participant],
        facilitators: Sequence[str],
        *,
        seating: Sequence[str] | None = None,
        first: str | None = None,
    ) -> None:
        """Begin the session (nobody speaks yet) and start repainting.

        ``people`` are in the first round's order; ``seating`` is the room's order that later
        rounds go around (by default the same), from ``first`` when the circle's habit keeps
        the same opener.
        """
        self._seating = list(seating) if seating is not None else [p.person_id for p in people]
        self.first_speaker = (
            first if first is not None else (people[0].person_id if people else None)
        )
        self._do(lambda: self._session.start(circle, people, facilitators))
        self.activate()

    def activate(self) -> None:
        self._repaint.start()
        self.tick()

    def shutdown(self) -> None:
        self._repaint.stop()

    @property
    def unsaved(self) -> tuple[int, ...]:
        """The seqs of the actions the store refused (none while every action is stored):
        they live only in this window until a copy is saved."""
        return tuple(entry.seq for entry in self._journal.unsaved)

    # ---------------------------------------------------------------- intents

    def move_on(self) -> bool:
        """N / Right: end the turn (starting the next one by default), start the first turn,
        or, when everyone has spoken, close the round and open the next planned one."""
        match move_on_step(self._session.state):
            case Step.REFUSE_ENDED:
                return self._refuse(_("This session has ended."))
            case Step.START_ROUND:
                return self.start_next_round()
            case Step.END_TURN:
                return self._do(lambda: self._session.end_turn(start_next=self.auto_start_next))
            case Step.START_TURN:
                return self._do(self._session.start_turn)
            case Step.END_ROUND:
                if not self._do(self._session.end_round):
                    return False
                if opens_next_round_after_closing(self._session.state, self.effective_plan()):
                    return self.start_next_round()
                return True

    def start_next_round(self, order: Sequence[str] | None = None) -> bool:
        try:
            plan = questions.round_to_open(self.progress())
        except SessionCommandRefused as refusal:
            return self._refuse(str(refusal))
        chosen = list(order) if order is not None else self.order_for_next_round()
        return self._do(lambda: self._session.start_round(plan, chosen, deal=self._dealing()))

    def add_round(self, plan: RoundPlan) -> None:
        """An extra round the facilitator adds during the circle, after the planned ones."""
        self._plan.append(plan)
        self.changed.emit()

    def toggle(self) -> bool:
        """Space: start the next speaker, pause or resume."""
        round_ = self._session.state.current_round
        if round_ is None:
            return self.start_next_round()
        return self._do(self._session.toggle)

    def end_turn(self) -> bool:
        return self._do(lambda: self._session.end_turn(start_next=self.auto_start_next))

    def pass_turn(self, person_id: str | None = None) -> bool:
        return self._do(
            lambda: self._session.pass_turn(person_id, start_next=self._start_after_pass())
        )

    def pass_for_now(self, person_id: str | None = None) -> bool:
        return self._do(
            lambda: self._session.pass_for_now(person_id, start_next=self._start_after_pass())
        )

    def extend(self, seconds: float = 30.0) -> bool:
        return self._do(lambda: self._session.extend(seconds))

    def correct_start(self, seconds_ago: float) -> bool:
        return self._do(lambda: self._session.correct_start(seconds_ago))

    def skip(self, person_id: str) -> bool:
        return self._do(lambda: self._session.skip(person_id))

    def reorder(self, order: Sequence[str]) -> bool:
        return self._do(lambda: self._session.reorder(list(order)))

    def hear_passer(self, person_id: str) -> bool:
        """Someone who passed takes a turn after all (their share of what is left)."""
        return self._do(lambda: self._session.hear_passer(person_id))

    def join(self, participant: Participant, place: JoinPlace = JoinPlace.THIS_ROUND) -> bool:
        """A late arrival joins; in a round where each person has their own prompt, they are
        dealt theirs in the same step (see :meth:`LiveReading.own_prompt`)."""
        return self._do(lambda: self._session.join(participant, place, deal=self._dealing()))

    def leave(self, person_id: str) -> bool:
        return self._do(lambda: self._session.leave(person_id))

    def end_round(self) -> bool:
        return self._do(self._session.end_round)

    def end_session(self) -> bool:
        state = self._session.state
        if state.current_round is not None:
            if state.current_turn is not None and not self._do(self._session.end_turn):
                return False
            if not self._do(self._session.end_round):
                return False
        ok = self._do(self._session.end_session)
        if ok:
            self._repaint.stop()
        return ok

    def undo(self) -> str | None:
        """Ctrl+Z: take back the last action; returns what was undone, for the status bar."""
        try:
            what = self._session.undo()
        except SessionCommandRefused as refusal:
            self._refuse(str(refusal))
            return None
        self._after_change()
        self.announced.emit(_("Undone: {action}.").format(action=what))
        return what

    # -------------------------------------------------------------- the clock

    def tick(self) -> None:
        """Repaint request: read the clock, notice phase changes, remind, beat the heart."""
        view = self._session.turn_view()
        noticed = self._watch.look(
            self._session.state,
            view,
            self.name,
            now=self._clock.now(),
            wall=self._wall(),
            beating=self._journal.beating,
        )
        if noticed.phase is not None:
            self.phase_changed.emit(noticed.phase.phase, noticed.phase.name)
            if noticed.phase.sentence is not None:
                self.announced.emit(noticed.phase.sentence)
        if noticed.reminding is not None:
            self.reminder_changed.emit(noticed.reminding)
        if noticed.clock_gap is not None:
            self.clock_jumped.emit(noticed.clock_gap)
        if self._journal.error is not None:
            self._journal.retry(self._clock.now())  # a freed disk takes the kept actions
        if noticed.beat:
            elapsed = self._session.elapsed()
            self._journal.heartbeat(self._session.wall_at(elapsed), elapsed)
        self.ticked.emit(view)

    # ---------------------------------------------------------------- internals

    def _dealing(self) -> PromptDeal | None:
        """The injected deal, told every prompt of the session's plan as well (rounds to come
        included, as at set-up), and kept from stopping an arrival if the library fails."""
        dealer = self.deal
        if dealer is None:
            return None
        planned = questions.planned_prompts(self.effective_plan())

        def deal(plan: RoundPlan, heard: Sequence[str]) -> PromptCard | None:
            try:
                return dealer(plan, list(dict.fromkeys([*heard, *planned])))
            except Exception:  # the library's store failing must not keep anyone out
                log.exception("Could not draw a late arrival's prompt")
                self.announced.emit(
                    _("No prompt could be drawn just now; the round's shared prompt is theirs.")
                )
                return None

        return deal

    def _start_after_pass(self) -> bool:
        return questions.starts_after_pass(self._session.state, self.auto_start_next)

    def _do(self, command: Callable[[], object]) -> bool:
        try:
            command()
        except SessionCommandRefused as refusal:
            return self._refuse(str(refusal))
        self._after_change()
        return True

    def _refuse(self, message: str) -> bool:
        self.refused.emit(message)
        return False

    def _after_change(self) -> None:
        view = self._session.turn_view()
        sentence = self._watch.after_command(self._session.state, self.progress(), view, self.name)
        if sentence is not None:
            self.announced.emit(sentence)
        self.changed.emit()
        self.tick()
