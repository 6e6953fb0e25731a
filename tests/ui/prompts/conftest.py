"""Library fixtures for the prompt UI tests (the shipped decks over a fake repository)."""

from __future__ import annotations

import pytest

from circlekeeper.prompts import PromptLibrary, load_shipped_decks
from circlekeeper.prompts.deck import Deck
from circlekeeper.prompts.memory import MemoryPromptRepository


@pytest.fixture(scope="session")
def shipped() -> list[Deck]:
    return load_shipped_decks()


@pytest.fixture
def repo() -> MemoryPromptRepository:
    return MemoryPromptRepository()


@pytest.fixture
def library(shipped, repo) -> PromptLibrary:
    return PromptLibrary(shipped, repo)
