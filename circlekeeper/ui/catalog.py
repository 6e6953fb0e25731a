"""What the main window needs from the data, as plain records and one narrow protocol.

The windows speak only to a :class:`Catalog`; the store-backed implementation lives in
``store_catalog.py``. Keeping the seam this narrow lets widgets be tested without a database and
keeps SQL out of the UI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from circlekeeper.session.circle import CircleRecord
from circlekeeper.session.frozen import fields as record_fields
from circlekeeper.session.model import Participant, RoundPlan

if TYPE_CHECKING:  # types only: the window can appear before the dialogs are loaded
    from circlekeeper.session import events as ev
    from circlekeeper.session.live.journal import SessionJournal
    from circlekeeper.session.summary import SessionSummary
    from circlekeeper.ui.setup.setup_dialog import CircleBrief, SessionSetup


@dataclass(frozen=True, slots=True)
class CircleCard:
    circle_id: int
    name: str
    description: str = ""
    members: int = 0
    sessions: int = 0
    demo: bool = False
    """Made up by the demo data: listed with a "(demo)" mark."""


@dataclass(frozen=True, slots=True)
class Member:
    person_id: int
    name: str
    pronouns: str = ""
    archived: bool = False

    def participant(self) -> Participant:
        return Participant(str(self.person_id), self.name, self.pronouns)


class CircleDetail(CircleRecord):
    """A circle as the windows show and edit it: the stored record plus its members (a
    record like the one it extends)."""

    members: tuple[Member, ...] = ()
    """In seating order; archived members too (flagged), new ones with negative ids."""

    @classmethod
    def of(cls, record: CircleRecord, members: tuple[Member, ...]) -> CircleDetail:
        return cls(**_settings(record), members=members)

    def record(self) -> CircleRecord:
        """The settings alone, as the store saves them (members are saved one by one)."""
        return CircleRecord(**_settings(self))


def _settings(record: CircleRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in record_fields(CircleRecord)}


@dataclass(frozen=True, slots=True)
class LiveSessionInfo:
    """A session left *live* by a crash, as the resume offer describes it."""

    session_id: int
    circle_name: str
    started: datetime
    last_alive: datetime | None
    events: int


@dataclass(frozen=True, slots=True)
class ResumeData:
    session_id: int
    circle_id: int
    entries: tuple[ev.Entry, ...]
    plan: tuple[RoundPlan, ...]
    last_alive_elapsed: float | None
    down_seconds: float
    first_meeting: bool = False
    """The session is its circle's first meeting: a late arrival's prompt is then drawn from
    the first-meeting prompts, after a restart as before it."""


class Catalog(Protocol):
    def circles(self) -> list[CircleCard]: ...

    def circle(self, circle_id: int) -> CircleDetail: ...

    def save_circle(self, detail: CircleDetail) -> int: ...

    def archive_circle(self, circle_id: int) -> None: ...

    def archived_circles(self) -> list[CircleCard]: ...

    def restore_circle(self, circle_id: int) -> None: ...

    def import_session_file(self, path: str) -> str: ...

    def add_member(self, circle_id: int, name: str, pronouns: str) -> Member: ...

    def update_member(self, member: Member) -> None: ...

    def archive_member(self, circle_id: int, person_id: int) -> None: ...

    def brief(self, circle_id: int) -> CircleBrief: ...

    def begin_session(
        self, circle_id: int, setup: SessionSetup
    ) -> tuple[int, SessionJournal, tuple[Participant, ...]]:
        """Create the session row (and any newcomers as people); returns the session id, a
        journal bound to it, and the present people with their stored ids."""
        ...

    def journal(self, session_id: int) -> SessionJournal:
        """The journal of an existing session (for resuming it)."""
        ...

    def finish_session(self, session_id: int, shareable: str) -> None: ...

    def summary(self, session_id: int) -> SessionSummary: ...

    def live_sessions(self) -> list[LiveSessionInfo]: ...

    def finish_ended_offline(self) -> tuple[str, ...]: ...

    def keep_shareable(self, session_id: int, shareable: str) -> None: ...

    def running_elsewhere(self, circle_id: int) -> str | None:
        """Whether someone runs a session of this circle right now, as a question."""
        ...

    def resume_data(self, session_id: int) -> ResumeData: ...

    def close_at_last_heartbeat(self, session_id: int) -> None: ...

    def discard(self, session_id: int) -> None: ...

    def create_demo(self) -> int:
        """A demo circle with a few past sessions, for a first look around; returns its id."""
        ...

    def export_log(self, session_id: int, entries: Sequence[ev.Entry], path: str) -> None:
        """Write a session's log as an importable JSON file (the rescue when the database
        fails mid-circle)."""
        ...
