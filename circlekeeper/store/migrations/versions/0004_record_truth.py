"""Make stored figures tell the truth about what happened (issue 15).

Earlier versions kept the prompts of every *planned* round, so a circle ended during Sharing
still listed its check-out prompt as heard (in history, "Heard in", the PDF and the next draw's
memory). They also left people with a 0-s turn out of the fairness index while measuring them
against the equal share, and measured people who only passed against it too. This replays
each finished session's log once and stores what the summary now says:

- prompt uses of rounds that never started are deleted;
- ``sessions.fairness`` is the index under the one fairness rule (docs/REPORTS.md);
- ``session_people.equal_share`` is the equal share for everyone measured, NULL for people who
  passed or did not speak (passing is a right).

Live sessions are left alone: their rounds may still start. Downgrading keeps the corrected
figures (they are data, not schema).

Revision ID: 0004_record_truth
Revises: 0005_circle_language
Create Date: 2026-12-01 22:30:00
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from circlekeeper.session import events as ev
from circlekeeper.session.summary import summarize

revision: str = "0004_record_truth"
down_revision: str | None = "0005_facilitator_vaults"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
"""Walls play no part in rounds or fairness; events are rebuilt without parsing them."""

sessions = sa.table(
    "sessions", sa.column("id", sa.Integer), sa.column("status"), sa.column("fairness", sa.Float)
)
events = sa.table(
    "events",
    sa.column("session_id", sa.Integer),
    sa.column("seq", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("payload", sa.Text),
    sa.column("elapsed", sa.Float),
)
prompt_uses = sa.table(
    "prompt_uses", sa.column("session_id", sa.Integer), sa.column("round_index", sa.Integer)
)
session_people = sa.table(
    "session_people",
    sa.column("session_id", sa.Integer),
    sa.column("person_id", sa.Integer),
    sa.column("equal_share", sa.Float),
)


def upgrade() -> None:
    bind = op.get_bind()
    finished = bind.execute(sa.select(sessions.c.id).where(sessions.c.status != "live"))
    for session_id in [row.id for row in finished]:
        rows = bind.execute(
            sa.select(events.c.seq, events.c.kind, events.c.payload, events.c.elapsed)
            .where(events.c.session_id == session_id)
            .order_by(events.c.seq)
        ).all()
        try:
            entries = [
                ev.Entry(r.seq, r.elapsed, _EPOCH, ev.from_payload(r.kind, json.loads(r.payload)))
                for r in rows
            ]
            summary = summarize(entries)
        except (ValueError, TypeError, KeyError, AttributeError, ev.MalformedEvent):
            continue  # a damaged log is left as it is; 'circlekeeper check' names it
        held = sorted(r.index for r in summary.rounds)
        bind.execute(
            sa.delete(prompt_uses).where(
                prompt_uses.c.session_id == session_id, prompt_uses.c.round_index.not_in(held)
            )
        )
        bind.execute(
            sa.update(sessions)
            .where(sessions.c.id == session_id)
            .values(fairness=summary.jain_index)
        )
        for person in summary.people:
            if not person.person_id.isdigit():
                continue
            bind.execute(
                sa.update(session_people)
                .where(
                    session_people.c.session_id == session_id,
                    session_people.c.person_id == int(person.person_id),
                )
                .values(equal_share=summary.equal_share_of(person))
            )


def downgrade() -> None:
    """Nothing to undo: the corrected figures stay correct under the earlier schema too."""
