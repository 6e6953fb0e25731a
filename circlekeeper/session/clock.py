"""Where the session gets its sense of time.

The engine never counts ticks: it asks a clock for monotonic seconds and subtracts. Injecting
the clock lets tests run an eight-hour circle in microseconds and prove there is no drift.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Monotonic seconds; only differences between two readings mean anything."""

    def now(self) -> float: ...


class MonotonicClock:
    """The real clock: immune to the wall clock jumping (NTP, daylight saving, a user's edit)."""

    def now(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that moves only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a monotonic clock never goes backwards")
        self._now += seconds
