"""History queries over a database seeded by the demo generator (real engine logs), on every
backend (SQLite, and PostgreSQL when configured: see ``tests/store/backends.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from circlekeeper.demo.seeding import seed_demo
from circlekeeper.history.records import SessionFilter, SessionOrder, SessionSort
from circlekeeper.store import Store, open_store
from circlekeeper.store import models as m
from circlekeeper.store.history.queries import HistoryQueries
from tests.store.backends import Backend

SESSIONS = 240


@pytest.fixture(scope="module")
def seeded(backend: Backend) -> Iterator[tuple[Store, HistoryQueries]]:
    store = open_store(backend.fresh("seeded"))
    seed_demo(store.engine, SESSIONS, seed=7)
    try:
        yield store, HistoryQueries.for_store(store)
    finally:
        store.close()


@pytest.fixture
def fresh(backend: Backend) -> Iterator[tuple[Store, HistoryQueries]]:
    store = open_store(backend.fresh("fresh"))
    seed_demo(store.engine, 80, seed=3)
    try:
        yield store, HistoryQueries.for_store(store)
    finally:
        store.close()


ANY = SessionFilter()
NEWEST = SessionOrder()


def all_pages(queries: HistoryQueries, filter=ANY, order=NEWEST, limit=17):
    rows, cursor = [], None
    while True:
        page = queries.sessions(filter, order, after=cursor, limit=limit)
        rows.extend(page.rows)
        cursor = page.next_cursor
        if cursor is None:
            return rows


def test_pages_cover_every_session_once_newest_first(seeded) -> None:
    _, queries = seeded
    first = queries.sessions(limit=25, with_total=True)
    assert first.total == SESSIONS
    rows = all_pages(queries)
    assert len(rows) == SESSIONS
    assert len({r.session_id for r in rows}) == SESSIONS
    starts = [r.started_at for r in rows]
    assert starts == sorted(starts, reverse=True)
    assert rows[:25] == list(first.rows)


@pytest.mark.parametrize("key", list(SessionSort))
@pytest.mark.parametrize("descending", [True, False])
def test_every_sort_orders_across_page_boundaries(seeded, key, descending) -> None:
    _, queries = seeded
    rows = all_pages(queries, order=SessionOrder(key, descending), limit=31)
    assert len({r.session_id for r in rows}) == SESSIONS
    value = {
        SessionSort.STARTED: lambda r: r.started_at,
        SessionSort.CIRCLE: lambda r: (r.circle_name, r.started_at),
        SessionSort.PRESENT: lambda r: -1 if r.present_count is None else r.present_count,
        SessionSort.DURATION: lambda r: -1 if r.duration_seconds is None else r.duration_seconds,
        SessionSort.FAIRNESS: lambda r: -1 if r.fairness is None else r.fairness,
        SessionSort.STATUS: lambda r: r.status,
    }[key]
    keys = [(value(r), r.session_id) for r in rows]
    assert keys == sorted(keys, reverse=descending)


def test_filters_by_circle_dates_status_and_person(seeded) -> None:
    store, queries = seeded
    everything = all_pages(queries)
    circle_id = everything[0].circle_id
    by_circle = all_pages(queries, SessionFilter(circle_id=circle_id))
    assert by_circle and {r.circle_id for r in by_circle} == {circle_id}
    assert len(by_circle) == sum(1 for r in everything if r.circle_id == circle_id)

    middle = everything[len(everything) // 2].started_at
    since = all_pages(queries, SessionFilter(since=middle))
    until = all_pages(queries, SessionFilter(until=middle))
    assert all(r.started_at >= middle for r in since)
    assert all(r.started_at < middle for r in until)
    assert len(since) + len(until) == SESSIONS

    abandoned = all_pages(queries, SessionFilter(status="abandoned"))
    assert abandoned and {r.status for r in abandoned} == {"abandoned"}
    assert queries.count(SessionFilter(status="ended")) == SESSIONS - len(abandoned)

    person = store.people.members(circle_id)[0]
    theirs = all_pages(queries, SessionFilter(person_id=person.person_id))
    for row in theirs[:10]:
        people = {p.person_id for p in queries.detail(row.session_id).summary.people}
        assert str(person.person_id) in people
    assert len(theirs) == queries.person(person.person_id).sessions_attended


def test_text_search_finds_prompts_and_summaries_case_insensitively(seeded) -> None:
    _, queries = seeded
    prompt = queries.detail(queries.sessions(limit=1).rows[0].session_id).plan[0].prompt
    needle = prompt[3:20]
    found = all_pages(queries, SessionFilter(text=f"  {needle.upper()} "))
    assert found
    assert len(found) < SESSIONS
    for row in found[:5]:
        detail = queries.detail(row.session_id)
        texts = [p.prompt for p in detail.plan] + [u.text for u in detail.prompts]
        assert any(needle.lower() in t.lower() for t in texts)
    shared = all_pages(queries, SessionFilter(text="thank you for listening"))
    assert shared
    assert all(
        "thank you for listening" in queries.detail(r.session_id).shareable.lower()
        for r in shared[:5]
    )


@pytest.mark.parametrize("text", ["%", "_", "<b>&amp;", "🙂", "שלום", "x" * 10_000, "a' OR 1=1 --"])
def test_odd_search_text_is_taken_literally(seeded, text) -> None:
    _, queries = seeded
    assert queries.count(SessionFilter(text=text)) == 0
    assert queries.sessions(SessionFilter(text=text)).rows == ()


def test_speaking_balance_is_relative_time_over_the_last_sessions(seeded) -> None:
    _, queries = seeded
    circle_id = queries.circle_choices()[0].item_id
    recent = [
        r for r in all_pages(queries, SessionFilter(circle_id=circle_id)) if r.status != "live"
    ][:5]
    over: dict[int, float] = {}
    equal: dict[int, float] = {}
    for row in recent:
        summary = queries.detail(row.session_id).summary
        if not summary.equal_share:
            continue
        for person in summary.people:
            pid = int(person.person_id)
            over[pid] = over.get(pid, 0.0) + person.spoken_total - summary.equal_share
            equal[pid] = equal.get(pid, 0.0) + summary.equal_share
    expected = {pid: over[pid] / equal[pid] for pid in over}
    balance = queries.speaking_balance(circle_id, last_sessions=5)
    assert balance.keys() == expected.keys()
    for pid, value in expected.items():
        assert balance[pid] == pytest.approx(value)
    least = queries.least_heard(circle_id, last_sessions=5)
    assert [e.balance for e in least] == sorted(e.balance for e in least)


def test_person_and_circle_history_agree_with_the_sessions(seeded) -> None:
    store, queries = seeded
    circle = queries.circle_choices()[0]
    history = queries.circle(circle.item_id)
    rows = all_pages(queries, SessionFilter(circle_id=circle.item_id))
    assert history.sessions_held == len(rows)
    fair = [r.fairness for r in rows if r.fairness is not None]
    assert history.average_fairness == pytest.approx(sum(fair) / len(fair))
    assert sum(mf.sessions for mf in history.months) == len(rows)
    assert history.prompts and history.prompts[0].uses >= history.prompts[-1].uses

    member = store.people.members(circle.item_id)[0]
    person = queries.person(member.person_id)
    attendance = next(a for a in person.circles if a.circle_id == circle.item_id)
    assert attendance.held == len(rows)
    assert attendance.attended == sum(1 for p in person.points if p.circle_id == circle.item_id)
    assert attendance.longest_streak >= attendance.current_streak
    assert person.passes == sum(p.passes for p in person.points)


def test_delete_session_takes_its_log_and_figures(fresh) -> None:
    store, queries = fresh
    victim = queries.sessions(limit=1).rows[0]
    before = queries.count()
    queries.delete_session(victim.session_id)
    assert queries.count() == before - 1
    with store.engine.connect() as conn:
        for model in (m.EventRow, m.SessionPersonRow, m.PromptUseRow, m.MoodRow):
            left = conn.execute(
                select(func.count()).select_from(model).where(model.session_id == victim.session_id)
            ).scalar_one()
            assert left == 0
    with pytest.raises(KeyError):
        queries.listing(victim.session_id)


def test_sessions_hidden_meanwhile_are_left_out_of_every_page_and_count(seeded) -> None:
    """A session deleted in History but not yet in the store (its undo still open)."""
    _store, queries = seeded
    first, second = queries.sessions(limit=2).rows
    hidden = SessionFilter(hidden=frozenset({first.session_id, second.session_id}))
    everyone = [row.session_id for row in all_pages(queries)]
    assert [row.session_id for row in all_pages(queries, hidden)] == everyone[2:]
    assert queries.count(hidden) == queries.count() - 2
    page = queries.sessions(hidden, NEWEST, limit=5, with_total=True)
    assert page.total == len(everyone) - 2


def test_a_session_may_be_deleted_and_its_notes_are_counted_first(fresh) -> None:
    from circlekeeper.vault import NotesService, Vault, fast_settings

    store, queries = fresh
    victim = queries.sessions(limit=1).rows[0].session_id
    before = queries.deletion(victim)
    assert before.refused is None
    vault = Vault(store.vault_header, kdf=fast_settings(), idle_minutes=None)
    vault.create("a passphrase long enough to pass")
    notes = NotesService(vault, store.notes)
    notes.add("one", victim)
    notes.add("two", victim)
    assert queries.deletion(victim).notes == before.notes + 2
    queries.delete_session(victim)
    assert notes.for_session(victim) == []


def test_retention_deletes_everything_older_and_nothing_newer(fresh) -> None:
    store, queries = fresh
    circle_id = queries.circle_choices()[1].item_id
    rows = all_pages(queries)
    mine = [r for r in rows if r.circle_id == circle_id]
    others = {r.session_id: r for r in rows if r.circle_id != circle_id}
    cut_at = sorted(r.started_at for r in mine)[len(mine) // 2]
    now = cut_at + timedelta(days=30)

    preview = queries.retention_preview(circle_id, 30, now=now)
    older = [r for r in mine if r.started_at < cut_at]
    newer = [r for r in mine if r.started_at >= cut_at]
    assert preview.cutoff == cut_at
    assert preview.sessions == len(older) > 0
    assert preview.oldest == min(r.started_at for r in older)
    assert [s.session_id for s in preview.sample] == [
        r.session_id for r in sorted(older, key=lambda r: (r.started_at, r.session_id))
    ][: len(preview.sample)]
    events_before = {r.session_id: len(store.sessions.entries(r.session_id)) for r in newer[:5]}

    assert queries.apply_retention(circle_id, 30, now=now) == len(older)
    after = {r.session_id: r for r in all_pages(queries)}
    left_in_circle = [r for r in after.values() if r.circle_id == circle_id]
    assert all(r.started_at >= cut_at for r in left_in_circle)  # nothing older survives
    assert {r.session_id for r in left_in_circle} == {r.session_id for r in newer}
    assert {sid: after[sid] for sid in others} == others  # other circles untouched
    for session_id, count in events_before.items():
        assert len(store.sessions.entries(session_id)) == count
    assert queries.retention_preview(circle_id, 30, now=now).sessions == 0


def test_retention_never_takes_a_live_session(fresh) -> None:
    store, queries = fresh
    circle_id = queries.circle_choices()[0].item_id
    old = datetime(2001, 1, 1, tzinfo=UTC)
    live = store.sessions.create(
        circle_id, facilitators=("Robin",), plan=(), started_at=old, timezone="UTC", people=()
    )
    assert queries.apply_retention(circle_id, 1) > 0
    assert store.sessions.get(live).status == "live"


@pytest.mark.parametrize("key", [SessionSort.FAIRNESS, SessionSort.DURATION, SessionSort.PRESENT])
def test_empty_figures_page_last_when_newest_first_and_first_otherwise(fresh, key) -> None:
    store, queries = fresh
    circle_id = queries.circle_choices()[0].item_id
    live = [
        store.sessions.create(
            circle_id,
            facilitators=("Robin",),
            plan=(),
            started_at=datetime(2020, 1, day, tzinfo=UTC),
            timezone="UTC",
            people=(),
        )
        for day in range(1, 6)
    ]
    total = queries.count()
    down = all_pages(queries, order=SessionOrder(key, True), limit=7)
    up = all_pages(queries, order=SessionOrder(key, False), limit=7)
    assert len(down) == len(up) == total
    assert len({r.session_id for r in down}) == total
    assert [r.session_id for r in down[-5:]] == sorted(live, reverse=True)
    assert [r.session_id for r in up[:5]] == sorted(live)


def test_retention_due_lists_only_circles_with_a_period_and_something_to_delete(fresh) -> None:
    store, queries = fresh
    first, second, third = (c.item_id for c in queries.circle_choices()[:3])
    now = datetime(2026, 11, 20, tzinfo=UTC)
    assert queries.retention_due(now=now) == []
    queries.set_retention(first, 60)
    queries.set_retention(second, 36_500)  # a century: nothing is that old
    due = queries.retention_due(now=now)
    assert [p.circle_id for p in due] == [first]
    assert due[0].sessions == queries.retention_preview(first, 60, now=now).sessions > 0
    assert store.circles.get(third).retention_days is None


@pytest.mark.parametrize("rare", [0, 10**9])
def test_text_search_gives_the_same_pages_whichever_way_it_looks(seeded, monkeypatch, rare) -> None:
    import circlekeeper.store.history.sessions as history_sessions

    store, queries = seeded
    needle = queries.detail(queries.sessions(limit=1).rows[0].session_id).plan[-1].prompt[:12]
    matching = set()
    for row in all_pages(queries, limit=100):
        detail = queries.detail(row.session_id)
        texts = [p.prompt for p in detail.plan] + [u.text for u in detail.prompts]
        if any(needle.lower() in t.lower() for t in [*texts, detail.shareable]):
            matching.add(row.session_id)
    assert 0 < len(matching) < SESSIONS
    monkeypatch.setattr(history_sessions, "RARE_TEXT", rare)
    searching = HistoryQueries.for_store(store)
    for key in (SessionSort.STARTED, SessionSort.CIRCLE, SessionSort.FAIRNESS):
        order = SessionOrder(key, True)
        rows = all_pages(searching, SessionFilter(text=needle), order)
        expected = [r for r in all_pages(queries, order=order) if r.session_id in matching]
        assert [r.session_id for r in rows] == [r.session_id for r in expected]


def test_the_pickers_list_every_circle_and_person_by_name(fresh) -> None:
    """The pickers' lists are read straight from the driver (thousands of people on each
    showing of the history): the same circles, people, demo marks and order as SQLAlchemy's
    own reading of the tables, on every backend, archived circles left out when asked."""
    store, queries = fresh
    c, p = m.CircleRow, m.PersonRow
    store.circles.archive(queries.circle_choices()[0].item_id)
    with store.engine.connect() as conn:
        circles = conn.execute(select(c.id, c.name, c.demo).order_by(c.name)).all()
        active = (
            conn.execute(select(c.id).where(c.archived.is_(False)).order_by(c.name)).scalars().all()
        )
        people = conn.execute(select(p.id, p.name).order_by(p.name, p.id)).all()
    listed = queries.circle_choices()
    assert [(x.item_id, x.name, x.demo) for x in listed] == [tuple(r) for r in circles]
    assert all(type(x.demo) is bool and type(x.item_id) is int for x in listed)
    assert [x.item_id for x in queries.circle_choices(include_archived=False)] == active
    assert len(active) == len(circles) - 1
    assert [(x.item_id, x.name) for x in queries.people_choices()] == [tuple(r) for r in people]
