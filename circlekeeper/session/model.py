"""Value objects a session is made of: people, rounds and their time policies."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum


class RoundKind(StrEnum):
    CHECK_IN = "check-in"
    SHARING = "sharing"
    CHECK_OUT = "check-out"
    CUSTOM = "custom"


class PolicyMode(StrEnum):
    FIXED = "fixed"
    FAIR_SHARE = "fair-share"
    OPEN = "open"


class Phase(StrEnum):
    """Where a running turn stands against its allotment; shown as colour, text and shape."""

    NORMAL = "normal"
    NEARING_END = "nearing-end"
    OVER_TIME = "over-time"


class Direction(StrEnum):
    CLOCKWISE = "clockwise"
    COUNTERCLOCKWISE = "counterclockwise"


@dataclass(frozen=True, slots=True)
class Participant:
    """A person as they gave their name and pronouns; any script, any length."""

    person_id: str
    name: str
    pronouns: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"person_id": self.person_id, "name": self.name, "pronouns": self.pronouns}

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> Participant:
        """Strict: stored or imported people must have text where text belongs."""
        if not isinstance(data, dict):
            raise TypeError("a person must be an object")
        return cls(
            _text(data, "person_id", required=True),
            _text(data, "name", required=True),
            _text(data, "pronouns"),
        )


@dataclass(frozen=True, slots=True)
class TimePolicy:
    """How a round shares its time.

    ``seconds`` is the per-turn allotment for *fixed* and the round budget for *fair share*;
    *open* rounds have no allotment and the timer counts up.
    """

    mode: PolicyMode = PolicyMode.FAIR_SHARE
    seconds: float = 0.0
    minimum: float = 30.0

    def __post_init__(self) -> None:
        # Always floats, so a policy written as 60 and one read back as 60.0 are stored alike.
        object.__setattr__(self, "seconds", float(self.seconds))
        object.__setattr__(self, "minimum", float(self.minimum))
        if not (math.isfinite(self.seconds) and math.isfinite(self.minimum)):
            raise ValueError("a time policy needs finite numbers of seconds")
        if self.seconds < 0 or self.minimum < 0:
            raise ValueError("a time policy cannot have negative seconds")
        if self.mode is not PolicyMode.OPEN and self.seconds <= 0:
            raise ValueError(f"a {self.mode.value} round needs a positive number of seconds")

    @classmethod
    def fixed(cls, seconds: float) -> TimePolicy:
        return cls(PolicyMode.FIXED, seconds, 0.0)

    @classmethod
    def fair_share(cls, budget: float, minimum: float = 30.0) -> TimePolicy:
        return cls(PolicyMode.FAIR_SHARE, budget, minimum)

    @classmethod
    def open(cls) -> TimePolicy:
        return cls(PolicyMode.OPEN, 0.0, 0.0)

    def describe(self) -> str:
        """Plain words for the screen and the printed summary."""
        if self.mode is PolicyMode.FIXED:
            return f"fixed, {format_duration(self.seconds)} each"
        if self.mode is PolicyMode.FAIR_SHARE:
            return (
                f"fair share of {format_duration(self.seconds)}"
                f" (at least {format_duration(self.minimum)} each)"
            )
        return "open, no time limit"

    def to_dict(self) -> dict[str, object]:
        return {
            "mode": self.mode.value,
            "seconds": float(self.seconds),
            "minimum": float(self.minimum),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> TimePolicy:
        if not isinstance(data, dict):
            raise TypeError("a time policy must be an object")
        mode = _text(data, "mode", required=True)
        if mode not in PolicyMode.__members__.values():
            known = ", ".join(m.value for m in PolicyMode)
            raise ValueError(f"unknown time policy {mode!r} (known: {known})")
        return cls(PolicyMode(mode), _seconds(data, "seconds"), _seconds(data, "minimum"))


@dataclass(frozen=True, slots=True)
class RoundPlan:
    """One round as planned: its kind, an optional typed name and prompt, and its time policy."""

    kind: RoundKind = RoundKind.SHARING
    policy: TimePolicy = field(default_factory=lambda: TimePolicy.fair_share(1200))
    prompt: str = ""
    title: str = ""

    @property
    def label(self) -> str:
        """The round's name as people say it: the typed name, or the kind."""
        if self.title:
            return self.title
        return {
            RoundKind.CHECK_IN: "Check-in",
            RoundKind.SHARING: "Sharing",
            RoundKind.CHECK_OUT: "Check-out",
            RoundKind.CUSTOM: "Round",
        }[self.kind]

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "title": self.title,
            "prompt": self.prompt,
            "policy": self.policy.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> RoundPlan:
        if not isinstance(data, dict):
            raise TypeError("a round must be an object")
        kind = _text(data, "kind", required=True)
        if kind not in RoundKind.__members__.values():
            known = ", ".join(k.value for k in RoundKind)
            raise ValueError(f"unknown round kind {kind!r} (known: {known})")
        if "policy" not in data:
            raise KeyError("policy")
        return cls(
            kind=RoundKind(kind),
            policy=TimePolicy.from_dict(data["policy"]),  # type: ignore[arg-type]
            prompt=_text(data, "prompt"),
            title=_text(data, "title"),
        )


def _text(data: dict, key: str, *, required: bool = False) -> str:
    if key not in data:
        if required:
            raise KeyError(key)
        return ""
    value = data[key]
    if not isinstance(value, str):
        raise TypeError(f"{key} must be text")
    return value


def _seconds(data: dict, key: str) -> float:
    value = data.get(key, 0.0)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{key} must be a number of seconds")
    return float(value)


def format_duration(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) as a timer shows it; negative values are shown without sign."""
    total = round(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
