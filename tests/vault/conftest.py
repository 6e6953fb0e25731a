"""Vault fixtures: cheap KDF settings and a fake clock whose sleep advances it."""

from __future__ import annotations

import pytest

from circlekeeper.session.clock import FakeClock
from circlekeeper.vault import NotesService, Vault, fast_settings
from tests.vault.fakes import MemoryHeaders, MemoryNotes

PASSPHRASE = "correct horse battery staple"


class SleepRecorder:
    """Stands in for ``time.sleep``: records each wait and moves the fake clock on."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.clock.advance(seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sleeper(clock: FakeClock) -> SleepRecorder:
    return SleepRecorder(clock)


@pytest.fixture
def headers() -> MemoryHeaders:
    return MemoryHeaders()


@pytest.fixture
def repo() -> MemoryNotes:
    return MemoryNotes()


@pytest.fixture
def vault(headers: MemoryHeaders, clock: FakeClock, sleeper: SleepRecorder) -> Vault:
    return Vault(headers, kdf=fast_settings(), clock=clock, sleep=sleeper)


@pytest.fixture
def unlocked(vault: Vault) -> Vault:
    vault.create(PASSPHRASE)
    return vault


@pytest.fixture
def notes(unlocked: Vault, repo: MemoryNotes) -> NotesService:
    return NotesService(unlocked, repo)
