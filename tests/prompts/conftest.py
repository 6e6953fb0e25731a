"""Shared fixtures: the shipped decks (parsed once per test run) and fresh fake repositories."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from circlekeeper.prompts import PromptLibrary, load_shipped_decks
from circlekeeper.prompts.deck import Deck
from circlekeeper.prompts.memory import MemoryMoodRepository, MemoryPromptRepository

START = datetime(2026, 1, 6, 18, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def shipped() -> list[Deck]:
    return load_shipped_decks()


@pytest.fixture
def repo() -> MemoryPromptRepository:
    return MemoryPromptRepository()


@pytest.fixture
def library(shipped: list[Deck], repo: MemoryPromptRepository) -> PromptLibrary:
    return PromptLibrary(shipped, repo)


@pytest.fixture
def moods() -> MemoryMoodRepository:
    return MemoryMoodRepository()


def week(n: int) -> datetime:
    """The start of the circle's n-th weekly session."""
    return START + timedelta(weeks=n)


@pytest.fixture(autouse=True)
def _english_afterwards():  # type: ignore[no-untyped-def]
    """A test that runs a command with --lang leaves the process speaking English again."""
    yield
    from circlekeeper.i18n import use_language

    use_language("en")
