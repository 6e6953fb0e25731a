"""A small history built by hand, played through the real engine into a real store, whose
period figures are worked out by hand in the tests (March 2026; previous period 29 Jan – 28 Feb).

Tuesday circle (moods on):
  2025-11-04  Gus 60 s                                 (long before)
  2026-02-10  Ana 60, Bo 120                           (previous period; Sam)
  2026-03-03  Ana 60, Bo 60, Cy passes                 (Robin; check-in moods 3:1 4:2)
  2026-03-10  Ana 60 then leaves, Cy 90, Dee arrives late 30   (Sam; check-out 5:3)
  2026-03-24  Ana 60, Bo 60, Dee 60, Eli passes        (Robin; check-in 4:2 5:2)
  2026-03-26  a live session (never counted)
  2026-04-02  Ana 60                                   (after the period)
Thursday circle:
  2025-12-04  Fay 60
  2026-03-05  Fay 60, Bo 60, Gus 60                    (Robin)

Every turn follows the last without a gap, so a session lasts as long as its turns.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.session.prompts import MoodCounts, PromptUse
from circlekeeper.store import CircleRecord, Store, open_store
from circlekeeper.store.journal import StoreJournal

PLAN = (
    RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(120), prompt="What are you bringing tonight?"),
)
NAMES = ("Ana Lima", "Bo Chen", "Cy Diaz", "Dee Evans", "Eli Fox", "Fay Gold", "Gus Hill")


@dataclass(frozen=True, slots=True)
class Turn:
    who: str
    seconds: float = 60.0
    passes: bool = False
    joins_first: bool = False
    """Arrives late, just before this turn."""
    leaves_after: bool = False


@dataclass(slots=True)
class Built:
    store: Store
    tuesday: int
    thursday: int
    people: dict[str, int] = field(default_factory=dict)
    sessions: dict[str, int] = field(default_factory=dict)


def play(
    built: Built,
    circle_id: int,
    when: datetime,
    turns: list[Turn],
    *,
    facilitator: str = "Robin",
    finish: bool = True,
) -> int:
    store = built.store
    present = [t.who for t in turns if not t.joins_first]
    late = [t.who for t in turns if t.joins_first]
    ids = [built.people[w] for w in present + late]
    sid = store.sessions.create(
        circle_id,
        facilitators=(facilitator,),
        plan=PLAN,
        started_at=when,
        timezone="UTC",
        people=tuple(ids),
    )
    clock = FakeClock()
    origin = clock.now()
    session = CircleSession(
        clock,
        sink=StoreJournal(store, sid).append,
        wall=lambda: when + timedelta(seconds=clock.now() - origin),
    )
    participant = {w: Participant(str(built.people[w]), w) for w in present + late}
    session.start(
        store.circles.get(circle_id).name, [participant[w] for w in present], (facilitator,)
    )
    session.start_round(PLAN[0])
    for turn in turns:
        if turn.joins_first:
            session.join(participant[turn.who])
        if turn.passes:
            session.pass_turn(str(built.people[turn.who]))
        else:
            session.start_turn(str(built.people[turn.who]))
            clock.advance(turn.seconds)
            session.end_turn()
        if turn.leaves_after:
            session.leave(str(built.people[turn.who]))
    if not finish:
        return sid
    session.end_round()
    session.end_session()
    store.sessions.finish(sid)
    return sid


def day(month: int, dd: int, year: int = 2026) -> datetime:
    return datetime(year, month, dd, 18, 0, tzinfo=UTC)


def build_history(store: Store) -> Built:
    tuesday = store.circles.save(CircleRecord(None, "Tuesday", privacy="initials"))
    thursday = store.circles.save(CircleRecord(None, "Thursday"))
    built = Built(store, tuesday, thursday)
    for name in NAMES:
        circles = [thursday] if name.startswith("Fay") else [tuesday, thursday]
        built.people[name.split()[0]] = store.people.add(name, circle_ids=circles).person_id
    s = built.sessions
    s["T-1"] = play(built, tuesday, day(11, 4, 2025), [Turn("Gus")])
    s["H0"] = play(built, thursday, day(12, 4, 2025), [Turn("Fay")])
    s["T0"] = play(built, tuesday, day(2, 10), [Turn("Ana"), Turn("Bo", 120)], facilitator="Sam")
    s["T1"] = play(built, tuesday, day(3, 3), [Turn("Ana"), Turn("Bo"), Turn("Cy", passes=True)])
    s["H1"] = play(built, thursday, day(3, 5), [Turn("Fay"), Turn("Bo"), Turn("Gus")])
    s["T2"] = play(
        built,
        tuesday,
        day(3, 10),
        [Turn("Ana", leaves_after=True), Turn("Cy", 90), Turn("Dee", 30, joins_first=True)],
        facilitator="Sam",
    )
    s["T3"] = play(
        built,
        tuesday,
        day(3, 24),
        [Turn("Ana"), Turn("Bo"), Turn("Dee"), Turn("Eli", passes=True)],
    )
    s["live"] = play(built, tuesday, day(3, 26), [Turn("Ana")], finish=False)
    s["T4"] = play(built, tuesday, day(4, 2), [Turn("Ana")])
    store.prompts.record_use(PromptUse(s["T1"], 0, "How are you arriving?"))
    store.prompts.record_use(PromptUse(s["T2"], 0, "How are you arriving?"))
    store.moods.save(s["T1"], MoodCounts("check-in", {3: 1, 4: 2}))
    store.moods.save(s["T2"], MoodCounts("check-out", {5: 3}))
    store.moods.save(s["T3"], MoodCounts("check-in", {4: 2, 5: 2}))
    return built


@contextmanager
def history_store(folder: Path) -> Iterator[Store]:
    """A real store file in ``folder`` holding :func:`build_history`'s history, closed after:
    the module-wide store of every test that reads these hand-worked figures."""
    opened = open_store(folder / "ck.sqlite3")
    try:
        build_history(opened)
        yield opened
    finally:
        opened.close()
