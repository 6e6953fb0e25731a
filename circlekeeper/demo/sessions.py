"""Phase two of the demo data: play finished sessions through the real engine.

Every log is produced by :class:`~circlekeeper.session.CircleSession` under a
:class:`~circlekeeper.session.FakeClock`, so each is a log the app itself could have written.
Turns, passes, late arrivals, pauses and abandoned sessions are rolled from one seeded random
source, so the same seed replays the same sessions.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from circlekeeper.demo.roster import StoredCircle
from circlekeeper.demo.words import CHECK_IN_PROMPTS, THEMES, spoken
from circlekeeper.i18n import _, ngettext
from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.session import events as ev
from circlekeeper.session.model import RoundPlan
from circlekeeper.session.order import least_heard_order, rotation_order, shuffled_order
from circlekeeper.session.prompts import MoodCounts
from circlekeeper.session.summary import SessionSummary, summarize


@dataclass(frozen=True, slots=True)
class DemoPromptUse:
    round_index: int
    text: str


@dataclass(frozen=True, slots=True)
class DemoSession:
    """One finished demo session: its log and what a facilitator would have added."""

    circle_id: int
    started_at: datetime
    timezone: str
    facilitators: tuple[str, ...]
    co_facilitators: tuple[str, ...]
    plan: tuple[RoundPlan, ...]
    people: tuple[int, ...]
    """Everyone present at some point (those at the start first, then late arrivals)."""
    entries: tuple[ev.Entry, ...]
    summary: SessionSummary
    status: str
    """``ended`` or ``abandoned`` (the app went down and the session was closed at its last
    heartbeat, so the log has no end event)."""
    prompts: tuple[DemoPromptUse, ...] = ()
    moods: tuple[MoodCounts, ...] = ()
    shareable: str = ""
    ended_at: datetime | None = None


@dataclass(slots=True)
class _CircleRun:
    """What carries over from one session of a circle to the next (rotation, balance)."""

    stored: StoredCircle
    first_day: date
    held: int = 0
    previous_first: str | None = None
    balance: dict[str, float] = field(default_factory=dict)

    def next_start(self, rng: random.Random) -> datetime:
        """The k-th meeting falls k × (7 / meetings a week) days after the first, at about
        18:00 on the circle's own wall clock (so daylight saving moves the UTC time)."""
        days = round(self.held * 7 / self.stored.circle.meets_per_week)
        return _local_evening(
            self.first_day + timedelta(days=days), self.stored.circle.timezone, rng
        )


def drive_sessions(
    circles: Sequence[StoredCircle],
    sessions: int,
    seed: int,
    *,
    end: datetime | None = None,
) -> Iterator[DemoSession]:
    """Play ``sessions`` sessions, spread over the circles, the last ones shortly before ``end``.

    Each log is driven through the engine with a fake clock whose wall time starts at the
    session's local evening start. Circles are interleaved; each circle's sessions come in order.
    """
    if not circles:
        return
    rng = random.Random(f"sessions-{seed}")
    end = end or datetime(2026, 11, 20, tzinfo=UTC)
    per_circle = [sessions // len(circles)] * len(circles)
    for i in range(sessions % len(circles)):
        per_circle[i] += 1
    runs: list[_CircleRun] = []
    for stored, count in zip(circles, per_circle, strict=True):
        span = math.ceil(count * 7 / stored.circle.meets_per_week)
        runs.append(_CircleRun(stored, (end - timedelta(days=span)).date()))
    order = [i for i, count in enumerate(per_circle) for _ in range(count)]
    rng.shuffle(order)
    for index in order:
        run = runs[index]
        yield _one_session(run, rng)
        run.held += 1


def _local_evening(day: date, timezone: str, rng: random.Random) -> datetime:
    local = datetime(
        day.year, day.month, day.day, 18, rng.choice((0, 15, 30, 45)), tzinfo=ZoneInfo(timezone)
    )
    return local.astimezone(UTC)


def _one_session(run: _CircleRun, rng: random.Random) -> DemoSession:
    stored = run.stored
    circle = stored.circle
    people = [
        Participant(str(pid), person.name, person.pronouns)
        for pid, person in zip(stored.member_ids, circle.members, strict=True)
    ]
    attending = [p for p in people if rng.random() < 0.8] or people[:2]
    late: list[Participant] = []
    if len(attending) > 3 and rng.random() < 0.25:
        late = [attending.pop(rng.randrange(1, len(attending)))]
    newcomer_late = [p for p in people if p not in attending and p not in late]
    if newcomer_late and rng.random() < 0.1:
        late.append(rng.choice(newcomer_late))

    start_wall = run.next_start(rng) + timedelta(seconds=rng.randint(-120, 420))
    clock = FakeClock(0.0)
    engine = CircleSession(clock, wall=lambda: start_wall + timedelta(seconds=clock.now()))
    facilitators = tuple(rng.sample(circle.facilitators, 1))
    co = tuple(f for f in circle.facilitators if f not in facilitators)
    engine.start(circle.name, attending, facilitators)

    plan = list(circle.default_plan)
    if rng.random() < 0.3:
        # The facilitator picked another prompt tonight.
        plan[0] = RoundPlan(plan[0].kind, plan[0].policy, spoken(rng.choice(CHECK_IN_PROMPTS)))
    abandoned = rng.random() < 0.02
    leaver = rng.random() < 0.1
    prompts: list[DemoPromptUse] = []
    for round_index, round_plan in enumerate(plan):
        clock.advance(rng.uniform(20, 90))
        if round_plan.prompt:
            prompts.append(DemoPromptUse(round_index, round_plan.prompt))
        engine.start_round(round_plan, _order(run, engine.state.present, rng, round_index))
        if round_index == 0 and late:
            # Late arrivals come in during check-in and join the end of its queue.
            clock.advance(rng.uniform(30, 240))
            for person in late:
                engine.join(person)
        _play_round(engine, clock, rng)
        if abandoned and round_index == 1:
            break
        engine.end_round()
        if leaver and round_index == 1 and len(engine.state.present) > 2:
            engine.leave(rng.choice(engine.state.present))
    if not abandoned:
        clock.advance(rng.uniform(10, 60))
        engine.end_session()
    log = engine.log
    summary = summarize(log)
    _update_balance(run, summary)
    first_round = engine.state.rounds[0] if engine.state.rounds else None
    if first_round is not None and first_round.spoke:
        run.previous_first = first_round.spoke[0]
    present_ids = tuple(int(p.person_id) for p in (*attending, *late))
    return DemoSession(
        circle_id=stored.circle_id,
        started_at=log[0].wall,
        timezone=circle.timezone,
        facilitators=facilitators,
        co_facilitators=co,
        plan=tuple(plan),
        people=present_ids,
        entries=log,
        summary=summary,
        status="abandoned" if abandoned else "ended",
        prompts=tuple(prompts),
        moods=_moods(rng, summary.present_count) if circle.mood_enabled and not abandoned else (),
        shareable=_shareable(rng, summary) if rng.random() < 0.35 else "",
        ended_at=log[-1].wall,
    )


def _order(
    run: _CircleRun, present: Sequence[str], rng: random.Random, round_index: int
) -> list[str]:
    choice = rng.random()
    if choice < 0.4:
        return list(present)
    if choice < 0.6:
        return shuffled_order(present, rng.randrange(1 << 30))
    if choice < 0.8 and round_index == 0:
        return rotation_order(present, run.previous_first)
    return least_heard_order(present, run.balance)


def _play_round(engine: CircleSession, clock: FakeClock, rng: random.Random) -> None:
    """Turns until the queue is empty: speaking, passing, coming back later, running over."""
    while True:
        round_ = engine.state.current_round
        assert round_ is not None
        if not round_.queue:
            return
        roll = rng.random()
        if roll < 0.08:
            engine.pass_turn()
            clock.advance(rng.uniform(2, 6))
            continue
        up_next = round_.queue[0]
        if roll < 0.11 and up_next not in round_.deferred and len(round_.queue) > 1:
            engine.pass_for_now()
            continue
        engine.start_turn()
        turn = engine.turn_view()
        assert turn is not None
        allotted = turn.allotted
        if allotted is None:
            speak = rng.lognormvariate(5.0, 0.5)
        else:
            speak = allotted * rng.uniform(0.4, 1.05)
            if rng.random() < 0.15:
                speak = allotted * rng.uniform(1.05, 1.6)
        if rng.random() < 0.05:
            clock.advance(speak / 2)
            engine.pause()
            clock.advance(rng.uniform(10, 60))
            engine.resume_turn()
            clock.advance(speak / 2)
        else:
            clock.advance(speak)
        if allotted is not None and rng.random() < 0.04:
            engine.extend(60)
            clock.advance(rng.uniform(10, 50))
        engine.end_turn()
        clock.advance(rng.uniform(1, 8))


def _update_balance(run: _CircleRun, summary: SessionSummary) -> None:
    """Keep a decaying speaking balance so *least heard first* has something to work with."""
    for pid in run.balance:
        run.balance[pid] *= 0.7
    for person in summary.people:
        run.balance[person.person_id] = run.balance.get(person.person_id, 0.0) + (
            person.deviation_seconds or 0.0
        )


def _moods(rng: random.Random, present: int) -> tuple[MoodCounts, ...]:
    result = []
    for moment, lift in (("check-in", 0), ("check-out", 1)):
        counts: dict[int, int] = {}
        for _count in range(present):
            value = min(5, max(1, round(rng.gauss(3 + lift * 0.6, 1.0))))
            counts[value] = counts.get(value, 0) + 1
        result.append(MoodCounts(moment, counts))
    return tuple(result)


def _shareable(rng: random.Random, summary: SessionSummary) -> str:
    first, second = (spoken(theme) for theme in rng.sample(THEMES, 2))
    said = [
        ngettext("{count} of us met.", "{count} of us met.", summary.present_count).format(
            count=summary.present_count
        ),
        _("We spoke about {first} and {second}.").format(first=first, second=second),
    ]
    if summary.late_count:
        said.append(
            ngettext(
                "{count} arrived late and was welcomed.",
                "{count} arrived late and were welcomed.",
                summary.late_count,
            ).format(count=summary.late_count)
        )
    said.append(_("Thank you for listening so well."))
    return " ".join(said)
