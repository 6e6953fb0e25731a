"""Shared pieces for UI tests: a fake clock with a wall clock that moves with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from circlekeeper.session import FakeClock, Participant, RoundPlan, TimePolicy
from circlekeeper.session import events as ev
from circlekeeper.session.model import RoundKind


class TestClock(FakeClock):
    """Monotonic and wall time advancing together, as on a laptop that does not sleep."""

    __test__ = False

    def __init__(self) -> None:
        super().__init__()
        self.origin = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
        self.start = self.now()

    def wall(self) -> datetime:
        return self.origin + timedelta(seconds=self.now() - self.start)


@dataclass
class MemoryJournal:
    entries: list[ev.Entry] = field(default_factory=list)
    beats: list[tuple[datetime, float]] = field(default_factory=list)
    fail: bool = False

    def append(self, entry: ev.Entry) -> None:
        if self.fail:
            raise OSError("disk full")
        self.entries.append(entry)

    def heartbeat(self, wall: datetime, elapsed: float) -> None:
        if self.fail:
            raise OSError("disk full")
        self.beats.append((wall, elapsed))


PEOPLE = [
    Participant("1", "Amal", "she/her"),
    Participant("2", "Jonas", ""),
    Participant("3", "山田 花子", "they/them"),
    Participant("4", "נועה", "she/her"),
]

PLAN = [
    RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), "What are you bringing today?"),
    RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(480, minimum=30)),
    RoundPlan(RoundKind.CHECK_OUT, TimePolicy.fixed(30), "One word to leave with"),
]


@pytest.fixture
def clock() -> TestClock:
    return TestClock()


@pytest.fixture
def journal() -> MemoryJournal:
    return MemoryJournal()
