"""People and which circles they belong to; archiving hides, never deletes history."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from circlekeeper.i18n import _
from circlekeeper.store.errors import InvalidRecord, RecordNotFound
from circlekeeper.store.models import CircleMemberRow, CircleRow, PersonRow
from circlekeeper.store.records import PersonRecord


class PersonRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def add(self, name: str, pronouns: str = "", circle_ids: Iterable[int] = ()) -> PersonRecord:
        name = _clean_name(name)
        with Session(self._engine) as s, s.begin():
            row = PersonRow(name=name, pronouns=pronouns.strip(), archived=False)
            s.add(row)
            s.flush()
            for circle_id in circle_ids:
                _join(s, row.id, circle_id)
            return _record(row)

    def update(self, person: PersonRecord) -> None:
        name = _clean_name(person.name)
        with Session(self._engine) as s, s.begin():
            row = _row(s, person.person_id)
            row.name = name
            row.pronouns = person.pronouns.strip()
            row.archived = person.archived

    def get(self, person_id: int) -> PersonRecord:
        with Session(self._engine) as s:
            return _record(_row(s, person_id))

    def archive(self, person_id: int) -> None:
        with Session(self._engine) as s, s.begin():
            _row(s, person_id).archived = True

    def add_to_circle(self, person_id: int, circle_id: int) -> None:
        """Seat the person at the end of the circle (nothing changes if already a member)."""
        with Session(self._engine) as s, s.begin():
            _row(s, person_id)
            _join(s, person_id, circle_id)

    def remove_from_circle(self, person_id: int, circle_id: int) -> None:
        with Session(self._engine) as s, s.begin():
            member = s.get(CircleMemberRow, (circle_id, person_id))
            if member is not None:
                s.delete(member)

    def members(self, circle_id: int, include_archived: bool = False) -> list[PersonRecord]:
        """The circle's people in seating order (the order they were added)."""
        query = (
            select(PersonRow)
            .join(CircleMemberRow, CircleMemberRow.person_id == PersonRow.id)
            .where(CircleMemberRow.circle_id == circle_id)
            .order_by(CircleMemberRow.position)
        )
        if not include_archived:
            query = query.where(PersonRow.archived.is_(False))
        with Session(self._engine) as s:
            return [_record(row) for row in s.scalars(query)]


def _clean_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise InvalidRecord(_("A person needs a name (any name they choose)."))
    return name


def _join(s: Session, person_id: int, circle_id: int) -> None:
    if s.get(CircleRow, circle_id) is None:
        raise RecordNotFound(_("There is no circle with id {id}.").format(id=circle_id))
    if s.get(CircleMemberRow, (circle_id, person_id)) is not None:
        return
    last = s.scalar(
        select(func.max(CircleMemberRow.position)).where(CircleMemberRow.circle_id == circle_id)
    )
    s.add(CircleMemberRow(circle_id=circle_id, person_id=person_id, position=(last or 0) + 1))
    s.flush()


def _row(s: Session, person_id: int) -> PersonRow:
    row = s.get(PersonRow, person_id)
    if row is None:
        raise RecordNotFound(_("There is no person with id {id}.").format(id=person_id))
    return row


def _record(row: PersonRow) -> PersonRecord:
    return PersonRecord(
        person_id=row.id, name=row.name, pronouns=row.pronouns, archived=row.archived
    )
