"""Figures for the session engine: fold speed, drift on a fake clock, accuracy on the real one.

Run with ``python -m benchmarks session``. The real-clock run lasts 60 s by default (as the
engine's issue asks); set ``CIRCLEKEEPER_BENCH_QUICK=1`` for 5 s, or
``CIRCLEKEEPER_BENCH_SECONDS=N`` for any other length.
"""

from __future__ import annotations

import os
import random
import time

from circlekeeper.session import (
    CircleSession,
    FakeClock,
    MonotonicClock,
    Participant,
    RoundPlan,
    TimePolicy,
    fold,
)
from circlekeeper.session import events as ev
from circlekeeper.session.interchange.session_file import (
    document_from_log,
    dump_session,
    load_session,
)
from circlekeeper.session.state import RoundState, TurnView

TICK = 0.1


class SetClock:
    """A fake clock set to an absolute reading, so the benchmark itself adds no float error."""

    def __init__(self) -> None:
        self.value = 0.0

    def now(self) -> float:
        return self.value


def engine_log(min_events: int, seed: int = 7) -> tuple[ev.Entry, ...]:
    """A realistic log of at least ``min_events`` entries, made by driving the real engine."""
    rng = random.Random(seed)
    clock = FakeClock()
    session = CircleSession(clock)
    people = [Participant(f"p{i}", f"Person {i}") for i in range(12)]
    session.start("Benchmark circle", people, ["Facilitator"])
    policies = [TimePolicy.fixed(120), TimePolicy.fair_share(1800, 30), TimePolicy.open()]
    while len(session.log) < min_events:
        if session.state.current_round is not None:
            session.end_round()
        session.start_round(RoundPlan(policy=rng.choice(policies)))
        while _round(session).queue:
            if rng.random() < 0.1:
                session.pass_turn()
                continue
            session.start_turn()
            for _ in range(rng.randint(0, 3)):
                clock.advance(rng.uniform(5, 60))
                session.pause()
                clock.advance(rng.uniform(1, 10))
                session.resume_turn()
            clock.advance(rng.uniform(10, 200))
            session.end_turn()
    return session.log


def bench_fold(events: int = 10_000, repeats: int = 5) -> float:
    log = engine_log(events)
    best = float("inf")
    for _ in range(repeats):
        began = time.perf_counter()
        state = fold(log)
        best = min(best, time.perf_counter() - began)
    assert state.last_seq == len(log)
    rate = len(log) / best
    print(f"fold: {len(log):,} events in {best * 1000:.1f} ms = {rate:,.0f} events/s")
    return rate


def bench_interchange(events: int = 10_000) -> None:
    """Writing and fully validating a session file of the same long log."""
    log = engine_log(events)
    doc = document_from_log(log, round_plan=[RoundPlan()])
    began = time.perf_counter()
    text = dump_session(doc)
    dumped = time.perf_counter() - began
    began = time.perf_counter()
    back = load_session(text)
    loaded = time.perf_counter() - began
    assert back == doc
    print(
        f"session file: {len(log):,} events, {len(text.encode()) / 1e6:.1f} MB;"
        f" dump {dumped * 1000:.0f} ms, load + full validation {loaded * 1000:.0f} ms"
    )


def bench_fake_clock_drift(hours: float = 8.0) -> float:
    """Eight hours of turns repainted every 100 ms, with the timer firing late now and then.

    Each repaint compares the engine's figure with the truth (clock reading minus the turn's
    start). A tick counter is run alongside to show what adding ticks up would have drifted.
    """
    rng = random.Random(1)
    clock = SetClock()
    session = CircleSession(clock)
    session.start("Eight-hour circle", [Participant("a", "A"), Participant("b", "B")])
    session.start_round(RoundPlan(policy=TimePolicy.open()))
    worst = 0.0
    ticks_counted = 0
    tick_total = 0.0
    true_total = 0.0
    end = hours * 3600.0
    turn_length = 600.0
    index = 0
    while clock.value < end:
        if _round(session).current is None:
            if not _round(session).queue:
                session.end_round()
                session.start_round(RoundPlan(policy=TimePolicy.open()))
            session.start_turn()
            turn_began = clock.value
            ticks_counted = 0
        # A coarse timer: due every 100 ms, but up to 5 % late, and sometimes a tick is dropped.
        index += 1
        late = rng.uniform(0.0, 0.05 * TICK)
        dropped = rng.random() < 0.01
        clock.value = min(end, index * TICK + late)
        if dropped:
            continue
        ticks_counted += 1
        worst = max(worst, abs(_turn(session).spoken - (clock.value - turn_began)))
        if clock.value - turn_began >= turn_length or clock.value >= end:
            true_total += clock.value - turn_began
            tick_total += ticks_counted * TICK
            session.end_turn()
    if session.state.current_turn is not None:
        true_total += clock.value - turn_began
        tick_total += ticks_counted * TICK
        session.end_turn()
    session.end_round()
    session.end_session()
    recorded = session.summary().total_spoken
    drift = abs(recorded - true_total)
    print(
        f"fake clock, {hours:g} h of 100 ms repaints: engine drift {drift:.2e} s over the"
        f" session, worst instant {worst:.2e} s (counting ticks instead would be off by"
        f" {abs(tick_total - true_total):.1f} s)"
    )
    return drift


def bench_real_clock(seconds: float) -> float:
    """A real turn on the monotonic clock, repainted by a 100 ms tick that is never counted."""
    session = CircleSession(MonotonicClock())
    session.start("Real-clock circle", [Participant("a", "A")])
    session.start_round(RoundPlan(policy=TimePolicy.fixed(seconds)))
    began = time.monotonic()
    session.start_turn()
    ticks = 0
    next_tick = began + TICK
    while True:
        time.sleep(max(0.0, next_tick - time.monotonic()))
        next_tick += TICK
        ticks += 1
        if _turn(session).spoken >= seconds:
            break
    session.end_turn()
    true_elapsed = time.monotonic() - began
    recorded = session.summary().total_spoken
    error = abs(true_elapsed - recorded)
    verdict = "within one tick" if error <= TICK else "NOT within one tick"
    print(
        f"real clock, {seconds:g} s turn with a 100 ms tick: recorded {recorded:.4f} s,"
        f" true {true_elapsed:.4f} s, error {error * 1000:.2f} ms ({verdict});"
        f" turn overshot its end by {(recorded - seconds) * 1000:.1f} ms after {ticks} ticks"
    )
    return error


def real_clock_seconds() -> float:
    if os.environ.get("CIRCLEKEEPER_BENCH_SECONDS"):
        return float(os.environ["CIRCLEKEEPER_BENCH_SECONDS"])
    return 5.0 if os.environ.get("CIRCLEKEEPER_BENCH_QUICK") == "1" else 60.0


def main() -> None:
    bench_fold()
    bench_interchange()
    bench_fake_clock_drift()
    bench_real_clock(real_clock_seconds())


if __name__ == "__main__":
    main()


def _round(session: CircleSession) -> RoundState:
    """The round in progress (the benchmark only asks while one is)."""
    round_ = session.state.current_round
    assert round_ is not None
    return round_


def _turn(session: CircleSession) -> TurnView:
    """The turn in progress (the benchmark only asks while one runs)."""
    view = session.turn_view()
    assert view is not None
    return view
