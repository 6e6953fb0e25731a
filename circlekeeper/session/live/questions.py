"""The questions the live screens ask of a circle in progress, answered without Qt.

Which prompt to show, who may still speak after passing, how far back a late start can be
corrected, what a pass does next, what the next round opens with: each is a plain function of
the session's state (and its clock where time matters), so it is tested on a fake clock and
the live controller only hands the answers to the widgets. The moment itself, *move on* and
the watchers that remind and beat are in :mod:`circlekeeper.session.live.policy`.
"""

from __future__ import annotations

from collections.abc import Sequence

from circlekeeper.i18n import N_, _
from circlekeeper.session.engine import CircleSession
from circlekeeper.session.errors import SessionCommandRefused
from circlekeeper.session.live.policy import RoundProgress, round_progress, up_next
from circlekeeper.session.model import RoundPlan
from circlekeeper.session.seating import PreviousRound
from circlekeeper.session.state import SessionState

EACH_PERSON_PROMPT = N_("A prompt for each person")
"""Shown for a per-person round while nobody in particular is up to speak."""


def prompt_now(state: SessionState, plan: Sequence[RoundPlan]) -> str:
    """The prompt to show: the round's shared prompt, or in a round where each person has
    their own, the prompt of whoever speaks (or is up to speak) now.

    Before the round begins (or once everyone has spoken) nobody in particular is up, so
    the screen says that each person has a prompt rather than showing one of them.
    """
    progress = round_progress(state, plan)
    shown = progress.plan
    if shown is None:
        return ""
    if not shown.per_person:
        return shown.prompt
    person: str | None = None
    if progress.in_round:
        turn = state.current_turn
        person = turn.person_id if turn is not None else up_next(state)
    if person is None:
        return shown.prompt or _(EACH_PERSON_PROMPT)
    return shown.prompt_for(person)


def own_prompt(state: SessionState, person_id: str) -> str:
    """The prompt dealt to ``person_id`` for the round in progress after it was planned
    (a late arrival's), or ``""``."""
    round_ = state.current_round
    if round_ is None or person_id not in round_.dealt:
        return ""
    return round_.plan.prompt_for(person_id)


def deals_when_next_round_begins(
    state: SessionState, plan: Sequence[RoundPlan], *, can_deal: bool
) -> bool:
    """Whether the next round to start gives each person their own prompt, so someone
    who joins it without one is dealt theirs as it begins (when a deal is at hand)."""
    index = len(state.rounds)
    return can_deal and index < len(plan) and plan[index].per_person


def planned_prompts(plan: Sequence[RoundPlan]) -> list[str]:
    """Every prompt of the session's plan, rounds to come included, as at set-up: a late
    arrival's drawing avoids them as it avoids the prompts already heard."""
    return [text for round_plan in plan for text in round_plan.prompts()]


def passers_who_may_speak(state: SessionState) -> list[str]:
    """Who passed this round and may speak now that nobody else is waiting."""
    round_ = state.current_round
    if round_ is None or round_.current is not None or round_.queue:
        return []
    present = set(state.present)
    return [pid for pid in round_.passers_waiting if pid in present]


def longest_late_start(session: CircleSession) -> float | None:
    """How long ago the running turn can have begun at the most: when the turn before it
    ended, or the round opened (*Started late…* offers no earlier time)."""
    round_ = session.state.current_round
    if round_ is None or session.state.current_turn is None:
        return None
    return session.elapsed() - round_.last_boundary


def next_allotment(session: CircleSession) -> float | None:
    """What the next speaker would be allotted now, while nobody speaks and someone waits
    (shown on the ring before they start); ``None`` otherwise."""
    round_ = session.state.current_round
    if round_ is None or round_.current is not None or not round_.queue:
        return None
    return session.next_allotment()


def starts_after_pass(state: SessionState, auto_start_next: bool) -> bool:
    """A pass moves on to the next speaker only if a turn was in progress: passing for
    someone still waiting must not start anybody's clock."""
    return auto_start_next and state.current_turn is not None


def round_to_open(progress: RoundProgress) -> RoundPlan:
    """The plan of the round to open next; refused while one is going or none is left."""
    if progress.in_round:
        raise SessionCommandRefused(_("End the current round before starting another one."))
    if progress.plan is None:
        raise SessionCommandRefused(_("Every planned round has been held; you can end the circle."))
    return progress.plan


def previous_round(state: SessionState) -> PreviousRound:
    """Who opened and who closed the last round held (the next round's order may follow)."""
    if not state.rounds:
        return PreviousRound()
    last_round = state.rounds[-1]
    heard = [t for t in state.turns if t.round_index == last_round.index]
    return PreviousRound(
        first=heard[0].person_id if heard else None,
        last=heard[-1].person_id if heard else None,
    )
