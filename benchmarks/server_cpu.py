"""CPU seconds a PostgreSQL server on this machine spent, read from ``/proc``.

The client's own CPU time (``time.process_time``) leaves out everything the server did for it:
planning, scanning, aggregating, in the backend and in any parallel workers. When the server
runs on the same machine, its processes are the postmaster and its children, so the server's
CPU is the sum of their user and system times plus what the postmaster collected from children
that already exited (parallel workers live only as long as one query). Elsewhere, or without
``/proc``, there is nothing to read and :func:`server_cpu_meter` answers ``None``.

It counts the whole server, so another client's work on the same server is counted too: use a
server of your own for the figures.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, text

_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def server_cpu_meter(engine: Engine) -> Callable[[], float] | None:
    """A function returning the server's CPU seconds so far, or ``None`` when the server is
    not a process of this machine."""
    if engine.dialect.name != "postgresql" or not Path("/proc/self/stat").exists():
        return None
    with engine.connect() as connection:
        backend = int(connection.execute(text("SELECT pg_backend_pid()")).scalar_one())
    stat = _stat(backend)
    if stat is None or not _is_postgres(backend):
        return None  # a server elsewhere: this machine's process of that number is another
    postmaster = int(stat[1])
    if not _is_postgres(postmaster):
        return None
    return lambda: _tree_seconds(postmaster)


def _tree_seconds(postmaster: int) -> float:
    own = _stat(postmaster)
    if own is None:
        return float("nan")
    # utime, stime, cutime, cstime: fields 14-17 of /proc/PID/stat (here after the name)
    ticks = sum(int(value) for value in own[11:15])
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        child = _stat(int(entry.name))
        if child is not None and int(child[1]) == postmaster:
            ticks += int(child[11]) + int(child[12])
    return ticks / _TICKS


def _stat(pid: int) -> list[str] | None:
    """``/proc/PID/stat`` after the process name (which may hold spaces): state, ppid, …"""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return raw[raw.rindex(")") + 2 :].split()


def _is_postgres(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip().startswith("postgres")
    except OSError:
        return False
