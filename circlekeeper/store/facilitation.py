"""Who facilitated a circle lately, and how the circle likes its speaking order.

Both feed the *Start a circle* dialog: the first to suggest who might facilitate next (roles
rotate in peer support), the second so the order shown before starting follows the circle's
habit without the facilitator setting it again each week.
"""

from __future__ import annotations

import json

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from circlekeeper.session.seating import SeatingRule, rule_from_dict, rule_to_dict
from circlekeeper.store import codec
from circlekeeper.store.models import CircleMemberRow, SessionRow
from circlekeeper.store.settings import SettingsRepository

RECENT_SESSIONS = 60
"""Enough sessions back to find everyone in a weekly circle who facilitated in a year."""


def recent_facilitators(
    engine: Engine, circle_id: int, limit: int = RECENT_SESSIONS
) -> tuple[tuple[str, ...], ...]:
    """Each recent session's facilitators and co-facilitators, most recent first."""
    query = (
        select(SessionRow.facilitators_json, SessionRow.co_facilitators_json)
        .where(SessionRow.circle_id == circle_id, SessionRow.status != "live")
        .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
        .limit(limit)
    )
    with Session(engine) as s:
        return tuple(
            codec.texts_from_json(main) + codec.texts_from_json(co) for main, co in s.execute(query)
        )


def reseat(engine: Engine, circle_id: int, person_ids: list[int]) -> None:
    """Keep the room's seating: these members first, in this order; anyone else after them
    in their old order."""
    with Session(engine) as s, s.begin():
        rows = list(
            s.scalars(
                select(CircleMemberRow)
                .where(CircleMemberRow.circle_id == circle_id)
                .order_by(CircleMemberRow.position)
            )
        )
        wanted = {pid: i for i, pid in enumerate(person_ids)}
        ordered = sorted(rows, key=lambda r: (wanted.get(r.person_id, len(wanted)), r.position))
        for position, row in enumerate(ordered, start=1):
            row.position = position


class SeatingRules:
    """A circle's speaking-order habit, kept with the data (one setting per circle)."""

    def __init__(self, settings: SettingsRepository) -> None:
        self._settings = settings

    def get(self, circle_id: int) -> SeatingRule:
        raw = self._settings.get(_key(circle_id))
        if raw is None:
            return SeatingRule()
        try:
            return rule_from_dict(json.loads(raw))
        except ValueError:
            return SeatingRule()

    def save(self, circle_id: int, rule: SeatingRule) -> None:
        self._settings.set(_key(circle_id), json.dumps(rule_to_dict(rule)))


def _key(circle_id: int) -> str:
    return f"circle.{circle_id}.seating"
