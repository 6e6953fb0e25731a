"""The session engine: checks commands, stamps them as log entries, persists, then applies.

Every command follows the same path: validate against the current state (raising
:class:`SessionCommandRefused` and changing nothing when it makes no sense), build the event,
hand the entry to the sink (the store commits it), and only then fold it into the state.
So whatever the screen shows is already on disk.

The checks and their sentences are in :mod:`circlekeeper.session.preconditions`, what one undo
takes back in :mod:`circlekeeper.session.undo`; this class holds the log, the state and the
session's clock, and says which events each command writes.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.session import preconditions as check
from circlekeeper.session.allotment import allotment_for
from circlekeeper.session.clock import Clock
from circlekeeper.session.dealing import PromptDeal, prompts_to_deal
from circlekeeper.session.errors import SessionCommandRefused
from circlekeeper.session.model import Participant, RoundPlan
from circlekeeper.session.passing import spoke_before
from circlekeeper.session.replay import apply, fold
from circlekeeper.session.state import SessionState, TurnView, phase_for
from circlekeeper.session.summary import SessionSummary, summarize
from circlekeeper.session.undo import describe, undo_targets

EntrySink = Callable[[ev.Entry], None]


def utc_now() -> datetime:
    return datetime.now(UTC)


class CircleSession:
    """One live circle: its log, its state and its clock."""

    def __init__(
        self,
        clock: Clock,
        *,
        sink: EntrySink | None = None,
        wall: Callable[[], datetime] = utc_now,
        log: Sequence[ev.Entry] = (),
    ) -> None:
        self._clock = clock
        self._sink = sink
        self._log: list[ev.Entry] = list(log)
        self._state: SessionState = fold(self._log)
        self._origin = clock.now()
        self._offset = self._state.last_elapsed
        # One wall-clock reading anchors the whole session; every later time is this anchor
        # plus monotonic elapsed seconds, so a wall clock set back (by hand, NTP, a time-zone
        # fix) mid-circle can never make the record run backwards or end before it began.
        self._wall_zero = (
            self._log[0].wall - timedelta(seconds=self._log[0].elapsed)
            if self._log
            else wall() - timedelta(seconds=self._offset)
        )

    # ----------------------------------------------------------------- reading

    @classmethod
    def resume(
        cls,
        log: Sequence[ev.Entry],
        clock: Clock,
        *,
        sink: EntrySink | None = None,
        wall: Callable[[], datetime] = utc_now,
        last_alive_elapsed: float | None = None,
        down_seconds: float = 0.0,
    ) -> CircleSession:
        """Rebuild a session from its stored log after the app went down.

        The session clock continues from the last moment the app was known alive (a heartbeat,
        else the last event) plus the time it was down; that downtime is logged and any running
        turn is held paused from the moment the app went down.
        """
        session = cls(clock, sink=sink, wall=wall, log=log)
        alive = max(session._state.last_elapsed, last_alive_elapsed or 0.0)
        session._offset = alive + max(0.0, down_seconds)
        session._origin = clock.now()
        if not log:
            session._wall_zero = wall() - timedelta(seconds=session._offset)
        if session._state.started and not session._state.ended:
            session._append([ev.SessionInterrupted(max(0.0, down_seconds))])
        return session

    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def log(self) -> tuple[ev.Entry, ...]:
        return tuple(self._log)

    def wall_at(self, elapsed: float) -> datetime:
        """The wall-clock time of a session moment: the session's anchor plus elapsed seconds."""
        return self._wall_zero + timedelta(seconds=elapsed)

    def wall_now(self) -> datetime:
        return self.wall_at(self.elapsed())

    def elapsed(self) -> float:
        """Session seconds: never a sum of ticks, always a difference of clock readings."""
        return self._offset + (self._clock.now() - self._origin)

    def turn_view(self) -> TurnView | None:
        turn = self._state.current_turn
        if turn is None:
            return None
        spoken = turn.spoken(self.elapsed())
        return TurnView(
            person_id=turn.person_id,
            spoken=spoken,
            allotted=turn.allotted,
            running=turn.running,
            phase=phase_for(spoken, turn.allotted, self._state.nearing_fraction),
        )

    def next_allotment(self) -> float | None:
        """What the first person waiting would be allotted if their turn started now.

        While someone speaks, that is the share they would get if the current turn ended at
        this instant (its seconds so far are spent; the current speaker is no longer to come).
        """
        round_ = check.require_round(self._state)
        check.require_someone_waiting(round_)
        return allotment_for(
            round_.plan.policy, round_.spoken_in_round(self.elapsed()), len(round_.queue)
        )

    def summary(self) -> SessionSummary:
        return summarize(self._log, now=self.elapsed())

    # ----------------------------------------------------------------- session

    def start(
        self,
        circle: str,
        participants: Sequence[Participant],
        facilitators: Sequence[str] = (),
        *,
        nearing_fraction: float = 0.8,
    ) -> None:
        check.require_startable(self._state, participants, nearing_fraction)
        self._append(
            [
                ev.SessionStarted(
                    circle=circle,
                    facilitators=tuple(facilitators),
                    participants=tuple(participants),
                    nearing_fraction=nearing_fraction,
                )
            ]
        )

    def end_session(self) -> None:
        check.require_live(self._state)
        self._append([ev.SessionEnded()])

    def join(
        self,
        participant: Participant,
        place: ev.JoinPlace = ev.JoinPlace.THIS_ROUND,
        *,
        deal: PromptDeal | None = None,
    ) -> None:
        """A late arrival: present from now on, and at the end of the current round's queue
        (or, if the facilitator chooses, speaking from the next round on).

        Joining a round where each person has their own prompt, they are dealt one with
        ``deal`` in the same action (one undo takes back both); someone joining from the next
        round is dealt theirs when that round starts."""
        check.require_live(self._state)
        check.require_newcomer(self._state, participant)
        pid = participant.person_id
        now = self.elapsed()
        joined = ev.ParticipantJoined(participant, ev.JoinPlace(place))
        self._append([joined, *self._deals(joined, [pid], deal, now)], now=now)

    def leave(self, person_id: str) -> None:
        """Someone leaves early; what they said stays counted."""
        check.require_live(self._state)
        check.require_present(self._state, person_id)
        self._append([ev.ParticipantLeft(person_id)])

    # ------------------------------------------------------------------ rounds

    def start_round(
        self,
        plan: RoundPlan,
        order: Sequence[str] | None = None,
        *,
        deal: PromptDeal | None = None,
    ) -> None:
        """Begin a round in ``order`` (everyone present by default). In a round where each
        person has their own prompt, anyone in it without one (they arrived after the circle
        was set up) is dealt one with ``deal``, in the same action."""
        check.require_live(self._state)
        check.require_no_round(self._state)
        chosen = list(self._state.present if order is None else order)
        check.require_round_order(self._state, plan, chosen)
        now = self.elapsed()
        started = ev.RoundStarted(plan=plan, order=tuple(chosen))
        self._append([started, *self._deals(started, chosen, deal, now)], now=now)

    def end_round(self) -> None:
        check.require_round(self._state)
        self._append([ev.RoundEnded()])

    def reorder(self, order: Sequence[str]) -> None:
        """Put the people still waiting in a new order (drag and drop in the queue)."""
        round_ = check.require_round(self._state)
        check.require_new_order(round_, order)
        self._append([ev.QueueReordered(tuple(order))])

    def skip(self, person_id: str) -> None:
        """Someone in the queue is not in the room; they leave this round's queue."""
        round_ = check.require_round(self._state)
        check.require_waiting(self._state, round_, person_id)
        self._append([ev.SpeakerSkipped(person_id)])

    # ------------------------------------------------------------------- turns

    def start_turn(self, person_id: str | None = None) -> None:
        """Start the next speaker's turn (or a chosen waiting person's)."""
        check.require_live(self._state)
        now = self.elapsed()
        self._append([check.turn_start_event(self._state, person_id, auto=False, at=now)], now=now)

    def pause(self) -> None:
        turn = check.require_running_turn(self._state)
        self._append([ev.TurnPaused(turn.person_id)])

    def resume_turn(self) -> None:
        turn = check.require_paused_turn(self._state)
        self._append([ev.TurnResumed(turn.person_id)])

    def toggle(self) -> None:
        """Space bar: start the next turn, pause a running one, or resume a paused one."""
        turn = self._state.current_turn
        if turn is None:
            self.start_turn()
        elif turn.running:
            self.pause()
        else:
            self.resume_turn()

    def extend(self, seconds: float) -> None:
        turn = check.require_turn(self._state)
        check.require_extension(turn, seconds)
        self._append([ev.TurnExtended(turn.person_id, float(seconds))])

    def correct_start(self, seconds_ago: float) -> None:
        """The turn really started this long ago (the facilitator forgot to press start)."""
        turn = check.require_turn(self._state)
        round_ = check.require_round(self._state)
        now = self.elapsed()
        already = now - turn.started_at
        check.require_correction(round_, seconds_ago, already, now)
        self._append([ev.TurnStartCorrected(turn.person_id, float(seconds_ago - already))])

    def end_turn(self, *, start_next: bool = False) -> None:
        turn = check.require_turn(self._state)
        self._close_and_maybe_start(ev.TurnEnded(turn.person_id), start_next)

    def pass_turn(self, person_id: str | None = None, *, start_next: bool = False) -> None:
        """The right to pass: the person gives up their turn for this round, no questions.
        What they had already said counts as speaking time (:mod:`session.passing`)."""
        round_ = check.require_round(self._state)
        who = check.require_passer(self._state, round_, person_id)
        now = self.elapsed()
        spoke = spoke_before(round_.current, who, now)
        self._close_and_maybe_start(ev.TurnPassed(who, spoke=spoke), start_next, now=now)

    def pass_for_now(self, person_id: str | None = None, *, start_next: bool = False) -> None:
        """Come back to me: the person moves to the end of this round's queue, once."""
        round_ = check.require_round(self._state)
        who = check.require_passer(self._state, round_, person_id)
        check.require_first_deferral(self._state, round_, who)
        now = self.elapsed()
        spoke = spoke_before(round_.current, who, now)
        self._close_and_maybe_start(ev.TurnDeferred(who, spoke=spoke), start_next, now=now)

    def hear_passer(self, person_id: str) -> None:
        """Passing is fine, and so is changing your mind: once nobody is left waiting, someone
        who passed this round takes a turn after all, in this same round.

        Their allotment is what is left of the round's budget (never below the floor), as for
        anyone who speaks last. One action: undo takes back the invitation and the turn.
        """
        round_ = check.require_round(self._state)
        check.require_passer_may_speak(self._state, round_, person_id)
        now = self.elapsed()
        invitation = ev.PassReconsidered(person_id)
        probe = copy.deepcopy(self._state)
        apply(probe, ev.Entry(self._state.last_seq + 1, now, self.wall_at(now), invitation))
        turn = check.turn_start_event(probe, person_id, auto=True, at=now)
        self._append([invitation, turn], now=now)

    def replan(self, first_index: int, plans: Sequence[RoundPlan]) -> None:
        """Replace the plans of the rounds from ``first_index`` on (the circle ran over and
        the facilitator shortened what is left, or accepted a new plan)."""
        check.require_live(self._state)
        check.require_replannable(self._state, first_index, plans)
        self._append([ev.RoundsReplanned(first_index, tuple(plans))])

    # -------------------------------------------------------------------- undo

    def undo(self) -> str:
        """Take back the last action (a move-on counts as one action); returns what it was."""
        targets = undo_targets(self._log)
        if not targets or self._state.ended:
            raise SessionCommandRefused(_("There is nothing to undo."))
        self._append([ev.ActionUndone(t.seq) for t in reversed(targets)], refold=True)
        return describe(targets[0].event, self._state)

    # --------------------------------------------------------------- internals

    def _deals(
        self, first: ev.Event, people: Sequence[str], deal: PromptDeal | None, now: float
    ) -> list[ev.PromptDealt]:
        """The prompts ``first`` (a join or a round start) brings, stamped as its next entries."""
        if deal is None:
            return []
        return prompts_to_deal(
            self._state,
            first,
            people,
            deal,
            seq=self._state.last_seq + 1,
            at=now,
            wall=self.wall_at(now),
        )

    def _close_and_maybe_start(
        self, closer: ev.Event, start_next: bool, *, now: float | None = None
    ) -> None:
        now = self.elapsed() if now is None else now
        events = [closer]
        if start_next:
            probe = copy.deepcopy(self._state)
            apply(probe, ev.Entry(self._state.last_seq + 1, now, self.wall_at(now), closer))
            round_ = probe.current_round
            if round_ is not None and round_.current is None and round_.queue:
                events.append(check.turn_start_event(probe, None, auto=True, at=now))
        self._append(events, now=now)

    def _append(
        self, events: Sequence[ev.Event], *, refold: bool = False, now: float | None = None
    ) -> None:
        # One clock reading per command: a turn that ends and the next that starts with it
        # share one instant, so no sliver of time falls between them.
        at = self.elapsed() if now is None else now
        wall = self.wall_at(at)
        first = self._state.last_seq + 1
        entries = [ev.Entry(first + i, at, wall, event) for i, event in enumerate(events)]
        # Persist first: if the sink raises, the entries it did not store never happened here.
        # (When one command makes two entries and only the first was stored, the log and the
        # state keep exactly that first one, so memory and disk still agree.)
        stored = 0
        try:
            for entry in entries:
                if self._sink is not None:
                    self._sink(entry)
                stored += 1
        finally:
            if stored:
                self._log.extend(entries[:stored])
                if refold:
                    self._state = fold(self._log)
                else:
                    for entry in entries[:stored]:
                        apply(self._state, entry)
