"""An in-memory :class:`Catalog` for widget tests that do not need a database file.

The end-to-end test of a whole circle uses the real store; these tests exercise the windows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from circlekeeper.session import events as ev
from circlekeeper.session.model import Participant
from circlekeeper.session.seating import SeatingRule
from circlekeeper.session.summary import SessionSummary, summarize
from circlekeeper.ui.catalog import (
    CircleCard,
    CircleDetail,
    LiveSessionInfo,
    Member,
    ResumeData,
)
from circlekeeper.ui.setup.setup_dialog import CircleBrief, SessionSetup, default_plan
from tests.ui.conftest import MemoryJournal


@dataclass
class MemoryCatalog:
    details: dict[int, CircleDetail] = field(default_factory=dict)
    journals: dict[int, MemoryJournal] = field(default_factory=dict)
    session_circle: dict[int, int] = field(default_factory=dict)
    plans: dict[int, tuple] = field(default_factory=dict)
    shareable: dict[int, str] = field(default_factory=dict)
    finished: set[int] = field(default_factory=set)
    archived: set[int] = field(default_factory=set)
    next_person: int = 100
    seating_rules: dict[int, SeatingRule] = field(default_factory=dict)
    facilitated: dict[int, list[tuple[str, ...]]] = field(default_factory=dict)

    def circles(self) -> list[CircleCard]:
        return [
            CircleCard(i, d.name, d.description, len(d.members))
            for i, d in self.details.items()
            if i not in self.archived
        ]

    def circle(self, circle_id: int) -> CircleDetail:
        return self.details[circle_id]

    def save_circle(self, detail: CircleDetail) -> int:
        circle_id = detail.circle_id or len(self.details) + 1
        members = []
        for member in detail.members:
            if member.person_id < 0:
                self.next_person += 1
                member = replace(member, person_id=self.next_person)
            members.append(member)
        self.details[circle_id] = replace(detail, circle_id=circle_id, members=tuple(members))
        return circle_id

    def archive_circle(self, circle_id: int) -> None:
        self.archived.add(circle_id)

    def archived_circles(self) -> list[CircleCard]:
        return [
            CircleCard(i, d.name, d.description, len(d.members))
            for i, d in self.details.items()
            if i in self.archived
        ]

    def restore_circle(self, circle_id: int) -> None:
        self.archived.discard(circle_id)

    def import_session_file(self, path: str) -> str:
        raise NotImplementedError  # the real catalog's import is tested on a real database

    def add_member(self, circle_id: int, name: str, pronouns: str) -> Member:
        self.next_person += 1
        member = Member(self.next_person, name, pronouns)
        detail = self.details[circle_id]
        self.details[circle_id] = replace(detail, members=(*detail.members, member))
        return member

    def update_member(self, member: Member) -> None:
        raise NotImplementedError

    def archive_member(self, circle_id: int, person_id: int) -> None:
        raise NotImplementedError

    def brief(self, circle_id: int) -> CircleBrief:
        d = self.details[circle_id]
        return CircleBrief(
            d.name,
            tuple(m.participant() for m in d.members if not m.archived),
            d.agreements,
            d.default_plan or default_plan(),
            d.facilitators,
            seating_rule=self.seating_rules.get(circle_id, SeatingRule()),
            recent_facilitators=tuple(reversed(self.facilitated.get(circle_id, []))),
        )

    def begin_session(self, circle_id: int, setup: SessionSetup):
        session_id = len(self.journals) + 1
        journal = MemoryJournal()
        self.journals[session_id] = journal
        self.session_circle[session_id] = circle_id
        self.plans[session_id] = setup.plan
        present = []
        for person in setup.present:
            if person.person_id.startswith("new-"):
                member = self.add_member(circle_id, person.name, person.pronouns)
                person = member.participant()
            present.append(person)
        self.seating_rules[circle_id] = setup.seating_rule
        self.facilitated.setdefault(circle_id, []).append(setup.facilitators)
        return session_id, journal, tuple(present)

    def journal(self, session_id: int) -> MemoryJournal:
        return self.journals[session_id]

    def finish_ended_offline(self) -> tuple[str, ...]:
        return ()  # memory keeps nothing on a laptop for a server

    def keep_shareable(self, session_id: int, shareable: str) -> None:
        pass

    def running_elsewhere(self, circle_id: int) -> str | None:
        return None  # one window, one memory: nobody else runs anything

    def finish_session(self, session_id: int, shareable: str) -> None:
        self.finished.add(session_id)
        self.shareable[session_id] = shareable

    def summary(self, session_id: int) -> SessionSummary:
        return summarize(self.journals[session_id].entries)

    def live_sessions(self) -> list[LiveSessionInfo]:
        return [
            LiveSessionInfo(
                sid,
                self.details[self.session_circle[sid]].name,
                datetime(2026, 11, 24, 18, tzinfo=UTC),
                None,
                len(j.entries),
            )
            for sid, j in self.journals.items()
            if sid not in self.finished
            and not any(isinstance(e.event, ev.SessionEnded) for e in j.entries)
        ]

    def resume_data(self, session_id: int) -> ResumeData:
        return ResumeData(
            session_id,
            self.session_circle[session_id],
            tuple(self.journals[session_id].entries),
            self.plans[session_id],
            None,
            60.0,
            first_meeting=not any(
                circle == self.session_circle[session_id] and earlier < session_id
                for earlier, circle in self.session_circle.items()
            ),
        )

    def close_at_last_heartbeat(self, session_id: int) -> None:
        self.finished.add(session_id)

    def discard(self, session_id: int) -> None:
        del self.journals[session_id]

    def create_demo(self) -> int:
        people = tuple(
            Member(-i, n, p) for i, (n, p) in enumerate([("Amal", "she/her"), ("Jonas", "")], 1)
        )
        return self.save_circle(CircleDetail(None, "Demo circle", members=people))

    def export_log(self, session_id: int, entries: Sequence[ev.Entry], path: str) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(str(len(entries)))


def participant(member: Member) -> Participant:
    return member.participant()
