"""The process's age, for start-up figures that include the interpreter's own start.

Its own module so the composition root stays about composition; ``app`` imports the name, and
the start-up test and benchmarks replace ``app.seconds_since_process_start`` to catch the moment
the window reports itself shown.
"""

from __future__ import annotations

import os
import time


def seconds_since_process_start() -> float:
    """How long this process has existed, from the kernel's own record of its start.

    ``--smoke-test`` reports this so a benchmark can compare the app with a bare Qt window
    started the same way; Python's own clocks start too late to include interpreter start-up.
    """
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.process_time()
