"""Before History deletes a session: may this facilitator, and what private notes go with it.

Whether the role may delete is :func:`delete_rights.delete_refusal`'s answer (the one check the
repository's ``delete`` also asks); this adds the count of the facilitator's private notes
about the session, so History can name what goes with it in its question, before anything is
asked or touched (``SessionDeletion``).
"""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from circlekeeper.history.records import SessionDeletion
from circlekeeper.store.models import NoteRow
from circlekeeper.store.sessions.delete_rights import delete_refusal


def session_deletion(engine: Engine, session_id: int) -> SessionDeletion:
    """Whether the session may be deleted by whoever is connected, and how many of their
    private notes are about it (raises ``RecordNotFound`` for a session that is not there)."""
    refused = delete_refusal(engine, session_id)
    if refused is not None:
        return SessionDeletion(session_id, refused)
    with engine.connect() as conn:
        notes = conn.execute(
            select(func.count()).select_from(NoteRow).where(NoteRow.session_id == session_id)
        ).scalar_one()
    return SessionDeletion(session_id, None, int(notes))
