"""Realistic demo circles and finished sessions, made by driving the real session engine.

Every demo log is produced by :class:`~circlekeeper.session.CircleSession` under a
:class:`~circlekeeper.session.FakeClock`, so each one is a log the app itself could have written:
replaying it through ``fold`` and ``summarize`` never fails. A seed makes the whole data set
reproducible (tests and benchmarks rely on that).

Two phases, because the store assigns person ids and logs carry them:

1. :func:`plan_roster` invents circles and people (names in several scripts, pronouns).
2. the caller stores them, then :func:`drive_sessions` plays sessions with the stored ids.

No SQL and no Qt here; :mod:`circlekeeper.store.bulk` writes the result quickly.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.session import events as ev
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.session.order import least_heard_order, rotation_order, shuffled_order
from circlekeeper.session.prompts import MoodCounts
from circlekeeper.session.summary import SessionSummary, summarize

NAMES: tuple[tuple[str, str], ...] = (
    # Latin
    ("Amal Haddad", "she/her"),
    ("Jonas Becker", "he/him"),
    ("Sam Rivera", "they/them"),
    ("Chloé Martin", "she/her"),
    ("Kwame Mensah", "he/him"),
    ("Aoife Ní Bhriain", "she/her"),
    ("Mateus Oliveira", ""),
    ("Jordan Lee", "they/them"),
    ("Zeynep Yılmaz", "she/her"),
    ("Dario Conti", "he/him"),
    ("Ngozi Okafor", "she/her"),
    ("Lars Øberg", "he/him"),
    ("Tomasz Wiśniewski", ""),
    ("Alex Kim", "they/them"),
    ("María José Pérez", "she/ella"),
    ("Henrik Sørensen", "he/him"),
    # Arabic
    ("فاطمة الزهراء", "هي"),
    ("يوسف الحسيني", "هو"),
    ("ليلى منصور", ""),
    ("عمر خليل", "he/him"),
    # Hebrew
    ("נועה לוי", "she/her"),
    ("דוד כהן", "הוא"),
    ("שירה אברהם", "they/them"),
    # CJK
    ("山田 花子", "she/her"),
    ("李伟", "he/him"),
    ("김민준", ""),
    ("王芳", "she/her"),
    ("佐藤 健", "they/them"),
    # Cyrillic
    ("Анна Смирнова", "she/her"),
    ("Дмитрий Иванов", "он"),
    ("Олена Шевченко", "вона"),
    ("Борис Петров", ""),
    # Greek, Devanagari
    ("Ελένη Παπαδοπούλου", "she/her"),
    ("प्रिया शर्मा", "she/her"),
)

CIRCLE_KINDS: tuple[tuple[str, str], ...] = (
    (
        "Tuesday Evening Circle",
        "A drop-in peer-support circle for anyone going through a hard time.",
    ),
    ("Parents Together", "Parents of children with chronic illness share what helps."),
    ("New in Town", "For people who moved here recently: settling in, loneliness, small wins."),
    ("Grief Circle", "Time and space to speak about loss, at your own pace."),
    ("Recovery Café", "A peer circle for people in recovery and those who support them."),
    ("Caregivers’ Circle", "Carers of family members meet to be heard, not to fix."),
    ("Students’ Check-in", "A weekly check-in for students under pressure."),
    ("دائرة الأمل", "دائرة دعم للأقران باللغة العربية."),
    ("מעגל שיחה", "מעגל תמיכה של עמיתים."),
    ("木曜サークル", "ピアサポートの集まり。"),
    ("Круг поддержки", "Группа взаимной поддержки."),
)

AGREEMENTS: tuple[str, ...] = (
    "What is said here stays here.",
    "Speak from your own experience (“I”, not “you”).",
    "Everyone may pass, no questions asked.",
    "No advice unless someone asks for it.",
    "Phones away while someone is speaking.",
    "Listen to understand, not to reply.",
)

CHECK_IN_PROMPTS: tuple[str, ...] = (
    "What are you bringing into the room today?",
    "One word for how you arrive.",
    "What has been on your mind since we last met?",
    "What is the weather inside you right now?",
    "Something small that went well this week.",
    "What do you need from this circle tonight?",
)

SHARING_PROMPTS: tuple[str, ...] = (
    "A moment this week when you felt supported.",
    "What helps you on the difficult days?",
    "Something you are learning about yourself.",
    "A boundary you kept, or wish you had kept.",
    "Where did you find hope recently?",
    "",
    "",
)

CHECK_OUT_PROMPTS: tuple[str, ...] = (
    "One word to leave with.",
    "What will you take with you?",
    "Something you appreciated tonight.",
    "One thing you will do for yourself this week.",
)

THEMES: tuple[str, ...] = (
    "sleep",
    "work stress",
    "family",
    "moving house",
    "small wins",
    "anniversaries",
    "asking for help",
    "loneliness",
    "rest",
    "new routines",
)

FACILITATORS: tuple[str, ...] = (
    "Robin",
    "Miriam",
    "Kenji",
    "Leila",
    "Olu",
    "Ana",
    "Pavel",
    "Noor",
)

TIMEZONES: tuple[str, ...] = (
    "Europe/Berlin",
    "Europe/London",
    "America/Toronto",
    "Asia/Tokyo",
    "Asia/Jerusalem",
    "Africa/Lagos",
)


@dataclass(frozen=True, slots=True)
class DemoPerson:
    name: str
    pronouns: str = ""


@dataclass(frozen=True, slots=True)
class DemoCircle:
    """A circle as invented, before the store gives it and its people ids."""

    name: str
    description: str
    agreements: tuple[str, ...]
    default_plan: tuple[RoundPlan, ...]
    facilitators: tuple[str, ...]
    members: tuple[DemoPerson, ...]
    timezone: str
    mood_enabled: bool
    meets_per_week: int = 1


@dataclass(frozen=True, slots=True)
class StoredCircle:
    """A demo circle after storing: what :func:`drive_sessions` needs."""

    circle_id: int
    circle: DemoCircle
    member_ids: tuple[int, ...]
    """Person ids in seating order, parallel to ``circle.members``."""


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


def circle_count_for(sessions: int) -> int:
    """Enough circles that weekly meetings stay within a plausible number of years."""
    return max(4, min(400, sessions // 300 + 1))


def plan_roster(seed: int, circles: int) -> list[DemoCircle]:
    """Invent ``circles`` circles with their members; the same seed gives the same roster."""
    rng = random.Random(f"roster-{seed}")
    result: list[DemoCircle] = []
    for index in range(circles):
        base_name, description = CIRCLE_KINDS[index % len(CIRCLE_KINDS)]
        name = (
            base_name
            if index < len(CIRCLE_KINDS)
            else f"{base_name} {index // len(CIRCLE_KINDS) + 1}"
        )
        size = rng.randint(6, 12)
        members = tuple(DemoPerson(*pick) for pick in rng.sample(NAMES, size))
        agreements = tuple(rng.sample(AGREEMENTS, rng.randint(3, len(AGREEMENTS))))
        result.append(
            DemoCircle(
                name=name,
                description=description,
                agreements=agreements,
                default_plan=_plan(rng, index),
                facilitators=tuple(rng.sample(FACILITATORS, rng.randint(1, 2))),
                members=members,
                timezone=rng.choice(TIMEZONES),
                mood_enabled=rng.random() < 0.5,
                meets_per_week=1 if rng.random() < 0.8 else 2,
            )
        )
    return result


def _plan(rng: random.Random, index: int) -> tuple[RoundPlan, ...]:
    """Circles take turns between policies so any four circles show all three."""
    check_in = RoundPlan(
        RoundKind.CHECK_IN, TimePolicy.fixed(rng.choice((45, 60, 90))), rng.choice(CHECK_IN_PROMPTS)
    )
    style = index % 4
    if style in (0, 2):
        sharing_policy = TimePolicy.fair_share(rng.choice((900, 1200, 1800)), minimum=60)
    elif style == 1:
        sharing_policy = TimePolicy.fixed(rng.choice((120, 180, 240)))
    else:
        sharing_policy = TimePolicy.open()
    sharing = RoundPlan(RoundKind.SHARING, sharing_policy, rng.choice(SHARING_PROMPTS))
    check_out = RoundPlan(
        RoundKind.CHECK_OUT, TimePolicy.fixed(rng.choice((30, 45))), rng.choice(CHECK_OUT_PROMPTS)
    )
    return (check_in, sharing, check_out)


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
        plan[0] = RoundPlan(plan[0].kind, plan[0].policy, rng.choice(CHECK_IN_PROMPTS))
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
            person.deviation_seconds
        )


def _moods(rng: random.Random, present: int) -> tuple[MoodCounts, ...]:
    result = []
    for moment, lift in (("check-in", 0), ("check-out", 1)):
        counts: dict[int, int] = {}
        for _ in range(present):
            value = min(5, max(1, round(rng.gauss(3 + lift * 0.6, 1.0))))
            counts[value] = counts.get(value, 0) + 1
        result.append(MoodCounts(moment, counts))
    return tuple(result)


def _shareable(rng: random.Random, summary: SessionSummary) -> str:
    themes = ", ".join(rng.sample(THEMES, 2))
    late = f" {summary.late_count} arrived late and were welcomed." if summary.late_count else ""
    return (
        f"{summary.present_count} of us met. We spoke about {themes}.{late}"
        " Thank you for listening so well."
    )
