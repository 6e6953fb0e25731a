"""Writing many finished sessions in few transactions (the demo data, benchmarks).

The repositories commit each event on its own (what a live circle needs); seeding 100,000
sessions that way would take hours. Here a batch of finished sessions goes in per transaction
with exactly the rows and derived figures :meth:`SessionRepository.finish` would have stored
(the same search text, the same ``session_people`` figures), so history reads them alike.

The shapes it writes are protocols: whoever makes the sessions (:mod:`circlekeeper.demo`)
depends on the store, never the other way round.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, Table, func, insert, select
from sqlalchemy.orm import Session

from circlekeeper.session import events as ev
from circlekeeper.session.cadence import Cadence
from circlekeeper.session.model import RoundPlan
from circlekeeper.session.prompts import MoodCounts
from circlekeeper.session.summary import SessionSummary
from circlekeeper.store import codec
from circlekeeper.store import models as m
from circlekeeper.store.sessions.search import search_text


class BulkPerson(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def pronouns(self) -> str: ...


class BulkCircle(Protocol):
    """A circle and its members, in seating order."""

    @property
    def name(self) -> str: ...

    @property
    def description(self) -> str: ...

    @property
    def agreements(self) -> Sequence[str]: ...

    @property
    def default_plan(self) -> Sequence[RoundPlan]: ...

    @property
    def facilitators(self) -> Sequence[str]: ...

    @property
    def mood_enabled(self) -> bool: ...

    @property
    def cadence(self) -> Cadence: ...

    @property
    def members(self) -> Sequence[BulkPerson]: ...


class BulkPromptUse(Protocol):
    @property
    def round_index(self) -> int: ...

    @property
    def text(self) -> str: ...


class BulkSession(Protocol):
    """A finished session of a stored circle: its log and the summary folded from it."""

    @property
    def circle_id(self) -> int: ...

    @property
    def started_at(self) -> datetime: ...

    @property
    def ended_at(self) -> datetime | None: ...

    @property
    def timezone(self) -> str: ...

    @property
    def facilitators(self) -> Sequence[str]: ...

    @property
    def co_facilitators(self) -> Sequence[str]: ...

    @property
    def plan(self) -> Sequence[RoundPlan]: ...

    @property
    def entries(self) -> Sequence[ev.Entry]: ...

    @property
    def summary(self) -> SessionSummary: ...

    @property
    def status(self) -> str: ...

    @property
    def shareable(self) -> str: ...

    @property
    def prompts(self) -> Sequence[BulkPromptUse]: ...

    @property
    def moods(self) -> Sequence[MoodCounts]: ...


@dataclass(frozen=True, slots=True)
class InsertedCircle:
    """Where a circle landed: its id, the name it got, its members' ids in seating order."""

    circle_id: int
    name: str
    member_ids: tuple[int, ...]


def insert_circles(
    engine: Engine, circles: Iterable[BulkCircle], *, demo: bool = False
) -> list[InsertedCircle]:
    """Insert circles and their members in one transaction; ``demo`` marks them as made up
    (the demo data), so every list and printout can say so.

    A name already taken (the demo seeded twice) gets a number, since circle names are unique.
    """
    with Session(engine) as s, s.begin():
        taken = set(s.scalars(select(m.CircleRow.name)))
        result = []
        for circle in circles:
            name = circle.name
            number = 2
            while name in taken:
                name = f"{circle.name} ({number})"
                number += 1
            taken.add(name)
            row = m.CircleRow(
                name=name,
                description=circle.description,
                agreements_json=codec.texts_to_json(circle.agreements),
                default_plan_json=codec.plan_to_json(circle.default_plan),
                facilitators_json=codec.texts_to_json(circle.facilitators),
                archived=False,
                privacy="counts",
                mood_enabled=circle.mood_enabled,
                demo=demo,
                cadence=circle.cadence.kind.value,
                cadence_since=circle.cadence.since,
            )
            people = [
                m.PersonRow(name=p.name, pronouns=p.pronouns, archived=False)
                for p in circle.members
            ]
            s.add(row)
            s.add_all(people)
            s.flush()
            s.add_all(
                m.CircleMemberRow(circle_id=row.id, person_id=person.id, position=i + 1)
                for i, person in enumerate(people)
            )
            result.append(InsertedCircle(row.id, name, tuple(p.id for p in people)))
        return result


def reserve_session_ids(engine: Engine, count: int) -> list[int]:
    """``count`` session ids nobody else will get, for rows written with explicit ids.

    On PostgreSQL they are drawn from the ``sessions.id`` sequence itself (``nextval`` is
    atomic and never hands a value out twice), so sessions the app or another facilitator
    creates meanwhile never collide with demo ones. A SQLite file has one writer at a time
    (the writer lock), so the ids after the highest one are free.
    """
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            sequence = func.pg_get_serial_sequence(m.SessionRow.__tablename__, "id")
            drawn = conn.execute(
                select(func.nextval(sequence)).select_from(func.generate_series(1, count))
            )
            return sorted(int(value) for value in drawn.scalars())
        highest = int(
            conn.execute(select(func.coalesce(func.max(m.SessionRow.id), 0))).scalar_one()
        )
    return list(range(highest + 1, highest + count + 1))


def write_sessions(engine: Engine, batch: Sequence[tuple[int, BulkSession]]) -> int:
    """Insert finished sessions (ids chosen by the caller) in one transaction; returns events."""
    session_rows: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []
    people_rows: list[dict[str, Any]] = []
    use_rows: list[dict[str, Any]] = []
    mood_rows: list[dict[str, Any]] = []
    for session_id, finished in batch:
        summary = finished.summary
        uses = [p.text for p in finished.prompts]
        session_rows.append(
            {
                "id": session_id,
                "circle_id": finished.circle_id,
                "facilitators_json": codec.texts_to_json(finished.facilitators),
                "co_facilitators_json": codec.texts_to_json(finished.co_facilitators),
                "plan_json": codec.plan_to_json(finished.plan),
                "started_at": finished.started_at,
                "ended_at": finished.ended_at,
                "timezone": finished.timezone,
                "status": finished.status,
                "shareable": finished.shareable,
                "heartbeat_wall": finished.ended_at,
                "heartbeat_elapsed": finished.entries[-1].elapsed,
                "event_count": len(finished.entries),
                "present_count": summary.present_count if summary.people else None,
                "duration_seconds": summary.duration_seconds,
                "fairness": summary.jain_index,
                "search_text": search_text(
                    finished.plan, finished.entries, finished.shareable, uses
                ),
                # Invented, not run by anyone: the typed names show, as before 0010 (which
                # would otherwise default it to the login role; a facilitator's still is).
                "run_by": None,
            }
        )
        event_rows.extend(
            {
                "session_id": session_id,
                "seq": entry.seq,
                "kind": entry.event.kind,
                "payload": codec.dumps(ev.to_payload(entry.event)),
                "wall": entry.wall,
                "elapsed": float(entry.elapsed),
            }
            for entry in finished.entries
        )
        people_rows.extend(
            {
                "session_id": session_id,
                "person_id": int(person.person_id),
                "spoken_seconds": person.spoken_total,
                "passes": person.passes,
                "equal_share": summary.equal_share_of(person),
                "joined_late": person.joined_late,
                "left_early": person.left_early,
            }
            for person in summary.people
        )
        use_rows.extend(
            {
                "session_id": session_id,
                "round_index": use.round_index,
                "text": use.text,
                "prompt_id": None,
                "person_id": None,
                "used_at": finished.started_at,
            }
            for use in finished.prompts
        )
        mood_rows.extend(
            {
                "session_id": session_id,
                "moment": counts.moment,
                "counts_json": codec.dumps(
                    {str(int(k)): int(v) for k, v in sorted(counts.counts.items())}
                ),
            }
            for counts in finished.moods
        )
    with engine.begin() as conn:
        conn.execute(insert(m.SessionRow), session_rows)
        _insert_many(conn, _table(m.EventRow), event_rows)
        if people_rows:
            conn.execute(insert(m.SessionPersonRow), people_rows)
        if use_rows:
            conn.execute(insert(m.PromptUseRow), use_rows)
        if mood_rows:
            conn.execute(insert(m.MoodRow), mood_rows)
    return len(event_rows)


def _table(model: type[m.Base]) -> Table:
    """The model's table (typed as any FROM clause by SQLAlchemy; ours are all tables)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _insert_many(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """``INSERT`` many rows; on SQLite straight through the driver's ``executemany``.

    SQLAlchemy's per-row parameter processing is most of the cost of writing millions of
    events, so on SQLite the values are converted once with the columns' own bind processors
    (the very same conversion SQLAlchemy would apply) and handed to the driver in one call.
    """
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    names = list(rows[0])
    processors = [table.c[name].type.bind_processor(conn.dialect) for name in names]
    marks = ", ".join("?" for _ in names)
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})"
    values = [
        tuple(
            value if process is None else process(value)
            for value, process in zip(row.values(), processors, strict=True)
        )
        for row in rows
    ]
    conn.exec_driver_sql(sql, values)
