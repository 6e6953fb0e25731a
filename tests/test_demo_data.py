"""The demo generator produces logs the engine itself wrote, with the variety history needs."""

from __future__ import annotations

import unicodedata

from circlekeeper.demo.data import StoredCircle, drive_sessions, plan_roster
from circlekeeper.session import events as ev
from circlekeeper.session import summarize
from circlekeeper.session.model import PolicyMode
from circlekeeper.session.state import TurnOutcome


def stored_roster(seed: int, circles: int) -> list[StoredCircle]:
    result = []
    next_id = 1
    for index, circle in enumerate(plan_roster(seed, circles)):
        ids = tuple(range(next_id, next_id + len(circle.members)))
        next_id += len(circle.members)
        result.append(StoredCircle(index + 1, circle, ids))
    return result


def scripts_of(text: str) -> set[str]:
    return {unicodedata.name(ch).split()[0] for ch in text if ch.isalpha()}


def test_same_seed_same_sessions_and_another_seed_differs() -> None:
    first = list(drive_sessions(stored_roster(3, 4), 30, seed=3))
    again = list(drive_sessions(stored_roster(3, 4), 30, seed=3))
    other = list(drive_sessions(stored_roster(3, 4), 30, seed=4))
    assert [s.entries for s in first] == [s.entries for s in again]
    assert [s.entries for s in first] != [s.entries for s in other]


def test_every_log_replays_to_its_summary_and_has_the_variety_history_shows() -> None:
    sessions = list(drive_sessions(stored_roster(1, 6), 300, seed=1))
    assert len(sessions) == 300
    outcomes: set[TurnOutcome] = set()
    policies: set[PolicyMode] = set()
    late = over = left = abandoned = shared = 0
    for session in sessions:
        assert summarize(session.entries) == session.summary
        assert [e.seq for e in session.entries] == list(range(1, len(session.entries) + 1))
        ended = isinstance(session.entries[-1].event, ev.SessionEnded)
        assert ended == (session.status == "ended")
        abandoned += session.status == "abandoned"
        late += session.summary.late_count
        left += session.summary.left_count
        over += any(p.over_seconds > 0 for p in session.summary.people)
        shared += bool(session.shareable)
        for round_ in session.summary.rounds:
            policies.add(round_.plan.policy.mode)
            outcomes.update(t.outcome for t in round_.turns)
        assert session.started_at.tzinfo is not None
        assert set(session.people) == {int(p.person_id) for p in session.summary.people}
    assert {TurnOutcome.SPOKE, TurnOutcome.PASSED} <= outcomes
    kinds = {type(e.event) for s in sessions for e in s.entries}
    assert {ev.TurnDeferred, ev.TurnPaused, ev.TurnExtended, ev.ParticipantJoined} <= kinds
    assert policies == {PolicyMode.FIXED, PolicyMode.FAIR_SHARE, PolicyMode.OPEN}
    assert late and over and left and abandoned and shared


def test_sessions_of_a_circle_follow_each_other_in_time() -> None:
    sessions = list(drive_sessions(stored_roster(2, 3), 60, seed=2))
    for circle_id in (1, 2, 3):
        starts = [s.started_at for s in sessions if s.circle_id == circle_id]
        assert starts == sorted(starts)
        assert len(starts) == 20


def test_names_come_in_several_scripts_with_pronouns() -> None:
    people = [p for circle in plan_roster(5, 12) for p in circle.members]
    scripts = set().union(*(scripts_of(p.name) for p in people))
    assert {"LATIN", "ARABIC", "HEBREW", "CJK", "CYRILLIC"} <= scripts
    assert any(p.pronouns == "they/them" for p in people)


def test_demo_generator_needs_neither_qt_nor_sqlalchemy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, circlekeeper.demo.data\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'sqlalchemy'})\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_demo_circle_speaks_the_language_it_is_made_in() -> None:
    """A French facilitator's "look around a demo circle" opened "Tuesday Evening Circle",
    "A drop-in peer-support circle…", English agreements, prompts, pronouns and summaries:
    the demo is made in the active language, from the same seed, with the same people."""
    from circlekeeper.demo.words import AGREEMENTS, CHECK_IN_PROMPTS, THEMES
    from circlekeeper.i18n import use_language

    english = stored_roster(1, 1)
    english_sessions = list(drive_sessions(english, 12, seed=1))
    use_language("fr")
    try:
        french = stored_roster(1, 1)
        french_sessions = list(drive_sessions(french, 12, seed=1))
    finally:
        use_language("en")
    circle = french[0].circle
    assert circle.name == "Cercle du mardi soir"
    assert "pair-aidance" in circle.description
    assert not set(circle.agreements) & set(AGREEMENTS)
    assert [m.name for m in circle.members] == [m.name for m in english[0].circle.members]
    pronouns = {m.pronouns for m in circle.members}
    assert "elle" in pronouns and not pronouns & {"she/her", "he/him", "they/them"}
    assert all(r.prompt not in CHECK_IN_PROMPTS for r in circle.default_plan)
    shared = [s.shareable for s in french_sessions if s.shareable]
    assert shared and all("Nous avons parlé de" in text for text in shared), shared
    assert not any(theme in text for theme in THEMES for text in shared if theme != "rest")
    assert [len(s.entries) for s in french_sessions] == [len(s.entries) for s in english_sessions]
