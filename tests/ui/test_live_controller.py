"""The live controller: commands reach the journal before the screen, time never drifts."""

from __future__ import annotations

import itertools

import pytest

from circlekeeper.session.model import Phase
from circlekeeper.ui.live.controller import LiveController
from tests.ui.conftest import PEOPLE, PLAN, MemoryJournal, TestClock


@pytest.fixture
def controller(qtbot, clock: TestClock, journal: MemoryJournal) -> LiveController:
    controller = LiveController(clock, journal, PLAN, wall=clock.wall)
    controller.start("Tuesday circle", PEOPLE, ["Sam"])
    yield controller
    controller.shutdown()


def test_every_change_is_journalled_before_signals_fire(
    controller: LiveController, journal: MemoryJournal
) -> None:
    seen: list[int] = []
    controller.changed.connect(lambda: seen.append(len(journal.entries)))
    controller.move_on()  # opens the check-in round
    controller.move_on()  # Amal starts
    assert seen == [2, 3]
    assert [e.seq for e in journal.entries] == [1, 2, 3]
    assert journal.entries == list(controller.session.log)


def test_move_on_walks_through_turns_rounds_and_plan(
    controller: LiveController, clock: TestClock
) -> None:
    controller.move_on()
    controller.move_on()
    for _ in PEOPLE:
        clock.advance(20)
        controller.move_on()
    progress = controller.progress()
    assert progress.round_complete and progress.index == 0
    controller.move_on()  # closes check-in, opens sharing
    progress = controller.progress()
    assert progress.in_round and progress.index == 1
    assert progress.plan is not None and progress.plan.label == "Sharing"


def test_phase_changes_are_signalled_once_each(
    qtbot, controller: LiveController, clock: TestClock
) -> None:
    phases: list[Phase] = []
    controller.phase_changed.connect(lambda phase, name: phases.append(phase))
    controller.move_on()
    controller.move_on()
    for _ in range(70):
        clock.advance(1)
        controller.tick()
    assert phases == [Phase.NEARING_END, Phase.OVER_TIME]


def test_reminder_when_someone_is_up_but_the_clock_is_not_running(
    controller: LiveController, clock: TestClock
) -> None:
    reminders: list[bool] = []
    controller.reminder_changed.connect(reminders.append)
    controller.move_on()  # round open, Amal is up, clock not started
    clock.advance(6)
    controller.tick()
    assert reminders == [True]
    controller.toggle()
    assert reminders == [True, False]


def test_storage_failure_keeps_the_circle_running_in_memory(
    controller: LiveController, journal: MemoryJournal, clock: TestClock
) -> None:
    messages: list[str] = []
    controller.storage_failed.connect(messages.append)
    controller.move_on()
    journal.fail = True
    assert controller.move_on()
    clock.advance(10)
    assert controller.move_on()
    assert len(messages) == 1 and "disk full" in messages[0]
    assert controller.session.state.current_turn is not None
    assert [e.seq for e in controller.unsaved_entries] == [3, 4, 5]


def test_heartbeat_every_few_seconds_while_nobody_speaks(
    controller: LiveController, journal: MemoryJournal, clock: TestClock
) -> None:
    controller.move_on()  # a round begins; nobody's clock runs yet
    for _ in range(60):
        clock.advance(0.5)
        controller.tick()
    assert 5 <= len(journal.beats) <= 8
    assert journal.beats[-1][1] == pytest.approx(controller.session.elapsed(), abs=5)


def test_heartbeat_at_least_every_second_while_a_turn_runs(
    controller: LiveController, journal: MemoryJournal, clock: TestClock
) -> None:
    controller.move_on()
    controller.move_on()  # Ana's clock runs
    for _ in range(150):  # 30 s of repaints at 200 ms
        clock.advance(0.2)
        controller.tick()
    beats = [elapsed for _wall, elapsed in journal.beats]
    gaps = [later - earlier for earlier, later in itertools.pairwise(beats)]
    assert len(beats) >= 30 and max(gaps) <= 1.0 + 1e-9


def test_a_crash_mid_turn_loses_at_most_a_second_of_it(qtbot, tmp_path) -> None:
    """The README's promise, through the real store and the window's own resume path."""
    from circlekeeper.store import CircleRecord, open_store
    from circlekeeper.store.journal import StoreJournal
    from circlekeeper.ui.store_catalog import StoreCatalog

    with open_store(tmp_path / "db.sqlite3") as store:
        circle = store.circles.save(CircleRecord(None, "Tuesday"))
        ids = tuple(store.people.add(p.name, circle_ids=[circle]).person_id for p in PEOPLE)
        sid = store.sessions.create(
            circle,
            facilitators=(),
            plan=PLAN,
            started_at=TestClock().wall(),
            timezone="UTC",
            people=ids,
        )
        clock = TestClock()
        live = LiveController(clock, StoreJournal(store, sid), PLAN, wall=clock.wall)
        live.start("Tuesday", PEOPLE, ())
        live.move_on()
        live.move_on()
        for _ in range(74):
            clock.advance(0.2)
            live.tick()
        clock.advance(0.19)  # the laptop dies just before the next repaint
        spoken_at_crash = live.turn_view().spoken
        live.shutdown()

        data = StoreCatalog(store).resume_data(sid)
        again = TestClock()
        resumed = LiveController.resumed(
            again,
            StoreJournal(store, sid),
            data.plan,
            data.entries,
            last_alive_elapsed=data.last_alive_elapsed,
            down_seconds=data.down_seconds,
            wall=again.wall,
        )
        view = resumed.turn_view()
        assert view is not None and not view.running  # held, until the room is ready
        assert spoken_at_crash - 1.0 <= view.spoken <= spoken_at_crash
        resumed.shutdown()


def test_sleep_during_a_turn_is_noticed(
    qtbot, controller: LiveController, clock: TestClock
) -> None:
    gaps: list[float] = []
    controller.clock_jumped.connect(gaps.append)
    controller.move_on()
    controller.move_on()
    controller.tick()
    clock.origin = clock.origin.replace(hour=19)  # the wall clock moved on an hour; monotonic not
    controller.tick()
    assert gaps == [pytest.approx(3600)]


def test_refusals_reach_the_facilitator_and_change_nothing(controller: LiveController) -> None:
    messages: list[str] = []
    controller.refused.connect(messages.append)
    controller.move_on()
    before = list(controller.session.log)
    assert not controller.extend(30)
    assert messages and "Nobody is speaking" in messages[-1]
    assert list(controller.session.log) == before


def test_resume_rebuilds_a_running_turn_paused(
    qtbot, clock: TestClock, journal: MemoryJournal
) -> None:
    first = LiveController(clock, journal, PLAN, wall=clock.wall)
    first.start("c", PEOPLE, [])
    first.move_on()
    first.move_on()
    clock.advance(25)
    first.tick()
    first.shutdown()
    again = LiveController.resumed(
        clock,
        journal,
        PLAN,
        list(journal.entries),
        last_alive_elapsed=25.0,
        down_seconds=90.0,
        wall=clock.wall,
    )
    view = again.turn_view()
    assert view is not None and view.person_id == "1" and not view.running
    assert view.spoken == pytest.approx(25)
    assert again.session.state.interrupted_seconds == pytest.approx(90)
