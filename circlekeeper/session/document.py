"""One session as the interchange format sees it, and the error a bad file raises.

Kept apart from the JSON reading and writing
(:mod:`circlekeeper.session.interchange.session_file`) so the store's importer can build and
renumber documents without caring about the text format.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.session import frozen
from circlekeeper.session.dealing import dealt_prompts
from circlekeeper.session.model import Participant, RoundPlan
from circlekeeper.session.prompts import MoodCounts, PromptUse, heard_only
from circlekeeper.session.summary import rounds_held

FORMAT = "circlekeeper-session"
VERSION = 5
"""Version 2 added ``moods`` and ``prompt_uses``, version 3 three events (a passer's turn, a
join's place, a new plan for the rounds left), version 4 the prompt dealt to a late arrival,
version 5 a pass's ``spoke`` (the time spoken before a pass counts); files of every earlier
version still load, and replay to the figures they always gave."""

MOOD_MOMENTS = ("check-in", "check-out")
"""The moments a mood count is taken at (the store keeps at most one count per moment)."""
MOOD_VALUES = (1, 2, 3, 4, 5)


class InvalidSessionFile(UserFacingError):
    """A session file that cannot be imported; ``place`` and ``problem`` say where and why."""

    def __init__(self, place: str, problem: str) -> None:
        self.place = place
        self.problem = problem
        super().__init__(
            _("This is not a valid CircleKeeper session file: {place}: {problem}.").format(
                place=place, problem=problem
            )
            if place
            else _("This is not a valid CircleKeeper session file: {problem}.").format(
                problem=problem
            )
        )


@dataclass(frozen=True, slots=True)
class SessionDocument:
    """One session as the interchange format carries it (no private notes, by construction)."""

    circle: str
    """The circle the session belongs to (as named now; the log keeps the name of the day)."""
    facilitators: tuple[str, ...]
    people: tuple[Participant, ...]
    round_plan: tuple[RoundPlan, ...]
    entries: tuple[ev.Entry, ...]
    co_facilitators: tuple[str, ...] = ()
    started: datetime | None = None
    ended: datetime | None = None
    timezone: str = "UTC"
    shareable_summary: str = ""
    moods: tuple[MoodCounts, ...] = ()
    """Anonymous check-in/check-out mood counts (how many chose each value, never who)."""
    prompt_uses: tuple[PromptHeard, ...] = ()
    """Which prompts the session heard, so the receiving database's draws avoid them too."""


@dataclass(frozen=True, slots=True)
class PromptHeard:
    """A prompt heard in one round of the document's session.

    :class:`~circlekeeper.session.prompts.PromptUse` without its ``session_id``: a file's
    session has no id until a database files it.
    """

    round_index: int
    text: str
    prompt_id: str | None = None
    person_id: str | None = None
    used_at: datetime | None = None

    @classmethod
    def from_use(cls, use: PromptUse) -> PromptHeard:
        return cls(use.round_index, use.text, use.prompt_id, use.person_id, use.used_at)

    def to_use(self, session_id: int) -> PromptUse:
        return PromptUse(
            session_id=session_id,
            round_index=self.round_index,
            text=self.text,
            prompt_id=self.prompt_id,
            person_id=self.person_id,
            used_at=self.used_at,
        )


def document_from_log(
    entries: Sequence[ev.Entry],
    *,
    circle: str | None = None,
    facilitators: Sequence[str] | None = None,
    co_facilitators: Sequence[str] = (),
    round_plan: Sequence[RoundPlan] = (),
    started: datetime | None = None,
    ended: datetime | None = None,
    timezone: str = "UTC",
    shareable_summary: str = "",
    moods: Sequence[MoodCounts] = (),
    prompt_uses: Sequence[PromptUse | PromptHeard] = (),
) -> SessionDocument:
    """A document for a stored log; people (and, unless given, circle and facilitators) are
    read from the log. Moods and prompt uses come from the store beside the log."""
    logged_circle = ""
    logged_facilitators: tuple[str, ...] = ()
    people: dict[str, Participant] = {}
    for entry in entries:
        match entry.event:
            case ev.SessionStarted() as start:
                logged_circle, logged_facilitators = start.circle, start.facilitators
                for person in start.participants:
                    people[person.person_id] = person
            case ev.ParticipantJoined() as joined:
                people[joined.participant.person_id] = joined.participant
    return SessionDocument(
        circle=logged_circle if circle is None else circle,
        facilitators=logged_facilitators if facilitators is None else tuple(facilitators),
        co_facilitators=tuple(co_facilitators),
        people=tuple(people.values()),
        round_plan=tuple(round_plan),
        entries=tuple(entries),
        started=started if started is not None else (entries[0].wall if entries else None),
        ended=ended,
        timezone=timezone,
        shareable_summary=shareable_summary,
        moods=tuple(moods),
        prompt_uses=with_dealt_prompts(
            tuple(
                use if isinstance(use, PromptHeard) else PromptHeard.from_use(use)
                for use in heard_only(prompt_uses, rounds_held(entries))
            ),
            entries,
            rounds=len(round_plan),
        ),
    )


def with_dealt_prompts(
    uses: Sequence[PromptHeard], entries: Sequence[ev.Entry], *, rounds: int
) -> tuple[PromptHeard, ...]:
    """``uses`` plus the prompts dealt to late arrivals in the log that they do not hold yet
    (a copy saved mid-circle, before the store recorded them), so the file's prompt history
    says everything the circle heard; only for the ``rounds`` the plan has (a use names a
    planned round)."""
    held = {(use.round_index, use.person_id) for use in uses}
    added = tuple(
        PromptHeard(d.round_index, d.text, d.prompt_id, d.person_id, d.wall)
        for d in dealt_prompts(entries)
        if (d.round_index, d.person_id) not in held and d.round_index < rounds
    )
    return (*uses, *added)


# ------------------------------------------------------------------- moving people


def renumber_people(entries: Sequence[ev.Entry], mapping: dict[str, str]) -> tuple[ev.Entry, ...]:
    """The same log with every person id replaced through ``mapping`` (ids not in it stay).

    An imported session's people get new ids in the receiving database; everything else about
    the log (numbers, times, allotments) is kept exactly.
    """

    def person(p: Participant) -> Participant:
        return dataclasses.replace(p, person_id=mapping.get(p.person_id, p.person_id))

    def event(e: ev.Event) -> ev.Event:
        changes: dict[str, Any] = {}
        for field in frozen.fields(e):
            value = getattr(e, field)
            if field == "person_id":
                changes[field] = mapping.get(value, value)
            elif field == "order":
                changes[field] = tuple(mapping.get(pid, pid) for pid in value)
            elif field == "participant":
                changes[field] = person(value)
            elif field == "participants":
                changes[field] = tuple(person(p) for p in value)
            elif field == "plan" and value.person_prompts:
                changes[field] = value.with_people_renamed(mapping)
        return frozen.replace(e, **changes) if changes else e

    return tuple(dataclasses.replace(entry, event=event(entry.event)) for entry in entries)


def renumber_plan(plan: Sequence[RoundPlan], mapping: dict[str, str]) -> tuple[RoundPlan, ...]:
    """The round plan with the person ids of per-person prompts replaced through ``mapping``."""
    return tuple(round_.with_people_renamed(mapping) for round_ in plan)


def renumber_prompt_uses(
    uses: Sequence[PromptHeard], mapping: dict[str, str]
) -> tuple[PromptHeard, ...]:
    """The prompt uses with each person's id replaced through ``mapping`` (shared uses stay)."""
    return tuple(
        use
        if use.person_id is None
        else dataclasses.replace(use, person_id=mapping.get(use.person_id, use.person_id))
        for use in uses
    )
