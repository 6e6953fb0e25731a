"""The period report at scale: a year of the seeded 100,000-session database, PDF included.

Run with ``python -m benchmarks period``. It reads the same cached database as
``python -m benchmarks history`` (``CK_BENCH_HISTORY_SESSIONS``, ``CK_BENCH_HISTORY_CACHE``;
seeded once if missing). Figures:

- the period figures (one query layer: people reached, newcomers, every circle, the period
  before) for the last year, the last month, and the whole history;
- the year's report end to end as ``circlekeeper report`` does it (figures, privacy levels,
  PDF bytes), target < 5 s; and the CSV;
- the same year's report in Arabic (every line shaped, the page mirrored), once: it should
  not be much slower than English (``CK_BENCH_PERIOD_AR=0`` leaves it out);
- ``CK_BENCH_PERIOD_ALL=1`` also renders the whole history as one PDF (thousands of pages).

Each line gives wall-clock seconds and this process's CPU seconds: on a machine shared with
other work the wall clock stretches by the load (printed first), the CPU time does not. The
target is judged on the wall clock of an otherwise idle machine, which the CPU time (the
report is single-threaded, SQLite included) approximates when the machine is busy.

On PostgreSQL (an organization's server, docs/storage.md): ``CK_BENCH_PERIOD_POSTGRES_URL``
names a server and a role there that may ``CREATE DATABASE`` and ``CREATE ROLE``
(``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``). The same seeded history is copied
into a database of its own on that server once (:mod:`benchmarks.postgres_history`: a few
minutes, kept for later runs), owned by one facilitator role, and the same lines are measured
again connected as that facilitator, read-only as ``circlekeeper report`` connects (row-level
security applies). Beside the client's CPU each line then gives the server's CPU seconds
(:mod:`benchmarks.server_cpu`, when the server runs on this machine): client plus server CPU is
what the wall clock would show on an idle machine.
"""

from __future__ import annotations

import os
import re
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, cast

from benchmarks.bench_history import END, _open_for_reading, seeded_database

TARGET_SECONDS = 5.0
SERVER_ENV = "CK_BENCH_PERIOD_POSTGRES_URL"
_PAGE = re.compile(rb"/Type /Page\b")

Meter = Callable[[], float]
_CPU: list[tuple[float, float | None]] = []


def _timed(
    fn: Callable[[], object], repeat: int, server: Meter | None = None
) -> tuple[float, float, object]:
    """(median, worst) wall seconds over ``repeat`` calls, and the last result; the median
    CPU seconds (this process's, and the server's when ``server`` reads them) go to ``_CPU``
    for :func:`_line`."""
    samples, cpu, server_cpu = [], [], []
    result: object = None
    for _ in range(repeat):
        began_server = server() if server else 0.0
        began, began_cpu = time.perf_counter(), time.process_time()
        result = fn()
        samples.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
        if server:
            server_cpu.append(server() - began_server)
    _CPU.append((statistics.median(cpu), statistics.median(server_cpu) if server else None))
    return statistics.median(samples), max(samples), result


def _line(label: str, median: float, worst: float, extra: str = "", target: float = 0) -> None:
    cpu, server = _CPU[-1] if _CPU else (float("nan"), None)
    spent = f"CPU {cpu:5.2f} s"
    if server is not None:
        spent += f" + server {server:5.2f} s"
    verdict = ""
    if target:
        verdict = "  ok" if median < target else f"  OVER the {target:.0f} s target (wall)"
        verdict += "; CPU ok" if cpu + (server or 0.0) < target else "; CPU over"
    print(
        f"  {label:<36} median {median:6.2f} s   worst {worst:6.2f} s   {spent}{extra}{verdict}",
        flush=True,
    )


def main() -> None:
    sessions = int(os.environ.get("CK_BENCH_HISTORY_SESSIONS", "100000"))
    path, _facts = seeded_database(sessions)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"period figures over {sessions:,} seeded sessions (ending {END.date()}); load {load}")
    store = _open_for_reading(path)
    try:
        _measure(store)
    finally:
        store.close()
    server = os.environ.get(SERVER_ENV, "").strip()
    if server:
        _on_server(server, path)


def _on_server(admin_url: str, path: Path) -> None:
    """The same lines on PostgreSQL, connected as the facilitator the copy belongs to."""
    from benchmarks.postgres_history import FACILITATOR, history_on_server
    from benchmarks.server_cpu import server_cpu_meter
    from circlekeeper.store import open_store

    history = history_on_server(admin_url, path)
    facts = history.facts
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"the same on PostgreSQL ({history.database}, copied from the file in"
        f" {facts['seconds']:.0f} s: COPY {facts['copy_seconds']:.0f} s, ANALYZE"
        f" {facts['analyze_seconds']:.0f} s), as the facilitator {FACILITATOR}"
        f" (row-level security, read-only); load {load}",
        flush=True,
    )
    store = open_store(history.facilitator_url, read_only=True)
    try:
        meter = server_cpu_meter(store.engine)
        if meter is None:
            print("  (the server runs on another machine: its CPU time is not counted)")
        _measure(store, meter)
    finally:
        store.close()


def _measure(store: Any, server: Meter | None = None) -> None:
    from circlekeeper.commands.report_input import base_context, period_report
    from circlekeeper.i18n import speaking
    from circlekeeper.reports import render_period
    from circlekeeper.reports.period_csv import period_csv
    from circlekeeper.session.period_figures import PeriodFigures, PeriodScope
    from circlekeeper.store.history.queries import HistoryQueries

    queries = HistoryQueries.for_store(store)
    last = END.date()
    year = (last - timedelta(days=364), last)
    periods = {
        "last year": year,
        "last month": (last - timedelta(days=29), last),
        "whole history": (date(2000, 1, 1), last),
    }
    for name, (first, end) in periods.items():
        scope = PeriodScope(first, end)
        median, worst, result = _timed(lambda: queries.period(scope), 3, server)  # noqa: B023
        figures = cast(PeriodFigures, result)
        now = figures.current
        extra = (
            f"   ({now.sessions:,} sessions, {now.people:,} people, {len(figures.circles)} circles)"
        )
        _line(f"figures, {name}", median, worst, extra)

    context = base_context(store)

    def year_pdf() -> bytes:
        report = period_report(store, *year)
        return render_period(report, context)

    median, worst, result = _timed(year_pdf, 3, server)
    data = cast(bytes, result)
    pages = len(_PAGE.findall(data))
    size = len(data) / 1e6
    _line(
        "a year's report, PDF included",
        median,
        worst,
        f"   ({pages:,} pages, {size:.1f} MB)",
        TARGET_SECONDS,
    )
    median, worst, _ = _timed(lambda: period_csv(period_report(store, *year)), 3, server)
    _line("a year's figures as CSV", median, worst)
    if os.environ.get("CK_BENCH_PERIOD_AR") != "0":
        with speaking("ar"):
            median, worst, result = _timed(year_pdf, 1, server)
        pages = len(_PAGE.findall(cast(bytes, result)))
        _line("the year's report in Arabic (once)", median, worst, f"   ({pages:,} pages)")
    if os.environ.get("CK_BENCH_PERIOD_ALL") == "1":
        first, end = periods["whole history"]
        median, worst, result = _timed(
            lambda: render_period(period_report(store, first, end), context), 1, server
        )
        pages = len(_PAGE.findall(cast(bytes, result)))
        _line("the whole history as one PDF", median, worst, f"   ({pages:,} pages)")


if __name__ == "__main__":
    main()
