"""Sessions as event logs: appended one committed transaction at a time, never twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, text

from circlekeeper.session import Participant, fold, summarize
from circlekeeper.session.prompts import MoodCounts, PromptUse
from circlekeeper.store import (
    CircleRecord,
    DuplicateEvent,
    InvalidRecord,
    RecordNotFound,
    SessionStatus,
    Store,
    StoreError,
)
from circlekeeper.store.journal import StoreJournal
from circlekeeper.vault.header import NoteRecord
from tests.store.samples import ODD_NAMES, PLAN, START, play_short_session


def setup_circle(
    store: Store, names: tuple[str, ...] = ("Ana", "Bo", "Chen")
) -> tuple[int, tuple[int, ...]]:
    circle_id = store.circles.save(CircleRecord(None, "Tuesday", default_plan=PLAN))
    people = tuple(store.people.add(n, circle_ids=[circle_id]).person_id for n in names)
    return circle_id, people


def create(store: Store, circle_id: int, people: tuple[int, ...]) -> int:
    return store.sessions.create(
        circle_id,
        facilitators=("Robin",),
        co_facilitators=("Sam",),
        plan=PLAN,
        started_at=START,
        timezone="Europe/Berlin",
        people=people,
    )


def participants(people: tuple[int, ...], names: tuple[str, ...]) -> tuple[Participant, ...]:
    return tuple(Participant(str(pid), name) for pid, name in zip(people, names, strict=True))


def test_a_new_session_is_live_with_its_plan_and_facilitators(store: Store) -> None:
    circle_id, people = setup_circle(store)
    sid = create(store, circle_id, people)
    record = store.sessions.get(sid)
    assert record.status == SessionStatus.LIVE == "live"
    assert record.circle_name == "Tuesday" and record.plan == PLAN
    assert (record.facilitators, record.co_facilitators) == (("Robin",), ("Sam",))
    assert record.started_at == START and record.started_at.tzinfo is not None
    assert record.timezone == "Europe/Berlin" and record.events == 0
    assert record.ended_at is None and record.fairness is None
    assert [r.session_id for r in store.sessions.live()] == [sid]
    with pytest.raises(RecordNotFound):
        create(store, 999, ())
    with pytest.raises(RecordNotFound):
        create(store, circle_id, (12345,))


def test_the_log_comes_back_exactly_as_it_was_appended(store: Store) -> None:
    circle_id, people = setup_circle(store, ODD_NAMES[:3])
    sid = create(store, circle_id, people)
    journal = StoreJournal(store, sid)
    log = play_short_session(participants(people, ODD_NAMES[:3]), sink=journal.append)
    stored = store.sessions.entries(sid)
    assert stored == log
    assert all(e.wall.tzinfo is not None for e in stored)
    assert fold(stored) == fold(log)
    assert store.sessions.get(sid).events == len(log)


def test_the_same_sequence_number_twice_is_refused_not_duplicated(store: Store) -> None:
    circle_id, people = setup_circle(store)
    sid = create(store, circle_id, people)
    log = play_short_session(participants(people, ("Ana", "Bo", "Chen")))
    store.sessions.append(sid, log[0])
    with pytest.raises(DuplicateEvent, match="already stored"):
        store.sessions.append(sid, log[0])
    with pytest.raises(DuplicateEvent):
        store.sessions.append(sid, log[1].__class__(1, 5.0, log[1].wall, log[1].event))
    assert store.sessions.entries(sid) == log[:1]
    assert store.sessions.get(sid).events == 1
    with pytest.raises(RecordNotFound):
        store.sessions.append(4040, log[0])


def test_an_append_is_on_disk_when_it_returns(store: Store) -> None:
    """Another connection (as after a crash) sees the entry as soon as append returns."""
    circle_id, people = setup_circle(store)
    sid = create(store, circle_id, people)
    log = play_short_session(participants(people, ("Ana", "Bo", "Chen")))
    other = create_engine(store.location.url)  # a plain connection, none of ours
    try:
        with other.connect() as connection:
            for entry in log[:5]:
                store.sessions.append(sid, entry)
                count = connection.execute(
                    text("SELECT count(*) FROM events WHERE session_id = :sid"), {"sid": sid}
                )
                assert count.scalar_one() == entry.seq
                connection.rollback()  # the next read sees what was committed since
    finally:
        other.dispose()


def test_heartbeats_record_when_the_app_was_last_alive(store: Store) -> None:
    circle_id, people = setup_circle(store)
    sid = create(store, circle_id, people)
    journal = StoreJournal(store, sid)
    journal.heartbeat(START + timedelta(seconds=5), 5.0)
    journal.heartbeat(START + timedelta(seconds=10), 10.25)
    record = store.sessions.get(sid)
    assert record.last_heartbeat_wall == START + timedelta(seconds=10)
    assert record.last_heartbeat_elapsed == 10.25


def test_finish_stores_the_figures_the_history_view_reads(store: Store) -> None:
    names = ("Ana", "Bo", "Chen")
    circle_id, people = setup_circle(store, names)
    sid = create(store, circle_id, people)
    log = play_short_session(participants(people, names), sink=StoreJournal(store, sid).append)
    store.prompts.record_use(PromptUse(sid, 0, "What Made You SMILE this week?"))
    store.sessions.set_shareable(sid, "We welcomed Chen. ✨")
    store.sessions.finish(sid)
    summary = summarize(log)
    record = store.sessions.get(sid)
    assert record.status == "ended" and store.sessions.live() == []
    assert record.ended_at == log[-1].wall
    assert record.present_count == 3
    assert record.duration_seconds == pytest.approx(summary.duration_seconds)
    assert record.fairness == pytest.approx(summary.jain_index)
    assert record.shareable == "We welcomed Chen. ✨"
    with store.engine.connect() as connection:
        search = connection.execute(
            text("SELECT search_text FROM sessions WHERE id = :sid"), {"sid": sid}
        ).scalar()
        rows = connection.execute(
            text(
                "SELECT person_id, spoken_seconds, passes, equal_share, joined_late, left_early"
                " FROM session_people WHERE session_id = :sid ORDER BY person_id"
            ),
            {"sid": sid},
        ).fetchall()
    assert "what made you smile this week?" in search
    assert "how are you arriving?" in search and "we welcomed chen. ✨" in search
    expected = [
        (
            int(p.person_id),
            pytest.approx(p.spoken_total),
            p.passes,
            None if not p.measured else pytest.approx(summary.equal_share),
            0,
            0,
        )
        for p in summary.people
    ]
    assert rows == expected
    assert rows[1][2] == 1  # Bo passed
    assert rows[1][3] is None  # and passing is a right: Bo is not measured against a share


def test_a_session_can_be_closed_as_abandoned_at_a_given_moment(store: Store) -> None:
    circle_id, people = setup_circle(store)
    sid = create(store, circle_id, people)
    when = datetime(2026, 3, 4, 19, 30, tzinfo=UTC)
    store.sessions.finish(sid, status="abandoned", ended_at=when)
    record = store.sessions.get(sid)
    assert (record.status, record.ended_at) == ("abandoned", when)
    with pytest.raises(InvalidRecord):
        store.sessions.finish(sid, status="live")


def test_deleting_a_session_takes_its_events_notes_uses_and_moods(store: Store) -> None:
    circle_id, people = setup_circle(store)
    sid = create(store, circle_id, people)
    keep = create(store, circle_id, people)
    log = play_short_session(participants(people, ("Ana", "Bo", "Chen")))
    for target in (sid, keep):
        for entry in log:
            store.sessions.append(target, entry)
        store.notes.add(NoteRecord(f"note-{target}", b"c", target))
        store.prompts.record_use(PromptUse(target, 0, "prompt"))
        store.moods.save(target, MoodCounts("check-in", {3: 1}))
    store.sessions.delete(sid)
    with pytest.raises(RecordNotFound):
        store.sessions.get(sid)
    assert store.sessions.entries(sid) == ()
    assert store.notes.for_session(sid) == [] and store.moods.for_session(sid) == []
    assert store.prompts.uses_for_session(sid) == []
    assert store.sessions.entries(keep) == log
    assert len(store.notes.for_session(keep)) == 1


def test_an_unreadable_stored_event_is_a_readable_error(store: Store) -> None:
    circle_id, people = setup_circle(store)
    sid = create(store, circle_id, people)
    log = play_short_session(participants(people, ("Ana", "Bo", "Chen")))
    store.sessions.append(sid, log[0])
    with store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE events SET payload = '{\"circle\": 5}'")
    with pytest.raises(StoreError, match=r"Event 1 of session \d+ cannot be read"):
        store.sessions.entries(sid)
