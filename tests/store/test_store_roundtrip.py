"""Whatever a person types comes back from the store exactly (property-based)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from circlekeeper.session import Participant
from circlekeeper.store import CircleRecord, open_store
from tests.store.samples import START, play_short_session

names = st.text(min_size=1, max_size=300).filter(lambda s: s.strip() != "")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(first=names, second=names, pronouns=st.text(max_size=40))
def test_names_and_logs_round_trip(tmp_path: Path, first: str, second: str, pronouns: str) -> None:
    path = tmp_path / "roundtrip.sqlite3"
    with open_store(path) as store:
        existing = store.circles.by_name("Round trip")
        circle_id = (
            existing.circle_id
            if existing is not None and existing.circle_id is not None
            else store.circles.save(CircleRecord(None, "Round trip"))
        )
        a = store.people.add(first, pronouns, [circle_id])
        b = store.people.add(second, circle_ids=[circle_id])
        assert store.people.get(a.person_id).name == first.strip()
        assert store.people.get(a.person_id).pronouns == pronouns.strip()
        sid = store.sessions.create(
            circle_id,
            facilitators=(first,),
            plan=(),
            started_at=START,
            timezone="UTC",
            people=(a.person_id, b.person_id),
        )
        people = (
            Participant(str(a.person_id), first, pronouns),
            Participant(str(b.person_id), second),
        )
        log = play_short_session(people, sink=lambda entry: store.sessions.append(sid, entry))
        assert store.sessions.entries(sid) == log
        assert store.sessions.get(sid).facilitators == (first,)
