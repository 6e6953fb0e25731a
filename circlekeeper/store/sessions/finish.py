"""What finishing a session stores beside it, so history pages never replay logs.

When a circle ends (or a coordinator closes one left open) the repository closes its row and
derives, once, the figures history and the period reports read: how long it ran and when it
ended, who was present and what each person spoke, fairness, the prompts it really heard
(rounds never reached leave, prompts dealt to late arrivals join) and its search text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from circlekeeper.session import events as ev
from circlekeeper.session.dealing import dealt_prompts
from circlekeeper.session.summary import summarize
from circlekeeper.store import codec
from circlekeeper.store.models import PersonRow, PromptUseRow, SessionPersonRow
from circlekeeper.store.sessions.rows import as_utc, session_row
from circlekeeper.store.sessions.search import prompt_uses, search_text


def record_finish(
    s: Session,
    session_id: int,
    entries: Sequence[ev.Entry],
    *,
    status: str,
    ended_at: datetime | None,
) -> None:
    """Close the session's row as ``status`` and store its derived figures, in ``s``."""
    summary = summarize(entries)
    row = session_row(s, session_id)
    # A session runs from its first event to its last (or the last sign of life):
    # times the engine derived from one anchor plus monotonic seconds, so the end can
    # never come before the start even if the wall clock was set back meanwhile.
    candidates = [as_utc(e.wall) for e in entries[-1:]]
    if row.heartbeat_wall is not None:
        candidates.append(as_utc(row.heartbeat_wall))
    if ended_at is not None:
        candidates.append(as_utc(ended_at))
    if entries:
        row.started_at = as_utc(entries[0].wall)
    started = as_utc(row.started_at)
    ended_at = max([started, *candidates]) if candidates else datetime.now(UTC)
    row.status = status
    row.ended_at = as_utc(ended_at)
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
    row.search_text = search_text(
        codec.plan_from_json(row.plan_json), entries, row.shareable, prompt_uses(s, session_id)
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
                used_at=as_utc(dealt.wall),
            )
        )
    s.flush()


def _is_id(text: str) -> bool:
    return text.isascii() and text.isdigit()
