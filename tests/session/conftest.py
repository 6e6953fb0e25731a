"""Shared builders for the engine tests: a fake clock and a small circle."""

from __future__ import annotations

import pytest

from circlekeeper.session import CircleSession, FakeClock, Participant


def people(ids: str = "ABCD") -> list[Participant]:
    """One participant per letter; the letter is both the id and the name."""
    return [Participant(person_id=x, name=x) for x in ids]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(clock: FakeClock) -> CircleSession:
    """A started session with A, B, C, D seated in that order (no round yet)."""
    s = CircleSession(clock)
    s.start("Tuesday circle", people(), ["Sam"])
    return s
