"""Realistic demo circles and finished sessions, made by driving the real session engine.

Every demo log is produced by :class:`~circlekeeper.session.CircleSession` under a
:class:`~circlekeeper.session.FakeClock`, so each one is a log the app itself could have written:
replaying it through ``fold`` and ``summarize`` never fails. A seed makes the whole data set
reproducible (tests and benchmarks rely on that).

Two phases, because the store assigns person ids and logs carry them:

1. :func:`plan_roster` invents circles and people (names in several scripts, pronouns).
2. the caller stores them, then :func:`drive_sessions` plays sessions with the stored ids.

No SQL and no Qt here; :mod:`circlekeeper.demo.seeding` stores the result through
:mod:`circlekeeper.store.bulk`.

This module is the generator's one entry point; the work lives in :mod:`words` (names,
prompts, time zones), :mod:`roster` (phase 1) and :mod:`sessions` (phase 2).
"""

from circlekeeper.demo.roster import (
    DemoCircle,
    DemoPerson,
    StoredCircle,
    circle_count_for,
    plan_roster,
)
from circlekeeper.demo.sessions import DemoPromptUse, DemoSession, drive_sessions

__all__ = [
    "DemoCircle",
    "DemoPerson",
    "DemoPromptUse",
    "DemoSession",
    "StoredCircle",
    "circle_count_for",
    "drive_sessions",
    "plan_roster",
]
