"""Who may write a live session's log: an owner, and a lease one app instance holds.

Several facilitators share one PostgreSQL server, each running circles from a laptop. A live
session belongs to the facilitator who started it (``owner``: their login role; ``local`` on a
SQLite file), and while an app writes its log it holds a *lease*: a random token, renewed with
every heartbeat. Taking a lease is one conditional UPDATE (owner matches, and the session has
no lease or its lease went stale), so two instances can never both resume one circle; every
event appended and every heartbeat names the token, so an instance that lost its lease stops
writing at once instead of interleaving with the new holder.

Start-up offers only the facilitator's own live sessions whose lease is stale (no sign of life
for :data:`STALE_AFTER`, four heartbeats). Anyone else's running circle cannot be resumed,
closed or discarded: :class:`LeaseHeld` says who holds it and since when. A coordinator may
close a session abandoned for :data:`ABANDONED_AFTER` explicitly (``close-abandoned``).

On a SQLite file the writer lock already proves no other instance runs, so every lease found
there is stale.
"""

from __future__ import annotations

import socket
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, Engine, and_, func, or_, select, text, update
from sqlalchemy.orm import Session

from circlekeeper.i18n import _, ngettext
from circlekeeper.i18n.formats import format_datetime
from circlekeeper.store.changed import rows_changed
from circlekeeper.store.errors import RecordNotFound, StoreError
from circlekeeper.store.models import CircleRow, SessionRow
from circlekeeper.store.records import SessionStatus

STALE_AFTER = timedelta(seconds=20)
"""No heartbeat for this long (four of them, one every 5 s): the app holding it is gone."""
ABANDONED_AFTER = timedelta(hours=3)
"""Stale for this long: a coordinator may close the session although it is not theirs."""
LOCAL_FACILITATOR = "local"
"""The one facilitator of a SQLite file."""


@dataclass(frozen=True, slots=True)
class Lease:
    """Proof that this app instance may write the session's log."""

    session_id: int
    token: str


class LeaseHeld(StoreError):
    """Someone else runs this circle (or may still be running it); nothing was changed."""

    def __init__(
        self,
        session_id: int,
        circle: str,
        owner: str | None,
        holder: str | None,
        since: datetime | None,
        last_alive: datetime | None,
        now: datetime,
        *,
        closable_after: timedelta | None = None,
    ) -> None:
        """``closable_after``: for ``close-abandoned``, how long the circle must be silent
        before a coordinator may close it (said instead of "cannot be … from here")."""
        self.session_id = session_id
        who = owner or _("another facilitator")
        if holder:
            # Translators: who holds a circle and on which computer, e.g. "robin on laptop-2".
            who = _("{who} on {computer}").format(who=who, computer=holder)
        if since:
            held = _(
                "The circle “{circle}” (session {session}) is held by {who} since {moment}."
            ).format(circle=circle, session=session_id, who=who, moment=_moment(since))
        else:
            held = _("The circle “{circle}” (session {session}) is held by {who}.").format(
                circle=circle, session=session_id, who=who
            )
        said = [held]
        if last_alive:
            seconds = max(0, int((now - last_alive).total_seconds()))
            if seconds < 120:
                said.append(
                    ngettext(
                        "Its last sign of life was {count} second ago.",
                        "Its last sign of life was {count} seconds ago.",
                        seconds,
                    ).format(count=seconds)
                )
            else:
                said.append(
                    ngettext(
                        "Its last sign of life was {count} minute ago.",
                        "Its last sign of life was {count} minutes ago.",
                        seconds // 60,
                    ).format(count=seconds // 60)
                )
        if closable_after is None:
            said.append(_("It cannot be resumed, closed or discarded from here."))
        else:
            minutes = max(1, round(closable_after.total_seconds() / 60))
            said.append(
                ngettext(
                    "It can be closed as abandoned once it has been silent for {count} minute;"
                    " --hours sets a shorter wait.",
                    "It can be closed as abandoned once it has been silent for {count} minutes;"
                    " --hours sets a shorter wait.",
                    minutes,
                ).format(count=minutes)
            )
        super().__init__(" ".join(said))


class LeaseLost(StoreError):
    """This instance's lease was taken over: it must stop writing the session."""

    def __init__(self, session_id: int) -> None:
        self.session_id = session_id
        super().__init__(
            _(
                "Session {session} was taken over by another CircleKeeper (or closed), so this"
                " window stopped writing it; everything stored before is kept."
            ).format(session=session_id)
        )


def facilitator_identity(engine: Engine) -> str:
    """Who is writing: the PostgreSQL login role (``session_user``), else the local one."""
    if engine.dialect.name != "postgresql":
        return LOCAL_FACILITATOR
    with engine.connect() as connection:
        return str(connection.execute(text("SELECT session_user")).scalar_one())


def this_computer(identity: str) -> str:
    """How a lease names its holder to others: the role and the computer's name."""
    return f"{identity}@{socket.gethostname()}"[:200]


def _last_alive() -> ColumnElement[datetime]:
    """The session's last sign of life: its lease renewed, else the last heartbeat."""
    return func.coalesce(SessionRow.lease_renewed_at, SessionRow.heartbeat_wall)


def _own_and_free(identity: str, stale_before: datetime) -> ColumnElement[bool]:
    """Live, this facilitator's, and either never leased or leased by an app gone quiet."""
    return and_(
        SessionRow.status == SessionStatus.LIVE.value,
        SessionRow.owner == identity,
        or_(SessionRow.lease_token.is_(None), _last_alive() <= stale_before),
    )


class LeaseRepository:
    def __init__(self, engine: Engine, identity: str, *, exclusive: bool) -> None:
        self._engine = engine
        self.identity = identity
        self._exclusive = exclusive

    def server_now(self, s: Session) -> datetime:
        """The database server's clock (UTC): laptops' clocks disagree, the server's is one."""
        if self._engine.dialect.name == "postgresql":
            moment: datetime = s.execute(
                text("SELECT timezone('UTC', clock_timestamp())")
            ).scalar_one()
            return moment.replace(tzinfo=UTC)
        return datetime.now(UTC)

    def claim(self, session_id: int) -> Lease:
        """Take the session's lease with one conditional UPDATE, or raise :class:`LeaseHeld`."""
        token = str(uuid.uuid4())
        with Session(self._engine) as s, s.begin():
            now = self.server_now(s)
            stale_before = (now if self._exclusive else now - STALE_AFTER).replace(tzinfo=None)
            claimed = rows_changed(
                s.execute(
                    update(SessionRow)
                    .where(SessionRow.id == session_id, _own_and_free(self.identity, stale_before))
                    .values(
                        lease_token=token,
                        lease_holder=this_computer(self.identity),
                        lease_since=now,
                        lease_renewed_at=now,
                    )
                )
            )
            if claimed != 1:
                raise self._refusal(s, session_id, now)
        return Lease(session_id, token)

    def renew(self, lease: Lease, wall: datetime, elapsed: float) -> None:
        """The heartbeat: alive at ``wall``/``elapsed``; :class:`LeaseLost` if taken over."""
        with Session(self._engine) as s, s.begin():
            now = self.server_now(s)
            renewed = rows_changed(
                s.execute(
                    update(SessionRow)
                    .where(SessionRow.id == lease.session_id, SessionRow.lease_token == lease.token)
                    .values(
                        heartbeat_wall=wall.astimezone(UTC),
                        heartbeat_elapsed=float(elapsed),
                        lease_renewed_at=now,
                    )
                )
            )
            if renewed != 1:
                raise LeaseLost(lease.session_id)

    def stale_own(self) -> list[int]:
        """The facilitator's own live sessions nobody is running: what start-up offers."""
        with Session(self._engine) as s:
            now = self.server_now(s)
            stale_before = (now if self._exclusive else now - STALE_AFTER).replace(tzinfo=None)
            query = (
                select(SessionRow.id)
                .where(_own_and_free(self.identity, stale_before))
                .order_by(SessionRow.started_at, SessionRow.id)
            )
            return list(s.scalars(query))

    def running_in(self, circle_id: int) -> str | None:
        """Who runs a session of this circle right now (a fresh lease: another facilitator,
        or this one on another computer), in a sentence asking whether to start another;
        ``None`` when nobody does. Two sessions of one circle at once count its people twice.
        A file's writer lock already proves no other app runs anything."""
        if self._exclusive:
            return None
        with Session(self._engine) as s:
            now = self.server_now(s)
            fresh = (now - STALE_AFTER).replace(tzinfo=None)
            row = s.execute(
                select(SessionRow.owner, SessionRow.lease_holder, SessionRow.lease_since)
                .where(
                    SessionRow.circle_id == circle_id,
                    SessionRow.status == SessionStatus.LIVE.value,
                    SessionRow.lease_token.is_not(None),
                    _last_alive() > fresh,
                )
                .order_by(SessionRow.started_at)
                .limit(1)
            ).first()
        if row is None:
            return None
        who = row.owner or _("another facilitator")
        if row.lease_holder:
            who = _("{who} on {computer}").format(who=who, computer=row.lease_holder)
        return _(
            "{who} is running this circle right now (since {moment}). Start another session of"
            " it anyway? Its people would be counted in both."
        ).format(who=who, moment=_moment(row.lease_since or now))

    def close_abandoned(self, session_id: int, *, older_than: timedelta = ABANDONED_AFTER) -> Lease:
        """A coordinator takes a session nobody has touched for ``older_than``, to close it.

        Whoever owns it: this is for the circle whose laptop never came back. A session with
        any sign of life within ``older_than`` is refused with :class:`LeaseHeld`.
        """
        token = str(uuid.uuid4())
        with Session(self._engine) as s, s.begin():
            now = self.server_now(s)
            before = (now - older_than).replace(tzinfo=None)
            last = func.coalesce(_last_alive(), SessionRow.started_at)
            claimed = rows_changed(
                s.execute(
                    update(SessionRow)
                    .where(
                        SessionRow.id == session_id,
                        SessionRow.status == SessionStatus.LIVE.value,
                        last <= before,
                    )
                    .values(
                        lease_token=token,
                        lease_holder=this_computer(self.identity),
                        lease_since=now,
                        lease_renewed_at=now,
                    )
                )
            )
            if claimed != 1:
                raise self._refusal(s, session_id, now, closable_after=older_than)
        return Lease(session_id, token)

    def _refusal(
        self,
        s: Session,
        session_id: int,
        now: datetime,
        *,
        closable_after: timedelta | None = None,
    ) -> StoreError:
        row = s.get(SessionRow, session_id)
        if row is None:
            return RecordNotFound(_("There is no session with id {id}.").format(id=session_id))
        if row.status != SessionStatus.LIVE.value:
            return StoreError(
                _("Session {session} is not running any more ({status}).").format(
                    session=session_id, status=row.status
                )
            )
        circle = s.get(CircleRow, row.circle_id)
        last = row.lease_renewed_at or row.heartbeat_wall
        return LeaseHeld(
            session_id,
            circle.name if circle else "?",
            row.owner,
            row.lease_holder,
            row.lease_since or row.started_at,
            last,
            now,
            closable_after=closable_after,
        )


def _moment(moment: datetime) -> str:
    """In Coordinated Universal Time: the other computer may be in another time zone."""
    return format_datetime(moment, "long", zone=UTC)
