"""Seeding demo data in bulk: many finished sessions in few transactions.

The repositories commit each event on its own (what a live circle needs); seeding 100,000
sessions that way would take hours. Here a batch of finished sessions goes in per transaction
with exactly the rows and derived figures :meth:`SessionRepository.finish` would have stored
(the same search text, the same ``session_people`` figures), so history reads them alike.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, insert, select
from sqlalchemy.orm import Session

from circlekeeper.demo.data import (
    DemoCircle,
    DemoSession,
    StoredCircle,
    circle_count_for,
    drive_sessions,
    plan_roster,
)
from circlekeeper.session import events as ev
from circlekeeper.store import codec
from circlekeeper.store import models as m
from circlekeeper.store.sessions import _search_text

log = logging.getLogger(__name__)

BATCH = 500
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class SeedReport:
    circles: int
    people: int
    sessions: int
    events: int
    seconds: float


def store_roster(engine: Engine, roster: Iterable[DemoCircle]) -> list[StoredCircle]:
    """Insert the demo circles and their members in one transaction.

    A name already taken (the demo seeded twice) gets a number, since circle names are unique.
    """
    with Session(engine) as s, s.begin():
        taken = set(s.scalars(select(m.CircleRow.name)))
        result = []
        for circle in roster:
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
            if name != circle.name:
                circle = _renamed(circle, name)
            result.append(StoredCircle(row.id, circle, tuple(p.id for p in people)))
        return result


def _renamed(circle: DemoCircle, name: str) -> DemoCircle:
    return replace(circle, name=name)


def seed_demo(
    engine: Engine,
    sessions: int,
    seed: int = 1,
    *,
    end: datetime | None = None,
    progress: Progress | None = None,
) -> SeedReport:
    """Invent circles and people, drive ``sessions`` sessions through the engine, store all."""
    began = time.perf_counter()
    roster = plan_roster(seed, circle_count_for(sessions))
    stored = store_roster(engine, roster)
    with engine.connect() as conn:
        next_id = int(
            conn.execute(select(func.coalesce(func.max(m.SessionRow.id), 0))).scalar_one()
        )
    events = 0
    done = 0
    batch: list[tuple[int, DemoSession]] = []
    for demo in drive_sessions(stored, sessions, seed, end=end):
        next_id += 1
        batch.append((next_id, demo))
        if len(batch) >= BATCH:
            events += write_sessions(engine, batch)
            done += len(batch)
            batch = []
            if progress is not None:
                progress(done, sessions)
    if batch:
        events += write_sessions(engine, batch)
        done += len(batch)
        if progress is not None:
            progress(done, sessions)
    people = sum(len(c.member_ids) for c in stored)
    seconds = time.perf_counter() - began
    log.info("Seeded %d demo sessions (%d events) in %.1f s", done, events, seconds)
    return SeedReport(len(stored), people, done, events, seconds)


def write_sessions(engine: Engine, batch: list[tuple[int, DemoSession]]) -> int:
    """Insert finished sessions (ids chosen by the caller) in one transaction; returns events."""
    session_rows = []
    event_rows = []
    people_rows = []
    use_rows = []
    mood_rows = []
    for session_id, demo in batch:
        summary = demo.summary
        uses = [p.text for p in demo.prompts]
        session_rows.append(
            {
                "id": session_id,
                "circle_id": demo.circle_id,
                "facilitators_json": codec.texts_to_json(demo.facilitators),
                "co_facilitators_json": codec.texts_to_json(demo.co_facilitators),
                "plan_json": codec.plan_to_json(demo.plan),
                "started_at": demo.started_at,
                "ended_at": demo.ended_at,
                "timezone": demo.timezone,
                "status": demo.status,
                "shareable": demo.shareable,
                "heartbeat_wall": demo.ended_at,
                "heartbeat_elapsed": demo.entries[-1].elapsed,
                "event_count": len(demo.entries),
                "present_count": summary.present_count if summary.people else None,
                "duration_seconds": summary.duration_seconds,
                "fairness": summary.jain_index,
                "search_text": _search_text(demo.plan, demo.entries, demo.shareable, uses),
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
            for entry in demo.entries
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
                "used_at": demo.started_at,
            }
            for use in demo.prompts
        )
        mood_rows.extend(
            {
                "session_id": session_id,
                "moment": counts.moment,
                "counts_json": codec.dumps(
                    {str(int(k)): int(v) for k, v in sorted(counts.counts.items())}
                ),
            }
            for counts in demo.moods
        )
    with engine.begin() as conn:
        conn.execute(insert(m.SessionRow), session_rows)
        _advance_id_sequence(conn, m.SessionRow.__table__)
        _insert_many(conn, m.EventRow.__table__, event_rows)
        if people_rows:
            conn.execute(insert(m.SessionPersonRow), people_rows)
        if use_rows:
            conn.execute(insert(m.PromptUseRow), use_rows)
        if mood_rows:
            conn.execute(insert(m.MoodRow), mood_rows)
    return len(event_rows)


def _advance_id_sequence(conn: Connection, table: Table) -> None:
    """After rows went in with explicit ids, move a server's id sequence past them.

    SQLite picks ``max(id) + 1`` for the next row by itself; PostgreSQL draws ids from a
    sequence that explicit ids do not advance, so without this the next session the app
    creates would collide with a seeded one (``duplicate key … pk_sessions``).
    """
    if conn.dialect.name != "postgresql":
        return
    highest = select(func.max(table.c.id)).scalar_subquery()
    conn.execute(select(func.setval(func.pg_get_serial_sequence(table.name, "id"), highest)))


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


def seed_demo_circle(engine: Engine, sessions: int = 8, seed: int = 1) -> int:
    """One demo circle with ``sessions`` past sessions (the welcome page's *look around*);
    returns its id. Played through the real engine like every other demo session."""
    (stored,) = store_roster(engine, plan_roster(seed, 1))
    with engine.connect() as conn:
        next_id = int(
            conn.execute(select(func.coalesce(func.max(m.SessionRow.id), 0))).scalar_one()
        )
    batch = [
        (next_id + number, demo)
        for number, demo in enumerate(drive_sessions([stored], sessions, seed), start=1)
    ]
    write_sessions(engine, batch)
    return stored.circle_id
