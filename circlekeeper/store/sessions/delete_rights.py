"""Whether this facilitator may delete a session, asked before anything is deleted.

On an organization's server the rights are the server's: a role needs the DELETE grant on the
session and the tables that go with it (a coordinator has none), and row-level security
(0005_facilitator_vaults) lets a facilitator delete only sessions they own; the database's
owner and administrators are not bound by the policies. History asks this before its *Delete
session?* question, so a facilitator who cannot delete is told why instead of being asked to
confirm something the server then refuses; :meth:`SessionRepository.delete` asks it too, and
still checks the server's own answer afterwards.

The question is answered from the server's catalog and the row's owner, mirroring the policy
``delete_own_sessions`` (``owner = session_user``); a test holds it to what the server's
DELETE actually does for every kind of role. A SQLite file has one facilitator, who may
delete every session.
"""

from __future__ import annotations

from sqlalchemy import Engine, String, and_, func, literal, select

from circlekeeper.i18n import _
from circlekeeper.store.errors import RecordNotFound
from circlekeeper.store.models import (
    EventRow,
    MoodRow,
    NoteRow,
    PromptUseRow,
    SessionPersonRow,
    SessionRow,
)

DELETED_WITH_A_SESSION = (EventRow, NoteRow, PromptUseRow, MoodRow, SessionPersonRow)
"""What :meth:`SessionRepository.delete` removes before the session's own row."""


def delete_refusal(engine: Engine, session_id: int) -> str | None:
    """``None`` when this role may delete the session; else the sentence saying why not.

    Raises :class:`RecordNotFound` for a session that is not there (deleted meanwhile).
    """
    if engine.dialect.name != "postgresql":
        with engine.connect() as conn:
            if conn.scalar(select(SessionRow.id).where(SessionRow.id == session_id)) is None:
                raise _not_found(session_id)
        return None
    granted = and_(
        *(
            func.has_table_privilege(literal(model.__tablename__, String), "DELETE")
            for model in (*DELETED_WITH_A_SESSION, SessionRow)
        )
    )
    query = select(
        SessionRow.owner,
        func.session_user().label("me"),  # rendered SESSION_USER, as SQL spells it
        granted.label("granted"),
        func.row_security_active(literal(SessionRow.__tablename__, String)).label("bound"),
    ).where(SessionRow.id == session_id)
    with engine.connect() as conn:
        row = conn.execute(query).one_or_none()
    if row is None:
        raise _not_found(session_id)
    if not row.granted:
        return _(
            "Your role {role} may read the history on this server but not delete sessions;"
            " only the facilitator who ran a session can delete it."
        ).format(role=row.me)
    if row.bound and row.owner != row.me:
        return not_yours(session_id, row.owner)
    return None


def not_yours(session_id: int, owner: str) -> str:
    """Another facilitator's session: only they may delete it."""
    return _("Session {id} was run by {owner}; only {owner} can delete it.").format(
        id=session_id, owner=owner
    )


def nothing_deleted(refusal: str) -> str:
    """A refusal met while deleting (not before the question): it says nothing went."""
    return refusal + " " + _("Nothing was deleted.")


def _not_found(session_id: int) -> RecordNotFound:
    return RecordNotFound(_("There is no session with id {id}.").format(id=session_id))
