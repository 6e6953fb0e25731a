"""Sessions and their event logs.

``append`` is the hot path of a live circle: one INSERT (plus the event counter) in its own
transaction, committed with ``synchronous=FULL`` before it returns, so what the screen shows is
already on disk. ``UNIQUE(session_id, seq)`` turns a repeated sequence number into
:class:`DuplicateEvent` instead of a second copy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import Engine, and_, delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.session.dealing import dealt_prompts
from circlekeeper.session.model import RoundPlan
from circlekeeper.session.summary import summarize
from circlekeeper.store import codec
from circlekeeper.store.changed import rows_changed
from circlekeeper.store.errors import (
    DuplicateEvent,
    InvalidRecord,
    RecordNotFound,
    StoreError,
)
from circlekeeper.store.leases import LeaseLost
from circlekeeper.store.models import (
    CircleRow,
    EventRow,
    MoodRow,
    NoteRow,
    PersonRow,
    PromptUseRow,
    SessionPersonRow,
    SessionRow,
)
from circlekeeper.store.records import SessionRecord, SessionStatus
from circlekeeper.store.wal import checkpoint


class SessionRepository:
    def __init__(self, engine: Engine, *, owner: str | None = None) -> None:
        self._engine = engine
        self._owner = owner
        """The facilitator new sessions belong to (``store/leases.py``)."""

    # ----------------------------------------------------------------- writing

    def create(
        self,
        circle_id: int,
        *,
        facilitators: tuple[str, ...],
        co_facilitators: tuple[str, ...] = (),
        plan: tuple[RoundPlan, ...],
        started_at: datetime,
        timezone: str,
        people: tuple[int, ...],
    ) -> int:
        """A new *live* session with the people expected present; returns its id."""
        with Session(self._engine) as s, s.begin():
            if s.get(CircleRow, circle_id) is None:
                raise RecordNotFound(_("There is no circle with id {id}.").format(id=circle_id))
            row = SessionRow(
                circle_id=circle_id,
                facilitators_json=codec.texts_to_json(facilitators),
                co_facilitators_json=codec.texts_to_json(co_facilitators),
                plan_json=codec.plan_to_json(plan),
                started_at=_aware(started_at),
                timezone=timezone or "UTC",
                status=SessionStatus.LIVE.value,
                shareable="",
                event_count=0,
                search_text=_search_text(plan, (), ""),
            )
            if self._owner is not None:  # else the column's default: the login role
                row.owner = self._owner
            s.add(row)
            s.flush()
            for person_id in dict.fromkeys(people):
                if s.get(PersonRow, person_id) is None:
                    raise RecordNotFound(_("There is no person with id {id}.").format(id=person_id))
                s.add(SessionPersonRow(session_id=row.id, person_id=person_id))
            return row.id

    def append(self, session_id: int, entry: ev.Entry, *, lease_token: str | None = None) -> None:
        """Store one log entry in its own transaction; committed when this returns.

        With ``lease_token`` (a live circle's journal) the entry is stored only while that
        lease is still this session's; otherwise nothing is written and :class:`LeaseLost`
        is raised (another instance took the circle over).
        """
        values = {
            "session_id": session_id,
            "seq": entry.seq,
            "kind": entry.event.kind,
            "payload": codec.dumps(ev.to_payload(entry.event)),
            "wall": _aware(entry.wall),
            "elapsed": float(entry.elapsed),
        }
        try:
            with Session(self._engine) as s, s.begin():
                s.execute(insert(EventRow).values(**values))
                counted = update(SessionRow).where(SessionRow.id == session_id)
                if lease_token is not None:
                    counted = counted.where(SessionRow.lease_token == lease_token)
                if (
                    rows_changed(s.execute(counted.values(event_count=SessionRow.event_count + 1)))
                    != 1
                ):
                    raise LeaseLost(session_id)
        except IntegrityError as error:
            with Session(self._engine) as s:
                if s.get(SessionRow, session_id) is None:
                    raise RecordNotFound(
                        _("There is no session with id {id}.").format(id=session_id)
                    ) from error
                taken = s.scalar(
                    select(EventRow.id).where(
                        EventRow.session_id == session_id, EventRow.seq == entry.seq
                    )
                )
            if taken is not None:
                raise DuplicateEvent(session_id, entry.seq) from error
            raise

    def append_missing(
        self, session_id: int, entries: Sequence[ev.Entry], *, lease_token: str | None = None
    ) -> int:
        """Store the entries the log does not hold yet, in ONE transaction; returns how many.

        For delivering events kept offline: idempotent by (session, seq). An entry whose seq
        is already stored must be the very same event, else :class:`DuplicateEvent` and
        nothing is written.
        """
        if not entries:
            return 0
        seqs = [entry.seq for entry in entries]
        with Session(self._engine) as s, s.begin():
            stored = {
                seq: (kind, payload)
                for seq, kind, payload in s.execute(
                    select(EventRow.seq, EventRow.kind, EventRow.payload).where(
                        EventRow.session_id == session_id, EventRow.seq.in_(seqs)
                    )
                )
            }
            rows = []
            for entry in entries:
                payload = codec.dumps(ev.to_payload(entry.event))
                if entry.seq in stored:
                    if stored[entry.seq] != (entry.event.kind, payload):
                        raise DuplicateEvent(session_id, entry.seq)
                    continue
                rows.append(
                    {
                        "session_id": session_id,
                        "seq": entry.seq,
                        "kind": entry.event.kind,
                        "payload": payload,
                        "wall": _aware(entry.wall),
                        "elapsed": float(entry.elapsed),
                    }
                )
            if rows:
                s.execute(insert(EventRow), rows)
            counted = update(SessionRow).where(SessionRow.id == session_id)
            if lease_token is not None:
                counted = counted.where(SessionRow.lease_token == lease_token)
            if (
                rows_changed(
                    s.execute(counted.values(event_count=SessionRow.event_count + len(rows)))
                )
                != 1
            ):
                raise LeaseLost(session_id)
            return len(rows)

    def heartbeat(self, session_id: int, wall: datetime, elapsed: float) -> None:
        """The app is alive at this moment; recovery reads it to know when it went down."""
        with Session(self._engine) as s, s.begin():
            s.execute(
                update(SessionRow)
                .where(SessionRow.id == session_id)
                .values(heartbeat_wall=_aware(wall), heartbeat_elapsed=float(elapsed))
            )

    def finish(
        self, session_id: int, *, status: str = "ended", ended_at: datetime | None = None
    ) -> None:
        """Close the session and store the derived figures the history view reads."""
        if status not in (SessionStatus.ENDED.value, SessionStatus.ABANDONED.value):
            raise InvalidRecord(
                _("A session can finish as ended or abandoned, not {status}.").format(
                    status=repr(status)
                )
            )
        entries = self.entries(session_id)
        summary = summarize(entries)
        with Session(self._engine) as s, s.begin():
            row = _row(s, session_id)
            # A session runs from its first event to its last (or the last sign of life):
            # times the engine derived from one anchor plus monotonic seconds, so the end can
            # never come before the start even if the wall clock was set back meanwhile.
            candidates = [_aware(e.wall) for e in entries[-1:]]
            if row.heartbeat_wall is not None:
                candidates.append(_aware(row.heartbeat_wall))
            if ended_at is not None:
                candidates.append(_aware(ended_at))
            if entries:
                row.started_at = _aware(entries[0].wall)
            started = _aware(row.started_at)
            ended_at = max([started, *candidates]) if candidates else datetime.now(UTC)
            row.status = status
            row.ended_at = _aware(ended_at)
            row.lease_token = None  # nobody holds a finished session
            # The plan's prompts were recorded when the circle began; a round it never reached
            # was not heard, so it leaves "Heard in", history, exports and the next draw's memory.
            s.execute(
                delete(PromptUseRow).where(
                    PromptUseRow.session_id == session_id,
                    PromptUseRow.round_index.not_in(sorted(r.index for r in summary.rounds)),
                )
            )
            _record_dealt_prompts(s, session_id, entries)
            row.present_count = summary.present_count if summary.people else None
            row.duration_seconds = summary.duration_seconds if entries else None
            row.fairness = summary.jain_index
            row.search_text = _search_text(
                codec.plan_from_json(row.plan_json), entries, row.shareable, _uses(s, session_id)
            )
            if summary.people:
                known = set(
                    s.scalars(
                        select(PersonRow.id).where(
                            PersonRow.id.in_(
                                [int(p.person_id) for p in summary.people if _is_id(p.person_id)]
                            )
                        )
                    )
                )
                s.execute(delete(SessionPersonRow).where(SessionPersonRow.session_id == session_id))
                for person in summary.people:
                    if not _is_id(person.person_id) or int(person.person_id) not in known:
                        continue
                    s.add(
                        SessionPersonRow(
                            session_id=session_id,
                            person_id=int(person.person_id),
                            spoken_seconds=person.spoken_total,
                            passes=person.passes,
                            equal_share=summary.equal_share_of(person),
                            joined_late=person.joined_late,
                            left_early=person.left_early,
                        )
                    )

    def set_shareable(self, session_id: int, text: str) -> None:
        with Session(self._engine) as s, s.begin():
            _row(s, session_id).shareable = text
            s.flush()
            update_search_text(s, session_id)

    def delete(self, session_id: int) -> None:
        """Remove the session with its events, notes, prompt uses and moods."""
        with Session(self._engine) as s, s.begin():
            _row(s, session_id)
            for model in (EventRow, NoteRow, PromptUseRow, MoodRow, SessionPersonRow):
                s.execute(delete(model).where(model.session_id == session_id))
            s.execute(delete(SessionRow).where(SessionRow.id == session_id))
        checkpoint(self._engine)

    # ----------------------------------------------------------------- reading

    def entries(self, session_id: int) -> tuple[ev.Entry, ...]:
        """The log in sequence order, rebuilt into domain entries."""
        with Session(self._engine) as s:
            return _entries(s, session_id)

    def get(self, session_id: int) -> SessionRecord:
        with Session(self._engine) as s:
            row = _row(s, session_id)
            circle = s.get(CircleRow, row.circle_id)
            return _record(row, circle.name if circle else "")

    def live(self) -> list[SessionRecord]:
        """Sessions still marked live: after a crash these are offered for resuming."""
        query = (
            select(SessionRow, CircleRow.name)
            .join(CircleRow, CircleRow.id == SessionRow.circle_id)
            .where(SessionRow.status == SessionStatus.LIVE.value)
            .order_by(SessionRow.started_at, SessionRow.id)
        )
        with Session(self._engine) as s:
            return [_record(row, name) for row, name in s.execute(query)]

    def latest_for_circle(self, circle_id: int, *, before: int | None = None) -> int | None:
        """The circle's most recent session (for rotating the first speaker); with ``before``,
        the most recent one that began before that session (a resumed circle asks what came
        before it, not about itself)."""
        query = (
            select(SessionRow.id)
            .where(SessionRow.circle_id == circle_id)
            .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
            .limit(1)
        )
        with Session(self._engine) as s:
            if before is not None:
                began = _row(s, before).started_at
                query = query.where(
                    or_(
                        SessionRow.started_at < began,
                        and_(SessionRow.started_at == began, SessionRow.id < before),
                    )
                )
            return s.execute(query).scalar_one_or_none()


def update_search_text(s: Session, session_id: int) -> None:
    """Recompute a session's lower-cased search text inside the caller's transaction."""
    row = _row(s, session_id)
    row.search_text = _search_text(
        codec.plan_from_json(row.plan_json),
        _entries(s, session_id),
        row.shareable,
        _uses(s, session_id),
    )


def _entries(s: Session, session_id: int) -> tuple[ev.Entry, ...]:
    rows = s.execute(
        select(EventRow.seq, EventRow.kind, EventRow.payload, EventRow.wall, EventRow.elapsed)
        .where(EventRow.session_id == session_id)
        .order_by(EventRow.seq)
    )
    entries = []
    for seq, kind, payload, wall, elapsed in rows:
        try:
            event = ev.from_payload(kind, json.loads(payload))
        except (ValueError, ev.MalformedEvent) as error:
            raise StoreError(
                _(
                    "Event {seq} of session {session} cannot be read ({reason}); run"
                    " circlekeeper check, and restore a backup if it reports damage."
                ).format(seq=seq, session=session_id, reason=error)
            ) from error
        entries.append(ev.Entry(seq=seq, elapsed=elapsed, wall=wall, event=event))
    return tuple(entries)


def _record_dealt_prompts(s: Session, session_id: int, entries: Sequence[ev.Entry]) -> None:
    """The prompts dealt to late arrivals during the circle join the prompts it heard (the
    plan's were recorded when it began), so history lists them and later draws avoid them.
    Idempotent: a prompt already recorded for that person and round is not added again."""
    recorded = {
        (round_index, person_id)
        for round_index, person_id in s.execute(
            select(PromptUseRow.round_index, PromptUseRow.person_id).where(
                PromptUseRow.session_id == session_id
            )
        )
    }
    for dealt in dealt_prompts(entries):
        if (dealt.round_index, dealt.person_id) in recorded:
            continue
        s.add(
            PromptUseRow(
                session_id=session_id,
                round_index=dealt.round_index,
                text=dealt.text,
                prompt_id=dealt.prompt_id,
                person_id=dealt.person_id,
                used_at=_aware(dealt.wall),
            )
        )
    s.flush()


def _uses(s: Session, session_id: int) -> list[str]:
    return list(s.scalars(select(PromptUseRow.text).where(PromptUseRow.session_id == session_id)))


def _search_text(
    plan: Iterable[RoundPlan],
    entries: Iterable[ev.Entry],
    shareable: str,
    uses: Iterable[str] = (),
) -> str:
    """Prompts (planned, asked in rounds, recorded uses) and the shareable summary, lower-cased."""
    parts: list[str] = []
    for round_ in plan:
        parts.extend((round_.title, *round_.prompts()))
    for entry in entries:
        if isinstance(entry.event, ev.RoundStarted):
            parts.extend((entry.event.plan.title, *entry.event.plan.prompts()))
    parts.extend(uses)
    parts.append(shareable)
    return "\n".join(dict.fromkeys(p.strip() for p in parts if p and p.strip())).lower()


def _is_id(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _row(s: Session, session_id: int) -> SessionRow:
    row = s.get(SessionRow, session_id)
    if row is None:
        raise RecordNotFound(_("There is no session with id {id}.").format(id=session_id))
    return row


def _record(row: SessionRow, circle_name: str) -> SessionRecord:
    return SessionRecord(
        session_id=row.id,
        circle_id=row.circle_id,
        circle_name=circle_name,
        facilitators=codec.texts_from_json(row.facilitators_json),
        co_facilitators=codec.texts_from_json(row.co_facilitators_json),
        plan=codec.plan_from_json(row.plan_json),
        started_at=row.started_at,
        ended_at=row.ended_at,
        timezone=row.timezone,
        status=row.status,
        shareable=row.shareable,
        last_heartbeat_wall=row.heartbeat_wall,
        last_heartbeat_elapsed=row.heartbeat_elapsed,
        events=row.event_count,
        present_count=row.present_count,
        duration_seconds=row.duration_seconds,
        fairness=row.fairness,
    )
