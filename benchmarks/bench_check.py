"""``circlekeeper check`` on the history benchmark's database: what asking every session costs.

Seeds (once, cached like ``python -m benchmarks history``: ``CK_BENCH_HISTORY_SESSIONS``,
``CK_BENCH_HISTORY_CACHE``) and times the session part of the check in CPU seconds (steadier
than wall time on a shared machine), batched as ``check`` runs it against one session at a
time as it ran before, on the first ``CK_BENCH_CHECK_SAMPLE`` sessions (default 2,000) for
the latter, scaled to the whole database.
"""

from __future__ import annotations

import os
import time


def main() -> None:
    from benchmarks.bench_history import seeded_database
    from circlekeeper.store import open_store
    from circlekeeper.store.sessions import checking
    from circlekeeper.store.sessions.exporting import export_problem

    sessions = int(os.environ.get("CK_BENCH_HISTORY_SESSIONS", "100000"))
    sample = int(os.environ.get("CK_BENCH_CHECK_SAMPLE", "2000"))
    path, _facts = seeded_database(sessions)
    with open_store(path, read_only=True) as store:
        began = time.process_time()
        for sid in range(1, min(sample, sessions) + 1):
            export_problem(store, sid)
        one_by_one = (time.process_time() - began) / min(sample, sessions)
        began = time.process_time()
        found = checking.export_problems(store)
        batched = time.process_time() - began
    print(f"  sessions checked                 {sessions:>10,}   problems {len(found)}")
    print(f"  one session at a time (before)   {one_by_one * sessions:10.1f} s CPU (scaled)")
    print(f"  batched (check now)              {batched:10.1f} s CPU")
