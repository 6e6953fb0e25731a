"""Circles: the recurring groups, with their agreements, default plan and facilitators."""

from __future__ import annotations

import builtins

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from circlekeeper.i18n import _, match_language
from circlekeeper.session.printing import Privacy
from circlekeeper.store import codec
from circlekeeper.store.errors import InvalidRecord, RecordNotFound
from circlekeeper.store.models import CircleRow
from circlekeeper.store.records import CircleRecord


class CircleRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def list(self, include_archived: bool = False) -> builtins.list[CircleRecord]:
        """Circles by name (archived ones only when asked)."""
        query = select(CircleRow).order_by(CircleRow.name, CircleRow.id)
        if not include_archived:
            query = query.where(CircleRow.archived.is_(False))
        with Session(self._engine) as s:
            return [_record(row) for row in s.scalars(query)]

    def get(self, circle_id: int) -> CircleRecord:
        with Session(self._engine) as s:
            return _record(_row(s, circle_id))

    def by_name(self, name: str) -> CircleRecord | None:
        with Session(self._engine) as s:
            row = s.scalars(select(CircleRow).where(CircleRow.name == name.strip())).first()
            return None if row is None else _record(row)

    def save(self, record: CircleRecord) -> int:
        """Insert (``circle_id is None``) or update; returns the circle's id."""
        name = record.name.strip()
        if not name:
            raise InvalidRecord(_("A circle needs a name."))
        if record.privacy not in {p.value for p in Privacy}:
            raise InvalidRecord(
                _("Privacy must be one of counts, initials or names, not {privacy}.").format(
                    privacy=repr(record.privacy)
                )
            )
        if record.retention_days is not None and record.retention_days <= 0:
            raise InvalidRecord(_("Keep sessions for at least one day, or forever."))
        if record.language and match_language(record.language) != record.language:
            raise InvalidRecord(
                _("A circle's language must be one CircleKeeper speaks, not {language}.").format(
                    language=repr(record.language[:20])
                )
            )
        try:
            with Session(self._engine) as s, s.begin():
                row = CircleRow() if record.circle_id is None else _row(s, record.circle_id)
                row.name = name
                row.description = record.description
                row.agreements_json = codec.texts_to_json(record.agreements)
                row.default_plan_json = codec.plan_to_json(record.default_plan)
                row.facilitators_json = codec.texts_to_json(record.facilitators)
                row.archived = record.archived
                row.privacy = record.privacy
                row.retention_days = record.retention_days
                row.mood_enabled = record.mood_enabled
                row.language = record.language or None
                row.cadence = record.cadence.kind.value
                row.cadence_since = record.cadence.since if record.cadence.is_planned else None
                s.add(row)
                s.flush()
                return row.id
        except IntegrityError as error:
            raise InvalidRecord(
                _("There is already a circle called {name}; choose another name.").format(
                    name=repr(name[:80])
                )
            ) from error

    def archive(self, circle_id: int) -> None:
        with Session(self._engine) as s, s.begin():
            _row(s, circle_id).archived = True

    def restore(self, circle_id: int) -> None:
        """Bring an archived circle back to the list, as it was (history included)."""
        with Session(self._engine) as s, s.begin():
            _row(s, circle_id).archived = False

    def set_retention(self, circle_id: int, days: int | None) -> None:
        if days is not None and days <= 0:
            raise InvalidRecord(_("Keep sessions for at least one day, or forever."))
        with Session(self._engine) as s, s.begin():
            _row(s, circle_id).retention_days = days


def _row(s: Session, circle_id: int) -> CircleRow:
    row = s.get(CircleRow, circle_id)
    if row is None:
        raise RecordNotFound(_("There is no circle with id {id}.").format(id=circle_id))
    return row


def _record(row: CircleRow) -> CircleRecord:
    return CircleRecord(
        circle_id=row.id,
        name=row.name,
        description=row.description,
        agreements=codec.texts_from_json(row.agreements_json),
        default_plan=codec.plan_from_json(row.default_plan_json),
        facilitators=codec.texts_from_json(row.facilitators_json),
        archived=row.archived,
        privacy=row.privacy,
        retention_days=row.retention_days,
        mood_enabled=row.mood_enabled,
        language=row.language or "",
        demo=row.demo,
        cadence=codec.cadence_from_columns(row.cadence, row.cadence_since),
    )
