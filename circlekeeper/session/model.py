"""Value objects a session is made of: people, rounds and their time policies."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from circlekeeper.i18n import N_, _
from circlekeeper.session.frozen import FrozenRecord, field, replace


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


class Participant(FrozenRecord):
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
            raise TypeError(_("a person must be an object"))
        return cls(
            _text(data, "person_id", required=True),
            _text(data, "name", required=True),
            _text(data, "pronouns"),
        )


class TimePolicy(FrozenRecord):
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
            raise ValueError(_("a time policy needs finite numbers of seconds"))
        if self.seconds < 0 or self.minimum < 0:
            raise ValueError(_("a time policy cannot have negative seconds"))
        if self.mode is not PolicyMode.OPEN and self.seconds <= 0:
            raise ValueError(
                _("a {value} round needs a positive number of seconds").format(
                    value=self.mode.value
                )
            )

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
            return _("fixed, {duration} each").format(duration=format_duration(self.seconds))
        if self.mode is PolicyMode.FAIR_SHARE:
            return _("fair share of {total} (at least {minimum} each)").format(
                total=format_duration(self.seconds), minimum=format_duration(self.minimum)
            )
        return _("open, no time limit")

    def to_dict(self) -> dict[str, object]:
        return {
            "mode": self.mode.value,
            "seconds": float(self.seconds),
            "minimum": float(self.minimum),
        }

    @classmethod
    def from_dict(cls, data: object) -> TimePolicy:
        """Typed ``object``: stored and imported plans are checked here, not trusted."""
        if not isinstance(data, dict):
            raise TypeError(_("a time policy must be an object"))
        mode = _text(data, "mode", required=True)
        if mode not in PolicyMode.__members__.values():
            known = ", ".join(m.value for m in PolicyMode)
            raise ValueError(
                _("unknown time policy {mode} (known: {known})").format(
                    mode=repr(mode), known=known
                )
            )
        return cls(PolicyMode(mode), _seconds(data, "seconds"), _seconds(data, "minimum"))


class RoundPlan(FrozenRecord):
    """One round as planned: its kind, an optional typed name and prompt, and its time policy.

    Some circles give each person their own prompt (a card passed round). ``person_prompts``
    then holds ``(person_id, text)`` pairs in the order they were dealt; it is a tuple of pairs
    rather than a dict so the plan stays frozen and hashable like every other event field.
    ``prompt`` stays the shared prompt, which anyone without their own hears (a late arrival
    is dealt their own during the circle when the library has one: ``session/dealing.py``).
    """

    kind: RoundKind = RoundKind.SHARING
    policy: TimePolicy = field(default_factory=lambda: TimePolicy.fair_share(1200))
    prompt: str = ""
    title: str = ""
    person_prompts: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        # Accept any mapping or iterable of pairs, keep one entry per person, drop blank ones:
        # a person with no words of their own simply hears the shared prompt.
        # Typed as ``object``: callers (and stored JSON) may hand in anything, checked here.
        pairs: Iterable[object] = (
            self.person_prompts.items()
            if isinstance(self.person_prompts, Mapping)
            else self.person_prompts
        )
        personal: dict[str, str] = {}
        for pair in pairs:
            if not isinstance(pair, tuple | list) or len(pair) != 2:
                raise TypeError(_("person_prompts must be pairs of person id and prompt"))
            person_id, text = pair
            if not isinstance(person_id, str) or not isinstance(text, str):
                raise TypeError(_("person_prompts must map person ids (text) to prompts (text)"))
            if not person_id:
                raise ValueError(_("a person's own prompt needs a person id"))
            if text.strip():
                personal[person_id] = text
        object.__setattr__(self, "person_prompts", tuple(personal.items()))

    @property
    def per_person(self) -> bool:
        """Whether each person has (at least partly) their own prompt in this round."""
        return bool(self.person_prompts)

    def prompt_for(self, person_id: str | None) -> str:
        """The words this person answers: their own prompt, else the shared one."""
        if person_id is not None:
            for who, text in self.person_prompts:
                if who == person_id:
                    return text
        return self.prompt

    def prompts(self) -> tuple[str, ...]:
        """Every distinct prompt of the round (shared first), for search and summaries."""
        texts = [self.prompt, *(text for _, text in self.person_prompts)]
        return tuple(dict.fromkeys(t for t in texts if t.strip()))

    def with_people_renamed(self, mapping: Mapping[str, str]) -> RoundPlan:
        """The same plan with person ids replaced through ``mapping`` (others stay): for a
        newcomer getting a stored id, or an imported session's people getting local ones."""
        if not self.person_prompts:
            return self
        return replace(
            self,
            person_prompts=tuple((mapping.get(p, p), t) for p, t in self.person_prompts),
        )

    @property
    def label(self) -> str:
        """The round's name as people say it: the typed name, or the kind."""
        if self.title:
            return self.title
        return _(
            {
                RoundKind.CHECK_IN: N_("Check-in"),
                RoundKind.SHARING: N_("Sharing"),
                RoundKind.CHECK_OUT: N_("Check-out"),
                RoundKind.CUSTOM: N_("Round"),
            }[self.kind]
        )

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "kind": self.kind.value,
            "title": self.title,
            "prompt": self.prompt,
            "policy": self.policy.to_dict(),
        }
        if self.person_prompts:
            # Only written when used, so plans without them read and write exactly as before.
            data["person_prompts"] = dict(self.person_prompts)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> RoundPlan:
        if not isinstance(data, dict):
            raise TypeError(_("a round must be an object"))
        kind = _text(data, "kind", required=True)
        if kind not in RoundKind.__members__.values():
            known = ", ".join(k.value for k in RoundKind)
            raise ValueError(
                _("unknown round kind {kind} (known: {known})").format(kind=repr(kind), known=known)
            )
        if "policy" not in data:
            raise KeyError("policy")
        return cls(
            kind=RoundKind(kind),
            policy=TimePolicy.from_dict(data["policy"]),
            prompt=_text(data, "prompt"),
            title=_text(data, "title"),
            person_prompts=_person_prompts(data),
        )


def _text(data: dict[str, Any], key: str, *, required: bool = False) -> str:
    if key not in data:
        if required:
            raise KeyError(key)
        return ""
    value = data[key]
    if not isinstance(value, str):
        raise TypeError(_("{key} must be text").format(key=key))
    return value


def _person_prompts(data: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """``person_prompts`` as stored: an object of person id → text (absent: none)."""
    value = data.get("person_prompts", {})
    if not isinstance(value, dict):
        raise TypeError(_("person_prompts must be an object of person ids and prompts"))
    return tuple(value.items())


def _seconds(data: dict[str, Any], key: str) -> float:
    value = data.get(key, 0.0)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(_("{key} must be a number of seconds").format(key=key))
    return float(value)


def format_duration(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) as a timer shows it; negative values are shown without sign."""
    total = round(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
