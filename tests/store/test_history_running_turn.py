"""History's detail of a session running right now times the turn under way to now.

The log of a running circle ends when the turn started, so the detail folded from it alone
said the person speaking had spoken "0 s". The running app's heartbeat (every 5 s: the moment
and the session's elapsed seconds) tells how far the session has got; a quiet app's circle is
timed to its last sign of life, and the detail says when that was.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from circlekeeper.store import Store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.store.models import SessionRow
from tests.store.running_circle import SPEAKING, TURN_STARTS, running_circle


def _current_turn_seconds(queries: HistoryQueries, session_id: int) -> float:
    turn = queries.detail(session_id).summary.current_turn
    assert turn is not None, "the turn under way is in the detail"
    assert turn.person_id == "1"
    return turn.spoken


@pytest.mark.parametrize("leased", [True, False], ids=["leased", "unleased"])
def test_the_turn_under_way_shows_its_time_so_far(store: Store, leased: bool) -> None:
    session_id, journal = running_circle(store, leased=leased)
    journal.heartbeat(datetime.now(UTC), TURN_STARTS + SPEAKING)
    queries = HistoryQueries.for_store(store)
    spoken = _current_turn_seconds(queries, session_id)
    assert SPEAKING <= spoken <= SPEAKING + 30, spoken  # it said 0.0
    detail = queries.detail(session_id)
    assert detail.last_heard is None, "the app is alive: the person is speaking now"
    assert detail.summary.duration_seconds >= TURN_STARTS + SPEAKING - 1


def test_a_circle_whose_app_went_quiet_is_timed_to_its_last_sign_of_life(store: Store) -> None:
    session_id, journal = running_circle(store, leased=True)
    journal.heartbeat(datetime.now(UTC), TURN_STARTS + 40)
    quiet_since = datetime.now(UTC) - timedelta(minutes=10)
    with Session(store.engine) as s, s.begin():
        s.execute(
            update(SessionRow)
            .where(SessionRow.id == session_id)
            .values(lease_renewed_at=quiet_since, heartbeat_wall=quiet_since)
        )
    queries = HistoryQueries.for_store(store)
    assert _current_turn_seconds(queries, session_id) == pytest.approx(40.0)
    last_heard = queries.detail(session_id).last_heard
    assert last_heard is not None
    assert abs((last_heard - quiet_since).total_seconds()) < 1


def test_a_finished_session_is_not_timed_to_now(store: Store) -> None:
    session_id, journal = running_circle(store, leased=False)
    journal.heartbeat(datetime.now(UTC), TURN_STARTS + 10)
    store.sessions.finish(session_id, status="abandoned")
    detail = HistoryQueries.for_store(store).detail(session_id)
    assert detail.last_heard is None
    turn = detail.summary.current_turn
    assert turn is not None and turn.spoken == 0.0, "an abandoned log stops at its last event"
