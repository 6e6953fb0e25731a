"""Who is dealt a prompt of their own, and what the group has already heard.

In a round where each person has their own prompt, the people present when the circle was set
up were dealt theirs then. Someone who walks in later (joining this round, or from the next)
would otherwise hear only the shared prompt; the engine deals them one as they join the round
(:meth:`CircleSession.join`) or as a round begins with them in it
(:meth:`CircleSession.start_round`). The drawing itself needs the prompt library, which
``session/`` does not know: the caller hands in a :data:`PromptDeal`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from circlekeeper.session import events as ev
from circlekeeper.session.model import RoundPlan
from circlekeeper.session.replay import apply, undone_seqs
from circlekeeper.session.state import RoundState, SessionState


@dataclass(frozen=True, slots=True)
class PromptCard:
    """One prompt drawn for one person: its words, and the library's id when it has one."""

    text: str
    prompt_id: str | None = None


PromptDeal = Callable[[RoundPlan, Sequence[str]], PromptCard | None]
"""Draws a prompt for one more person in ``plan``'s round, never one whose words are in the
sequence (everything the group heard or holds this session); ``None`` when nothing fits (the
person then hears the round's shared prompt)."""


def needs_own_prompt(round_: RoundState, person_id: str) -> bool:
    """Whether ``person_id`` should be dealt a prompt in this round: it gives each person
    their own, they are waiting to speak in it, and they have none yet."""
    plan = round_.plan
    if not plan.per_person or person_id not in round_.queue:
        return False
    return all(who != person_id for who, _ in plan.person_prompts)


def words_heard(state: SessionState) -> list[str]:
    """Every prompt of the rounds held so far (shared and each person's, dealt ones too), in
    order, once each: what a new prompt must not repeat."""
    texts: list[str] = []
    for round_ in state.rounds:
        texts.extend(round_.plan.prompts())
    return list(dict.fromkeys(texts))


def prompts_to_deal(
    state: SessionState,
    first: ev.Event,
    people: Sequence[str],
    deal: PromptDeal,
    *,
    seq: int,
    at: float,
    wall: datetime,
) -> list[ev.PromptDealt]:
    """The prompts ``first`` (a join or a round start, about to be entry ``seq``) brings: one
    for each of ``people`` who, once it happened, waits to speak in a round of personal
    prompts without one; each drawn knowing the ones before it. ``state`` is not changed."""
    if isinstance(first, ev.RoundStarted):
        plan: RoundPlan | None = first.plan
    else:
        round_now = state.current_round
        plan = round_now.plan if round_now is not None else None
    if plan is None or not plan.per_person:
        return []  # the usual case, answered without copying the state
    probe = copy.deepcopy(state)
    apply(probe, ev.Entry(seq, at, wall, first))
    dealt: list[ev.PromptDealt] = []
    for person_id in people:
        round_ = probe.current_round
        if round_ is None or not needs_own_prompt(round_, person_id):
            continue
        card = deal(round_.plan, words_heard(probe))
        if card is None or not card.text.strip():
            continue
        event = ev.PromptDealt(person_id, " ".join(card.text.split()), card.prompt_id)
        seq += 1
        apply(probe, ev.Entry(seq, at, wall, event))
        dealt.append(event)
    return dealt


@dataclass(frozen=True, slots=True)
class DealtPrompt:
    """A prompt dealt during the circle, as the record of prompts heard keeps it."""

    round_index: int
    person_id: str
    text: str
    prompt_id: str | None
    wall: datetime


def dealt_prompts(entries: Iterable[ev.Entry]) -> list[DealtPrompt]:
    """The prompts dealt during a session and not undone, with the round each was dealt in
    (rounds counted as the fold counts them: undone round starts do not count)."""
    entries = list(entries)
    undone = undone_seqs(entries)
    dealt: list[DealtPrompt] = []
    rounds = 0
    for entry in entries:
        if entry.seq in undone:
            continue
        event = entry.event
        if isinstance(event, ev.RoundStarted):
            rounds += 1
        elif isinstance(event, ev.PromptDealt) and rounds:
            dealt.append(
                DealtPrompt(rounds - 1, event.person_id, event.text, event.prompt_id, entry.wall)
            )
    return dealt
