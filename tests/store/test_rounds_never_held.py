"""A round the circle never reached was not heard: not in history, "Heard in", PDFs or files.

The plan's prompts are recorded when a circle begins (so a drawn prompt is remembered even if
the app crashes); ending the circle during Sharing must take the check-out prompt back out.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert

from circlekeeper.commands.report_input import session_report
from circlekeeper.reports import Privacy, render_session
from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.session.interchange.session_file import document_from_log, dump_session
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.session.prompts import PromptUse
from circlekeeper.store import CircleRecord, Store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.store.journal import StoreJournal
from circlekeeper.store.models import PromptUseRow
from tests.reports.conftest import pdf_text, words

pytestmark = pytest.mark.sqlite_only

START = datetime(2026, 11, 24, 17, 30, tzinfo=UTC)
NEVER_HEARD = "How was it for you to be here tonight?"
PLAN = (
    RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), prompt="How are you arriving?"),
    RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(600), prompt="What gave you hope?"),
    RoundPlan(RoundKind.CHECK_OUT, TimePolicy.fixed(60), prompt=NEVER_HEARD),
)


def _ended_during_sharing(store: Store) -> tuple[int, int]:
    circle = store.circles.save(CircleRecord(None, "Tuesday"))
    names = ("Ada", "Bea", "Cy")
    people = tuple(store.people.add(n, circle_ids=[circle]).person_id for n in names)
    sid = store.sessions.create(
        circle,
        facilitators=("Robin",),
        plan=PLAN,
        started_at=START,
        timezone="UTC",
        people=people,
    )
    for index, plan in enumerate(PLAN):  # what the app records as the circle begins
        store.prompts.record_use(PromptUse(sid, index, plan.prompt, used_at=START))
    clock = FakeClock()
    origin = clock.now()
    session = CircleSession(
        clock,
        sink=StoreJournal(store, sid).append,
        wall=lambda: START + timedelta(seconds=clock.now() - origin),
    )
    session.start("Tuesday", [Participant(str(p), n) for p, n in zip(people, names, strict=True)])
    session.start_round(PLAN[0])
    for _ in people:
        session.start_turn()
        clock.advance(40)
        session.end_turn()
    session.end_round()
    session.start_round(PLAN[1])
    session.start_turn()
    clock.advance(200)
    session.end_turn()  # the facilitator ends the circle during Sharing
    session.end_round()
    session.end_session()
    store.sessions.finish(sid)
    return circle, sid


def test_the_round_never_reached_is_not_recorded_as_heard(store: Store) -> None:
    circle, sid = _ended_during_sharing(store)
    assert [u.round_index for u in store.prompts.uses_for_session(sid)] == [0, 1]
    heard_in_circle = [use.text for _when, use in store.prompts.uses_for_circle(circle)]
    assert NEVER_HEARD not in heard_in_circle  # so the no-repeat draw may offer it again
    detail = HistoryQueries.for_store(store).detail(sid)
    assert [u.text for u in detail.prompts] == ["How are you arriving?", "What gave you hope?"]
    for privacy in (Privacy.NAMES, Privacy.COUNTS):
        summary, context = session_report(store, sid, privacy=privacy, invariant=True)
        text = words(pdf_text(render_session(summary, context)))
        assert "What gave you hope?" in text
        assert "How was it for you" not in text


def test_a_session_stored_by_an_earlier_version_still_prints_and_exports_the_truth(
    store: Store,
) -> None:
    """Uses of a round never held (left by earlier versions) are filtered where they are read."""
    _circle, sid = _ended_during_sharing(store)
    with store.engine.begin() as connection:
        connection.execute(
            insert(PromptUseRow).values(
                session_id=sid, round_index=2, text=NEVER_HEARD, used_at=START
            )
        )
    assert [u.text for u in HistoryQueries.for_store(store).detail(sid).prompts] == [
        "How are you arriving?",
        "What gave you hope?",
    ]
    for privacy in (Privacy.NAMES, Privacy.COUNTS):
        summary, context = session_report(store, sid, privacy=privacy, invariant=True)
        pages = [words(p) for p in pdf_text(render_session(summary, context)).split("\f")]
        assert not any("How was it for you" in page for page in pages)
    doc = document_from_log(
        store.sessions.entries(sid),
        round_plan=PLAN,
        prompt_uses=store.prompts.uses_for_session(sid),
    )
    data = json.loads(dump_session(doc))
    assert [u["round"] for u in data["prompt_uses"]] == [0, 1]


def test_upgrading_corrects_what_earlier_versions_stored(db_path) -> None:
    """0004 replays each finished session once: unheard prompts go, fairness follows the rule."""
    from alembic import command

    from circlekeeper.store import migrate, open_store
    from circlekeeper.store.database import make_engine
    from circlekeeper.store.location import resolve

    with open_store(db_path) as store:
        _circle, sid = _ended_during_sharing(store)
        right = store.sessions.get(sid).fairness
    engine = make_engine(resolve(db_path), foreign_keys=False)
    try:
        config = migrate.alembic_config()
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0002_history_sort")
            # What an earlier version left behind.
            connection.execute(
                insert(PromptUseRow).values(
                    session_id=sid, round_index=2, text=NEVER_HEARD, used_at=START
                )
            )
            connection.exec_driver_sql("UPDATE sessions SET fairness = 1.0")
            connection.exec_driver_sql("UPDATE session_people SET equal_share = 99")
    finally:
        engine.dispose()
    with open_store(db_path) as store:
        assert [u.round_index for u in store.prompts.uses_for_session(sid)] == [0, 1]
        assert store.sessions.get(sid).fairness == pytest.approx(right)
        with store.engine.connect() as connection:
            shares = connection.exec_driver_sql(
                "SELECT equal_share FROM session_people WHERE session_id = ? ORDER BY person_id",
                (sid,),
            ).fetchall()
    assert all(share != 99 for (share,) in shares)
