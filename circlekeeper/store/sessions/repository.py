"""Sessions and their event logs.

``append`` is the hot path of a live circle: one INSERT (plus the event counter) in its own
transaction, committed with ``synchronous=FULL`` before it returns, so what the screen shows is
already on disk. ``UNIQUE(session_id, seq)`` turns a repeated sequence number into
:class:`DuplicateEvent` instead of a second copy.

What ``finish()`` derives for history is ``finish.py``; the search text
``search.py``; reading a stored session back ``rows.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, and_, delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.session.model import RoundPlan
from circlekeeper.store import codec
from circlekeeper.store.backup_purge import purge_notes_from_backups
from circlekeeper.store.changed import rows_changed
from circlekeeper.store.errors import (
    DuplicateEvent,
    InvalidRecord,
    NotYourSession,
    RecordNotFound,
)
from circlekeeper.store.leases import LeaseLost
from circlekeeper.store.models import (
    CircleRow,
    EventRow,
    NoteRow,
    PersonRow,
    SessionPersonRow,
    SessionRow,
)
from circlekeeper.store.records import SessionRecord, SessionStatus
from circlekeeper.store.sessions.delete_rights import (
    DELETED_WITH_A_SESSION,
    delete_refusal,
    not_yours,
    nothing_deleted,
)
from circlekeeper.store.sessions.finish import record_finish
from circlekeeper.store.sessions.rows import as_utc, session_record, session_row, stored_entries
from circlekeeper.store.sessions.search import search_text, update_search_text
from circlekeeper.store.wal import checkpoint


class SessionRepository:
    def __init__(
        self, engine: Engine, *, owner: str | None = None, path: Path | None = None
    ) -> None:
        """``path``: the SQLite file whose backups must forget a deleted session's notes."""
        self._engine = engine
        self._owner = owner
        """The facilitator new sessions belong to (``store/leases.py``)."""
        self._path = path

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
                started_at=as_utc(started_at),
                timezone=timezone or "UTC",
                status=SessionStatus.LIVE.value,
                shareable="",
                event_count=0,
                search_text=search_text(plan, (), ""),
            )
            if self._owner is not None:  # else the column's default: the login role
                row.owner = self._owner
            # run_by is not sent: on a server the server records the login role itself
            # (0010_run_by_enforced); a file's one facilitator typed their name (NULL).
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
            "wall": as_utc(entry.wall),
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
                        "wall": as_utc(entry.wall),
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
                .values(heartbeat_wall=as_utc(wall), heartbeat_elapsed=float(elapsed))
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
        with Session(self._engine) as s, s.begin():
            record_finish(s, session_id, entries, status=status, ended_at=ended_at)

    def set_shareable(self, session_id: int, text: str) -> None:
        with Session(self._engine) as s, s.begin():
            session_row(s, session_id).shareable = text
            s.flush()
            update_search_text(s, session_id)

    def delete_refusal(self, session_id: int) -> str | None:
        """``None`` when this facilitator may delete the session, else why not (asked before
        History's *Delete session?* question; ``delete_rights.py``)."""
        return delete_refusal(self._engine, session_id)

    def delete(self, session_id: int) -> None:
        """Remove the session with its events, notes, prompt uses and moods.

        On a server a facilitator may delete only their own sessions (and a coordinator
        none): :meth:`delete_refusal` says so before anything is touched. The server has the
        last word: row-level security skips another's log and row without a word, while its
        attendance, prompts and moods are not covered by a policy, so the transaction is
        undone, whole, unless the session's own row went too.

        Its private notes go as a deleted note goes (``docs/vault.md``): with
        ``secure_delete`` and the WAL checkpointed, so no ciphertext stays in the file, and
        from every backup of the file and every copy a restore kept aside.
        """
        refused = self.delete_refusal(session_id)
        if refused is not None:
            raise NotYourSession(nothing_deleted(refused))
        with Session(self._engine) as s, s.begin():
            owner = session_row(s, session_id).owner
            notes = list(s.scalars(select(NoteRow.id).where(NoteRow.session_id == session_id)))
            for model in DELETED_WITH_A_SESSION:
                s.execute(delete(model).where(model.session_id == session_id))
            gone = s.execute(delete(SessionRow).where(SessionRow.id == session_id))
            if rows_changed(gone) == 0:
                raise NotYourSession(nothing_deleted(not_yours(session_id, owner)))
        checkpoint(self._engine)
        if notes and self._path is not None:
            purge_notes_from_backups(self._path, self._owner or "local", notes)

    # ----------------------------------------------------------------- reading

    def entries(self, session_id: int) -> tuple[ev.Entry, ...]:
        """The log in sequence order, rebuilt into domain entries."""
        with Session(self._engine) as s:
            return stored_entries(s, session_id)

    def get(self, session_id: int) -> SessionRecord:
        with Session(self._engine) as s:
            row = session_row(s, session_id)
            circle = s.get(CircleRow, row.circle_id)
            return session_record(row, circle.name if circle else "")

    def live(self) -> list[SessionRecord]:
        """Sessions still marked live: after a crash these are offered for resuming."""
        query = (
            select(SessionRow, CircleRow.name)
            .join(CircleRow, CircleRow.id == SessionRow.circle_id)
            .where(SessionRow.status == SessionStatus.LIVE.value)
            .order_by(SessionRow.started_at, SessionRow.id)
        )
        with Session(self._engine) as s:
            return [session_record(row, name) for row, name in s.execute(query)]

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
                began = session_row(s, before).started_at
                query = query.where(
                    or_(
                        SessionRow.started_at < began,
                        and_(SessionRow.started_at == began, SessionRow.id < before),
                    )
                )
            return s.execute(query).scalar_one_or_none()
