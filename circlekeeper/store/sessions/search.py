"""A session's search text: what the history's search box finds it by.

Prompts (planned, asked in rounds, recorded uses) and the shareable summary, lower-cased and
stored beside the session, so searching thousands of sessions is one indexed column, not a
replay of every log. Kept fresh when a session finishes, when its summary or a prompt it
used changes, and written with sessions that are imported or seeded in bulk.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from circlekeeper.session import events as ev
from circlekeeper.session.model import RoundPlan
from circlekeeper.store import codec
from circlekeeper.store.models import PromptUseRow
from circlekeeper.store.sessions.rows import session_row, stored_entries


def update_search_text(s: Session, session_id: int) -> None:
    """Recompute a session's lower-cased search text inside the caller's transaction."""
    row = session_row(s, session_id)
    row.search_text = search_text(
        codec.plan_from_json(row.plan_json),
        stored_entries(s, session_id),
        row.shareable,
        prompt_uses(s, session_id),
    )


def prompt_uses(s: Session, session_id: int) -> list[str]:
    """The words of every prompt recorded as heard in the session."""
    return list(s.scalars(select(PromptUseRow.text).where(PromptUseRow.session_id == session_id)))


def search_text(
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
