"""The controller of one live circle: the engine, the repaint timer and the journal in one place.

Widgets never touch the engine. They call intents here (``move_on``, ``pass_turn``…) and render
what the signals carry. Every command goes engine → journal (committed to disk) → state, so
whatever a signal reports is already stored. The ``QTimer`` only asks for repaints; time itself
always comes from the engine's clock, so a late tick never makes the timer drift.

The policies (what *move on* does, reminders, clock jumps, heartbeats, the sentence for the
moment) live in :mod:`circlekeeper.session.live.policy`, tested on a fake clock; this class only
turns their answers into Qt signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from circlekeeper.i18n import N_, _
from circlekeeper.session import events as ev
from circlekeeper.session.clock import Clock
from circlekeeper.session.dealing import PromptCard, PromptDeal
from circlekeeper.session.engine import CircleSession
from circlekeeper.session.errors import SessionCommandRefused
from circlekeeper.session.events import JoinPlace
from circlekeeper.session.forecast import (
    CircleForecast,
    Refit,
    effective_plans,
    fit_to_time,
    forecast,
)
from circlekeeper.session.live.policy import (
    ClockJumpWatch,
    Heartbeat,
    IdleReminder,
    Moment,
    MomentWatch,
    PhaseWatch,
    RoundProgress,
    Step,
    moment,
    move_on_step,
    opens_next_round_after_closing,
    phase_sentence,
    round_progress,
    up_next,
)
from circlekeeper.session.model import Participant, RoundPlan
from circlekeeper.session.seating import PreviousRound, SeatingRule, round_order
from circlekeeper.session.state import RoundState, TurnView
from circlekeeper.ui.bidi_text import display_name, person_label

log = logging.getLogger(__name__)

REPAINT_MS = 200
"""Five repaints a second: the issue asks for at least four, and a ring this size is cheap."""
EACH_PERSON_PROMPT = N_("A prompt for each person")
"""Shown for a per-person round while nobody in particular is up to speak."""


class SessionJournal(Protocol):
    """Where a live session's log goes: the store, or anything that commits durably."""

    def append(self, entry: ev.Entry) -> None: ...

    def heartbeat(self, wall: datetime, elapsed: float) -> None: ...


class LiveController(QObject):
    """Owns a :class:`CircleSession` for the length of one circle and exposes it to Qt."""

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
    offline_changed = Signal(int)
    """Events kept on this computer while the server does not answer (0: all delivered)."""
    """The journal could not commit: the circle carries on in memory from here."""
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
        """Draws a late arrival's own prompt in a round where each person has one (from the
        circle's library, injected by the composition root); ``None``: they hear the shared
        prompt."""
        self._journal = journal
        self._wall = wall or (lambda: datetime.now(UTC))
        self._plan: list[RoundPlan] = list(plan)
        self.auto_start_next = auto_start_next
        self._unsaved: list[ev.Entry] = []
        self._storage_error: str | None = None
        self._offline_pending = 0
        self._session = CircleSession(clock, sink=self._persist, wall=self._wall, log=log_entries)
        self._seating: list[str] = list(self._session.state.present)
        self.seating_rule = seating_rule or SeatingRule()
        self.first_speaker: str | None = None
        self.facilitator_ids: tuple[str, ...] = ()
        """People of the circle who facilitate today (the rule may keep them off the queue)."""
        self._phases = PhaseWatch()
        self._moments = MomentWatch()
        self._reminder = IdleReminder()
        self._heartbeat = Heartbeat()
        self._clock_jumps = ClockJumpWatch()

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
            sink=controller._persist,
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
    def session(self) -> CircleSession:
        return self._session

    @property
    def plan(self) -> tuple[RoundPlan, ...]:
        return tuple(self._plan)

    @property
    def storage_error(self) -> str | None:
        return self._storage_error

    @property
    def unsaved_entries(self) -> tuple[ev.Entry, ...]:
        return tuple(self._unsaved)

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

    def participant(self, person_id: str) -> Participant | None:
        return self._session.state.participants.get(person_id)

    def turn_view(self) -> TurnView | None:
        return self._session.turn_view()

    def progress(self) -> RoundProgress:
        return round_progress(self._session.state, self.effective_plan())

    def next_step(self) -> Step:
        """What *move on* (N) would do now."""
        return move_on_step(self._session.state)

    def moment(self) -> Moment:
        """Who speaks, who is up and who follows, with the round: for every screen."""
        return moment(self._session.state, self.effective_plan())

    def effective_plan(self) -> list[RoundPlan]:
        """The plan as it stands now: rounds the facilitator shortened replace planned ones."""
        return effective_plans(self._session.state, self._plan)

    def forecast(self) -> CircleForecast:
        """The whole circle's clock at this instant (planned end, where the plan heads)."""
        return forecast(self._session.state, self._plan, self._session.elapsed())

    def refit(self) -> Refit | None:
        """A shortened plan for the rounds not started yet, if the circle is running over."""
        outlook = self.forecast()
        return fit_to_time(
            self._session.state, self._plan, outlook.now, planned_end=outlook.planned_end
        )

    def apply_refit(self, refit: Refit) -> bool:
        """Shorten the rounds left as ``refit`` proposes (stored first, one undo)."""
        return self._do(lambda: self._session.replan(refit.first_index, refit.plans))

    def wall_at(self, elapsed: float) -> datetime:
        """The wall-clock moment of a session instant: the session's first entry is the anchor
        and everything after it is monotonic seconds, so a clock change never bends the plan."""
        log = self._session.log
        if not log:
            return self._wall()
        first = log[0]
        return first.wall + timedelta(seconds=elapsed - first.elapsed)

    def passers_waiting(self) -> list[str]:
        """Who passed this round and may speak now that nobody else is waiting."""
        round_ = self._session.state.current_round
        if round_ is None or round_.current is not None or round_.queue:
            return []
        present = set(self._session.state.present)
        return [pid for pid in round_.passers_waiting if pid in present]

    def prompt_now(self) -> str:
        """The prompt to show: the round's shared prompt, or in a round where each person has
        their own, the prompt of whoever speaks (or is up to speak) now.

        Before the round begins (or once everyone has spoken) nobody in particular is up, so
        the screen says that each person has a prompt rather than showing one of them.
        """
        progress = self.progress()
        plan = progress.plan
        if plan is None:
            return ""
        if not plan.per_person:
            return plan.prompt
        person: str | None = None
        if progress.in_round:
            view = self.turn_view()
            person = view.person_id if view is not None else self.up_next()
        if person is None:
            return plan.prompt or _(EACH_PERSON_PROMPT)
        return plan.prompt_for(person)

    def longest_late_start(self) -> float | None:
        """How long ago the running turn can have begun at the most: when the turn before it
        ended, or the round opened (*Started late…* offers no earlier time)."""
        round_ = self._session.state.current_round
        if round_ is None or self._session.turn_view() is None:
            return None
        return self._session.elapsed() - round_.last_boundary

    def deals_when_next_round_begins(self) -> bool:
        """Whether the next round to start gives each person their own prompt, so someone
        who joins it without one is dealt theirs as it begins."""
        plans = self.effective_plan()
        index = len(self._session.state.rounds)
        return self.deal is not None and index < len(plans) and plans[index].per_person

    def next_allotment(self) -> float | None:
        """What the next speaker would be allotted now (shown on the ring before they start)."""
        round_ = self._session.state.current_round
        if round_ is None or round_.current is not None or not round_.queue:
            return None
        return self._session.next_allotment()

    def current_round(self) -> RoundState | None:
        return self._session.state.current_round

    def up_next(self) -> str | None:
        """Who speaks after the current speaker (or first, when nobody is speaking)."""
        return up_next(self._session.state)

    def order_for_next_round(self) -> list[str]:
        """The order the next round will run in: around the room's seating (late arrivals at
        the end) in the circle's direction, from the opener its habit names."""
        state = self._session.state
        previous = PreviousRound()
        if state.rounds:
            last_round = state.rounds[-1]
            heard = [t for t in state.turns if t.round_index == last_round.index]
            previous = PreviousRound(
                first=heard[0].person_id if heard else None,
                last=heard[-1].person_id if heard else None,
            )
        return round_order(
            self._seating,
            state.present,
            len(state.rounds),
            self.seating_rule,
            first=self.first_speaker,
            previous=previous,
            facilitators=self.facilitator_ids,
        )

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
        progress = self.progress()
        if progress.in_round:
            return self._refuse(_("End the current round before starting another one."))
        plan = progress.plan
        if plan is None:
            return self._refuse(_("Every planned round has been held; you can end the circle."))
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
        dealt theirs in the same step (see :meth:`own_prompt`)."""
        return self._do(lambda: self._session.join(participant, place, deal=self._dealing()))

    def own_prompt(self, person_id: str) -> str:
        """The prompt dealt to ``person_id`` for the round in progress after it was planned
        (a late arrival's), or ``""``."""
        round_ = self._session.state.current_round
        if round_ is None or person_id not in round_.dealt:
            return ""
        return round_.plan.prompt_for(person_id)

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
        self._notice_phase(view)
        self._notice_idle(view)
        self._notice_clock_jump(view)
        self._beat()
        self.ticked.emit(view)

    # ---------------------------------------------------------------- internals

    def _dealing(self) -> PromptDeal | None:
        """The injected deal, told every prompt of the session's plan as well (rounds to come
        included, as at set-up), and kept from stopping an arrival if the library fails."""
        dealer = self.deal
        if dealer is None:
            return None
        planned = [text for plan in self.effective_plan() for text in plan.prompts()]

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
        """A pass moves on to the next speaker only if a turn was in progress: passing for
        someone still waiting must not start anybody's clock."""
        return self.auto_start_next and self._session.state.current_turn is not None

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
        self._reminder.reset()
        view = self._session.turn_view()
        sentence = self._moments.sentence(self._session.state, self.progress(), self.name)
        if sentence is not None:
            self.announced.emit(sentence)
        self._phases.settle(view)
        self._clock_jumps.reset()
        self.changed.emit()
        self.tick()

    def _persist(self, entry: ev.Entry) -> None:
        """The engine's sink. A failing store must not stop the circle: keep going in memory,
        tell the facilitator once, and keep every entry so the log can be saved elsewhere."""
        if self._journal is not None and self._storage_error is None:
            try:
                self._journal.append(entry)
                self._notice_offline()
                return
            except Exception as error:  # any storage failure: disk full, file gone, locked
                log.exception("Could not store event %s", entry.seq)
                self._storage_error = _storage_message(error)
                self._unsaved.append(entry)
                self.storage_failed.emit(self._storage_error)
                return
        if self._journal is not None:
            self._unsaved.append(entry)

    def _notice_offline(self) -> None:
        """Tell the window when events start or stop waiting for the server (a journal that
        keeps events offline has ``pending``; others never wait)."""
        pending = int(getattr(self._journal, "pending", 0))
        if pending != self._offline_pending:
            self._offline_pending = pending
            self.offline_changed.emit(pending)

    def _notice_phase(self, view: TurnView | None) -> None:
        phase = self._phases.crossed(view)
        if phase is None or view is None:
            return
        name = self.name(view.person_id)
        self.phase_changed.emit(phase, name)
        sentence = phase_sentence(phase, name)
        if sentence is not None:
            self.announced.emit(sentence)

    def _notice_idle(self, view: TurnView | None) -> None:
        waiting = view is None and self.up_next() is not None
        reminding = self._reminder.update(waiting, self._clock.now())
        if reminding is not None:
            self.reminder_changed.emit(reminding)

    def _notice_clock_jump(self, view: TurnView | None) -> None:
        running = view is not None and view.running
        gap = self._clock_jumps.probe(running, self._clock.now(), self._wall())
        if gap is not None:
            self.clock_jumped.emit(gap)

    def _beat(self) -> None:
        if self._journal is None or self._storage_error is not None:
            return
        if not self._heartbeat.due(self._session.state, self._clock.now()):
            return
        try:
            elapsed = self._session.elapsed()
            self._journal.heartbeat(self._session.wall_at(elapsed), elapsed)
            self._notice_offline()
        except Exception as error:
            log.exception("Could not write the heartbeat")
            self._storage_error = _storage_message(error)
            self.storage_failed.emit(self._storage_error)


def _storage_message(error: Exception) -> str:
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return _(
        "The circle can no longer be saved to the database ({detail}). It carries on in"
        " memory; save a copy elsewhere before closing."
    ).format(detail=detail[:200])
