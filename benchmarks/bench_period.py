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
"""

from __future__ import annotations

import os
import re
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import cast

from benchmarks.bench_history import END, _open_for_reading, seeded_database

TARGET_SECONDS = 5.0
_PAGE = re.compile(rb"/Type /Page\b")


_CPU: list[float] = []


def _timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """(median, worst) wall seconds over ``repeat`` calls, and the last result; the median
    CPU seconds go to ``_CPU`` for :func:`_line`."""
    samples, cpu = [], []
    result: object = None
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        result = fn()
        samples.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    _CPU.append(statistics.median(cpu))
    return statistics.median(samples), max(samples), result


def _line(label: str, median: float, worst: float, extra: str = "", target: float = 0) -> None:
    cpu = _CPU[-1] if _CPU else float("nan")
    verdict = ""
    if target:
        verdict = "  ok" if median < target else f"  OVER the {target:.0f} s target (wall)"
        verdict += "; CPU ok" if cpu < target else "; CPU over"
    print(
        f"  {label:<36} median {median:6.2f} s   worst {worst:6.2f} s   CPU {cpu:5.2f} s"
        f"{extra}{verdict}",
        flush=True,
    )


def main() -> None:
    from circlekeeper.commands.report_input import base_context, period_report
    from circlekeeper.i18n import speaking
    from circlekeeper.reports import render_period
    from circlekeeper.reports.period_csv import period_csv
    from circlekeeper.session.period_figures import PeriodFigures, PeriodScope
    from circlekeeper.store.history.queries import HistoryQueries

    sessions = int(os.environ.get("CK_BENCH_HISTORY_SESSIONS", "100000"))
    path, _facts = seeded_database(sessions)
    store = _open_for_reading(path)
    try:
        queries = HistoryQueries.for_store(store)
        last = END.date()
        year = (last - timedelta(days=364), last)
        periods = {
            "last year": year,
            "last month": (last - timedelta(days=29), last),
            "whole history": (date(2000, 1, 1), last),
        }
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"period figures over {sessions:,} seeded sessions (ending {last}); load {load}")
        for name, (first, end) in periods.items():
            scope = PeriodScope(first, end)
            median, worst, result = _timed(lambda: queries.period(scope), repeat=3)  # noqa: B023
            figures = cast(PeriodFigures, result)
            now = figures.current
            extra = (
                f"   ({now.sessions:,} sessions, {now.people:,} people,"
                f" {len(figures.circles)} circles)"
            )
            _line(f"figures, {name}", median, worst, extra)

        context = base_context(store)

        def year_pdf() -> bytes:
            report = period_report(store, *year)
            return render_period(report, context)

        median, worst, result = _timed(year_pdf, repeat=3)
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
        median, worst, _ = _timed(lambda: period_csv(period_report(store, *year)), repeat=3)
        _line("a year's figures as CSV", median, worst)
        if os.environ.get("CK_BENCH_PERIOD_AR") != "0":
            with speaking("ar"):
                median, worst, result = _timed(year_pdf, repeat=1)
            pages = len(_PAGE.findall(cast(bytes, result)))
            _line("the year's report in Arabic (once)", median, worst, f"   ({pages:,} pages)")
        if os.environ.get("CK_BENCH_PERIOD_ALL") == "1":
            first, end = periods["whole history"]
            median, worst, result = _timed(
                lambda: render_period(period_report(store, first, end), context), repeat=1
            )
            pages = len(_PAGE.findall(cast(bytes, result)))
            _line("the whole history as one PDF", median, worst, f"   ({pages:,} pages)")
    finally:
        store.close()


if __name__ == "__main__":
    main()
