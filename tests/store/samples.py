"""Sample data for the store tests: awkward names, a round plan, fixed moments."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.session import events as ev
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy

ODD_NAMES = (
    "x" * 10_000,
    "<b>Bold</b> & co",
    "🌻 Sunny 🌈",
    "مريم",
    "שָׁלוֹם",
    "王小明",
)

PLAN = (
    RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), prompt="How are you ARRIVING?"),
    RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(600), prompt="What gave you hope?"),
)

START = datetime(2026, 3, 4, 18, 0, tzinfo=UTC)


class WallClock(FakeClock):
    """A fake monotonic clock with a wall clock that moves with it."""

    def wall(self) -> datetime:
        return START + timedelta(seconds=self.now() - 1000.0)


def play_short_session(
    participants: tuple[Participant, ...], sink: object = None, *, sharing: bool = False
) -> tuple[ev.Entry, ...]:
    """A finished circle: everyone checks in, one passes, someone speaks long (and with
    ``sharing``, the first person speaks in a second round before the circle ends)."""
    clock = WallClock()
    session = CircleSession(clock, sink=sink, wall=clock.wall)  # type: ignore[arg-type]
    session.start("Tuesday", participants, ("Robin",))
    session.start_round(PLAN[0])
    for index, _ in enumerate(participants):
        session.start_turn()
        if index == 1:
            clock.advance(5)  # a pass straight away: the right to pass, measured against nothing
            session.pass_turn()
        else:
            clock.advance(20 + 15 * index)
            session.end_turn()
    session.end_round()
    if sharing:
        session.start_round(PLAN[1])
        session.start_turn()
        clock.advance(90)
        session.end_turn()
        session.end_round()
    session.end_session()
    return session.log
