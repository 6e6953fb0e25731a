"""Before History deletes a session: may this facilitator, and what private notes go with it.

On a SQLite file the one facilitator may delete every session. On a server the database says:
a role without the DELETE grant (a coordinator) may delete none, and row-level security lets a
facilitator delete only the sessions they ran (migration 0005). The repository's ``delete``
refuses both, but only after the facilitator has answered the question and watched the row
go; asked here first, History says why before anything is asked (``SessionDeletion``).
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, func, select, text

from circlekeeper.history.records import SessionDeletion
from circlekeeper.i18n import _
from circlekeeper.store.errors import RecordNotFound
from circlekeeper.store.models import NoteRow, SessionRow

DELETED_WITH_A_SESSION = ("events", "notes", "prompt_uses", "moods", "session_people", "sessions")
"""The tables ``SessionRepository.delete`` deletes from (all of them or nothing)."""


def session_deletion(engine: Engine, session_id: int) -> SessionDeletion:
    """Whether the session may be deleted by whoever is connected, and how many of their
    private notes are about it (raises ``RecordNotFound`` for a session that is not there)."""
    with engine.connect() as conn:
        owner = conn.execute(select(SessionRow.owner).where(SessionRow.id == session_id)).first()
        if owner is None:
            raise RecordNotFound(_("There is no session with id {id}.").format(id=session_id))
        if conn.dialect.name == "postgresql":
            refused = _refused_by_the_server(conn, session_id, str(owner[0]))
            if refused is not None:
                return SessionDeletion(session_id, refused)
        notes = conn.execute(
            select(func.count()).select_from(NoteRow).where(NoteRow.session_id == session_id)
        ).scalar_one()
    return SessionDeletion(session_id, None, int(notes))


def _refused_by_the_server(conn: Connection, session_id: int, owner: str) -> str | None:
    granted = conn.execute(
        text(
            "SELECT bool_and(has_table_privilege(t, 'DELETE'))"
            " FROM unnest(CAST(:tables AS text[])) AS t"
        ),
        {"tables": list(DELETED_WITH_A_SESSION)},
    ).scalar_one()
    if not granted:
        return _(
            "Your role on this server may read the history but not delete sessions; only the"
            " facilitator who ran a session can delete it."
        )
    me, policed = conn.execute(text("SELECT session_user, row_security_active('sessions')")).one()
    if policed and owner != me:
        return _("Session {id} was run by {owner}; only {owner} can delete it.").format(
            id=session_id, owner=owner
        )
    return None
