"""The in-memory fakes keep the repository contract the SQL store also has to keep."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime

import pytest

from circlekeeper.prompts.memory import MemoryMoodRepository, MemoryPromptRepository
from tests.prompts.repository_contract import MoodRepositoryContract, PromptRepositoryContract


@dataclass
class MemoryBackend:
    prompts: MemoryPromptRepository = field(default_factory=MemoryPromptRepository)
    moods: MemoryMoodRepository = field(default_factory=MemoryMoodRepository)
    ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def add_session(self, circle_id: int, started_at: datetime) -> int:
        session_id = next(self.ids)
        self.prompts.add_session(session_id, circle_id, started_at)
        self.moods.add_session(session_id, circle_id, started_at)
        return session_id


@pytest.fixture
def backend() -> MemoryBackend:
    return MemoryBackend()


class TestMemoryPromptRepository(PromptRepositoryContract):
    pass


class TestMemoryMoodRepository(MoodRepositoryContract):
    pass
