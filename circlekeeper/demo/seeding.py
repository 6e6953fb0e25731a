"""Demo circles into a database: invent them, play them through the engine, write them in bulk.

This is where the demo meets the store; the generator beside it knows no SQL, and the store's
bulk writer (:mod:`circlekeeper.store.bulk`) knows nothing of demos.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Engine

from circlekeeper.demo.roster import DemoCircle, StoredCircle, circle_count_for, plan_roster
from circlekeeper.demo.sessions import DemoSession, drive_sessions
from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _
from circlekeeper.store.bulk import insert_circles, reserve_session_ids, write_sessions

log = logging.getLogger(__name__)

BATCH = 500
"""Sessions per transaction: large enough to be fast, small enough to report progress."""
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class SeedReport:
    circles: int
    people: int
    sessions: int
    events: int
    seconds: float


def store_roster(engine: Engine, roster: Sequence[DemoCircle]) -> list[StoredCircle]:
    """Insert the demo circles and their members, marked as demo circles; a circle renamed
    because its name was taken (the demo seeded twice) carries the name it got."""
    inserted = insert_circles(engine, roster, demo=True)
    return [
        StoredCircle(
            row.circle_id,
            circle if row.name == circle.name else replace(circle, name=row.name),
            row.member_ids,
        )
        for circle, row in zip(roster, inserted, strict=True)
    ]


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
    stored = store_roster(engine, plan_roster(seed, circle_count_for(sessions)))
    events = 0
    done = 0
    batch: list[DemoSession] = []
    for demo in drive_sessions(stored, sessions, seed, end=end):
        batch.append(demo)
        if len(batch) >= BATCH:
            events += _write_with_reserved_ids(engine, batch)
            done += len(batch)
            batch = []
            if progress is not None:
                progress(done, sessions)
    if batch:
        events += _write_with_reserved_ids(engine, batch)
        done += len(batch)
        if progress is not None:
            progress(done, sessions)
    people = sum(len(c.member_ids) for c in stored)
    seconds = time.perf_counter() - began
    log.info("Seeded %d demo sessions (%d events) in %.1f s", done, events, seconds)
    return SeedReport(len(stored), people, done, events, seconds)


def seed_demo_circle(engine: Engine, sessions: int = 8, seed: int = 1) -> int:
    """One demo circle with ``sessions`` past sessions (the welcome page's *look around*);
    returns its id. Played through the real engine like every other demo session."""
    (stored,) = store_roster(engine, plan_roster(seed, 1))
    _write_with_reserved_ids(engine, list(drive_sessions([stored], sessions, seed)))
    return stored.circle_id


def seed_welcome_demo(engine: Engine, seed: int) -> int:
    """The welcome page's look-around circle, on a database of the facilitator's own only.

    On an organization's server it is refused: its invented people and eight sessions would
    sit in every facilitator's circles, history and period reports (the welcome page shows
    on an empty organization database, so the first facilitator to look around would fill
    it for everyone)."""
    if engine.dialect.name != "sqlite":
        raise UserFacingError(
            _(
                "The demo circle is not made on your organization's server: its invented"
                " people and sessions would appear in every facilitator's history and reports."
                " To look around first, open CircleKeeper on a database of its own:"
                " circlekeeper --db ~/circlekeeper-demo.sqlite3"
            )
        )
    return seed_demo_circle(engine, sessions=8, seed=seed)


def _write_with_reserved_ids(engine: Engine, batch: list[DemoSession]) -> int:
    """Ids drawn from the database itself (a server's sequence), so sessions another
    facilitator creates meanwhile never collide with demo ones."""
    ids = reserve_session_ids(engine, len(batch))
    return write_sessions(engine, list(zip(ids, batch, strict=True)))
