"""Check-in and check-out prompts as the domain sees them (no files, no SQL here)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import field
from datetime import datetime
from enum import StrEnum
from typing import Protocol, TypeVar

from circlekeeper.session.frozen import FrozenRecord


class PromptCategory(StrEnum):
    CHECK_IN = "check-in"
    SHARING = "sharing"
    CHECK_OUT = "check-out"
    CELEBRATION = "celebration"
    HOPE = "hope"


class Intensity(StrEnum):
    LIGHT = "light"
    MEDIUM = "medium"
    DEEP = "deep"


class Principle(StrEnum):
    MUTUALITY = "mutuality"
    RESPECT = "respect"
    LIVED_EXPERIENCE = "lived-experience"
    EMPOWERMENT = "empowerment"


class Prompt(FrozenRecord):
    """One prompt. Shipped prompts have ids ``"<deck>:<slug>"``; custom ones ``"custom:<n>"``."""

    prompt_id: str
    text: str
    category: PromptCategory
    intensity: Intensity
    principles: frozenset[Principle]
    first_meeting: bool = False
    tags: frozenset[str] = frozenset()
    deck: str = ""
    custom: bool = False
    archived: bool = False
    based_on: str | None = None
    """For a custom copy made by editing a shipped prompt: the shipped prompt's id."""


class PromptPreferences(FrozenRecord):
    """A facilitator's marks on the library: favourites lean the draw, hidden ones never show."""

    favourites: frozenset[str] = frozenset()
    hidden: frozenset[str] = frozenset()


class PromptUse(FrozenRecord):
    """A prompt heard in a session round (``person_id`` set when each person had their own)."""

    session_id: int
    round_index: int
    text: str
    prompt_id: str | None = None
    person_id: str | None = None
    used_at: datetime | None = None


class MoodCounts(FrozenRecord):
    """An anonymous 1–5 mood count: how many people chose each value, never who."""

    moment: str  # "check-in" or "check-out"
    counts: dict[int, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def average(self) -> float | None:
        total = self.total
        if not total:
            return None
        return sum(value * n for value, n in self.counts.items()) / total


class _InARound(Protocol):
    @property
    def round_index(self) -> int: ...


Heard = TypeVar("Heard", bound=_InARound)


def heard_only(uses: Iterable[Heard], rounds_held: Collection[int]) -> list[Heard]:
    """The uses of rounds that really started.

    A session records its whole plan's prompts when it begins; when the circle ends before a
    planned round, that round's prompt was never heard, so history, "Heard in" (and with it
    the no-repeat draw), the PDF and exports must leave it out.
    """
    return [use for use in uses if use.round_index in rounds_held]
