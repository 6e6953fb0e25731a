"""The events a circle session is made of, and their plain-data form for storage.

A session is an append-only list of these; state, summaries, PDFs and exports are all derived
from the list. Each event is wrapped in an :class:`Entry` carrying its sequence number, the
session's elapsed seconds (monotonic, for arithmetic) and the wall-clock UTC time (for people).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar

from circlekeeper.i18n import _
from circlekeeper.session import frozen
from circlekeeper.session.frozen import FrozenRecord
from circlekeeper.session.model import Participant, RoundPlan


class Event(FrozenRecord):
    """Base of every event; ``kind`` is the stable name stored in the log."""

    kind: ClassVar[str] = "event"


class SessionStarted(Event):
    kind: ClassVar[str] = "session-started"
    circle: str
    facilitators: tuple[str, ...]
    participants: tuple[Participant, ...]
    nearing_fraction: float = 0.8


class JoinPlace(StrEnum):
    """Where a late arrival joins the speaking order: the facilitator's choice."""

    THIS_ROUND = "this-round"
    NEXT_ROUND = "next-round"


class ParticipantJoined(Event):
    """A late arrival (or someone back in the room). ``place`` came in session file version 3;
    older logs mean *the end of this round*, which is what the default says."""

    kind: ClassVar[str] = "participant-joined"
    participant: Participant
    place: JoinPlace = JoinPlace.THIS_ROUND


class PromptDealt(Event):
    """In a round where each person has their own prompt, someone who had none (a late
    arrival) is dealt one from the library. Written in the same action as the join or the
    round start it belongs to, right after it, so one undo takes back both; it always concerns
    the round in progress. ``prompt_id`` is the library's id (``None`` for words typed)."""

    kind: ClassVar[str] = "prompt-dealt"
    person_id: str
    text: str
    prompt_id: str | None = None


class ParticipantLeft(Event):
    kind: ClassVar[str] = "participant-left"
    person_id: str


class RoundStarted(Event):
    kind: ClassVar[str] = "round-started"
    plan: RoundPlan
    order: tuple[str, ...]


class TurnStarted(Event):
    """``allotted`` is decided by the engine when the turn starts and recorded, so replay
    never depends on re-deriving it; ``None`` means an open (count-up) turn. ``auto`` marks a
    turn started by moving on from the previous one, so one undo takes back both steps."""

    kind: ClassVar[str] = "turn-started"
    person_id: str
    allotted: float | None
    auto: bool = False


class TurnStartCorrected(Event):
    """The facilitator forgot to start the clock: the turn really began this much earlier."""

    kind: ClassVar[str] = "turn-start-corrected"
    person_id: str
    seconds_earlier: float


class TurnPaused(Event):
    kind: ClassVar[str] = "turn-paused"
    person_id: str


class TurnResumed(Event):
    kind: ClassVar[str] = "turn-resumed"
    person_id: str


class TurnExtended(Event):
    kind: ClassVar[str] = "turn-extended"
    person_id: str
    seconds: float


class TurnEnded(Event):
    kind: ClassVar[str] = "turn-ended"
    person_id: str


class TurnPassed(Event):
    """The person gives up their turn for this round (the right to pass).

    ``spoke`` (session file version 5) says the speaker had already spoken when they passed:
    the seconds their turn ran count as speaking time, as the circle's time was spent. The
    engine decides it when the pass is made (:func:`circlekeeper.session.passing.spoke_before`)
    and records it, so replay never depends on re-deriving it. ``False``, and every log
    written before it existed, means the seconds the clock ran go back to the round."""

    kind: ClassVar[str] = "turn-passed"
    person_id: str
    spoke: bool = False


class PassReconsidered(Event):
    """Someone who passed this round changed their mind, once the queue was empty: they are
    back at the head of the queue, and the turn they take is a turn of this same round."""

    kind: ClassVar[str] = "pass-reconsidered"
    person_id: str


class TurnDeferred(Event):
    """*Pass for now*: the person moves to the end of this round's queue, once per round.
    ``spoke`` as for :class:`TurnPassed`: the seconds already spoken count."""

    kind: ClassVar[str] = "turn-deferred"
    person_id: str
    spoke: bool = False


class SpeakerSkipped(Event):
    """Someone in the queue is not in the room right now; they leave this round's queue."""

    kind: ClassVar[str] = "speaker-skipped"
    person_id: str


class QueueReordered(Event):
    kind: ClassVar[str] = "queue-reordered"
    order: tuple[str, ...]


class RoundEnded(Event):
    kind: ClassVar[str] = "round-ended"


class RoundsReplanned(Event):
    """The rounds from ``first_index`` on get these plans (the circle ran over and the
    facilitator shortened what was left to fit). Kept in the log so a resumed circle, its
    summary and its export see the plan that really ran."""

    kind: ClassVar[str] = "rounds-replanned"
    first_index: int
    plans: tuple[RoundPlan, ...]


class SessionInterrupted(Event):
    """The app was down (crash, battery) for this long; a running turn was held paused."""

    kind: ClassVar[str] = "session-interrupted"
    down_seconds: float


class SessionEnded(Event):
    kind: ClassVar[str] = "session-ended"


class ActionUndone(Event):
    """Undo: the event with this sequence number is treated as if it had never happened."""

    kind: ClassVar[str] = "action-undone"
    target_seq: int


EVENT_TYPES: dict[str, type[Event]] = {
    cls.kind: cls
    for cls in (
        SessionStarted,
        ParticipantJoined,
        PromptDealt,
        ParticipantLeft,
        RoundStarted,
        TurnStarted,
        TurnStartCorrected,
        TurnPaused,
        TurnResumed,
        TurnExtended,
        TurnEnded,
        TurnPassed,
        TurnDeferred,
        PassReconsidered,
        SpeakerSkipped,
        QueueReordered,
        RoundEnded,
        RoundsReplanned,
        SessionInterrupted,
        SessionEnded,
        ActionUndone,
    )
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the log: the event plus where it sits in time and sequence."""

    seq: int
    elapsed: float
    wall: datetime
    event: Event


class MalformedEvent(ValueError):
    """A stored or imported event that cannot be turned back into a domain event.

    ``field`` names the payload field at fault (empty when the kind or the payload as a whole
    is wrong) and ``reason`` says what is wrong with it, so importers can point at the place.
    """

    def __init__(self, message: str, *, field: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.reason = reason or message


def to_payload(event: Event) -> dict[str, Any]:
    """The event as JSON-ready plain data (without its kind, which is stored beside it)."""
    payload: dict[str, Any] = {}
    for field in frozen.fields(event):
        payload[field] = _plain(getattr(event, field))
    return payload


def _plain(value: Any) -> Any:
    if isinstance(value, Participant | RoundPlan):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


def from_payload(kind: str, payload: dict[str, Any]) -> Event:
    """Rebuild an event from storage; raises :class:`MalformedEvent` with the reason."""
    cls = EVENT_TYPES.get(kind)
    if cls is None:
        raise MalformedEvent(
            _("unknown event kind {kind}").format(kind=repr(kind)),
            reason=_("unknown event kind {kind}").format(kind=repr(kind)),
        )
    if not isinstance(payload, dict):
        raise MalformedEvent(
            _("event {kind} has a bad payload: it must be an object").format(kind=repr(kind)),
            reason=_("must be an object"),
        )
    values: dict[str, Any] = {}
    for field in frozen.fields(cls):
        if field not in payload:
            if frozen.has_default(cls, field):
                continue
            raise MalformedEvent(
                _("event {kind} has a bad payload: {field} is missing").format(
                    kind=repr(kind), field=field
                ),
                field=field,
                reason=_("is missing"),
            )
        try:
            values[field] = _convert(field, payload[field])
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            reason = f"{error.args[0]} is missing" if isinstance(error, KeyError) else str(error)
            raise MalformedEvent(
                _("event {kind} has a bad payload: {field}: {reason}").format(
                    kind=repr(kind), field=field, reason=reason
                ),
                field=field,
                reason=reason,
            ) from error
    return cls(**values)


def _convert(name: str, raw: Any) -> Any:
    match name:
        case "participant":
            return Participant.from_dict(raw)
        case "plan":
            return RoundPlan.from_dict(raw)
        case "plans":
            if not isinstance(raw, list | tuple):
                raise TypeError(_("must be a list"))
            return tuple(RoundPlan.from_dict(item) for item in raw)
        case "place":
            try:
                return JoinPlace(raw)
            except ValueError:
                places = ", ".join(repr(p.value) for p in JoinPlace)
                raise ValueError(_("must be one of {places}").format(places=places)) from None
        case "first_index":
            if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
                raise TypeError(_("must be a whole number, 0 or more"))
            return raw
        case "participants":
            if not isinstance(raw, list | tuple):
                raise TypeError(_("must be a list"))
            return tuple(Participant.from_dict(item) for item in raw)
        case "order" | "facilitators":
            if not isinstance(raw, list | tuple):
                raise TypeError(_("must be a list"))
            if not all(isinstance(item, str) for item in raw):
                raise TypeError(_("must be a list of texts"))
            return tuple(raw)
        case "person_id" | "circle" | "text":
            if not isinstance(raw, str):
                raise TypeError(_("must be text"))
            return raw
        case "prompt_id":
            if raw is not None and not isinstance(raw, str):
                raise TypeError(_("must be text or null"))
            return raw
        case "target_seq":
            if isinstance(raw, bool) or not isinstance(raw, int):
                raise TypeError(_("must be a whole number"))
            return raw
        case "auto" | "spoke":
            if not isinstance(raw, bool):
                raise TypeError(_("must be true or false"))
            return raw
        case "allotted":
            return None if raw is None else _number(name, raw)
        case _:
            return _number(name, raw)


def _number(name: str, raw: Any) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise TypeError(_("must be a number"))
    value = float(raw)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(_("must be a finite number"))
    return value
