"""A running session's elapsed seconds now, from its log and its app's last sign of life."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.session.so_far import SignOfLife, elapsed_so_far, quiet
from circlekeeper.session.summary import summarize

NOW = datetime(2026, 11, 25, 18, 30, tzinfo=UTC)
QUIET = timedelta(seconds=20)


def test_an_alive_app_moves_the_time_on_from_its_last_heartbeat() -> None:
    sign = SignOfLife(NOW - timedelta(seconds=4), 100.0)
    assert elapsed_so_far(40.0, sign, NOW, quiet_after=QUIET) == 104.0
    assert not quiet(sign, NOW, quiet_after=QUIET)


def test_a_quiet_app_is_timed_to_its_last_sign_and_never_before_its_log() -> None:
    sign = SignOfLife(NOW - timedelta(hours=1), 100.0)
    assert quiet(sign, NOW, quiet_after=QUIET)
    assert elapsed_so_far(40.0, sign, NOW, quiet_after=QUIET) == 100.0
    assert elapsed_so_far(140.0, sign, NOW, quiet_after=QUIET) == 140.0
    assert elapsed_so_far(40.0, None, NOW, quiet_after=QUIET) == 40.0
    assert quiet(None, NOW, quiet_after=QUIET)


def test_a_sign_from_a_clock_a_little_ahead_counts_as_now() -> None:
    sign = SignOfLife(NOW + timedelta(seconds=3), 100.0)
    assert elapsed_so_far(40.0, sign, NOW, quiet_after=QUIET) == 100.0


def test_the_summary_names_the_turn_under_way_with_its_time_so_far() -> None:
    clock = FakeClock()
    session = CircleSession(clock)
    session.start("Tuesday", (Participant("1", "Ana"), Participant("2", "Ben")), ("Robin",))
    session.start_round(RoundPlan(RoundKind.SHARING, TimePolicy.open()))
    clock.advance(10)
    session.start_turn()
    log = session.log
    assert summarize(log).current_turn is not None
    assert summarize(log).current_turn.spoken == 0.0  # the log alone ends as the turn began
    later = summarize(log, now=log[-1].elapsed + 90)
    assert later.current_turn is not None and later.current_turn.spoken == 90.0
    assert later.rounds[0].turns[-1] == later.current_turn
    assert later.duration_seconds == summarize(log).duration_seconds + 90
    session.end_turn()
    assert summarize(session.log).current_turn is None
