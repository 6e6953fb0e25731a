"""The pure-Python heart of CircleKeeper.

A circle session is an append-only log of events; everything a person sees is derived from it.
This package imports no Qt and no SQLAlchemy so it can be driven by a fake clock in tests, from
the command line, and from the GUI alike.
"""

from circlekeeper.session.clock import Clock, FakeClock, MonotonicClock
from circlekeeper.session.engine import CircleSession
from circlekeeper.session.errors import SessionCommandRefused
from circlekeeper.session.events import Entry, Event
from circlekeeper.session.fold import fold
from circlekeeper.session.model import (
    Participant,
    Phase,
    PolicyMode,
    RoundKind,
    RoundPlan,
    TimePolicy,
)
from circlekeeper.session.summary import SessionSummary, summarize

__all__ = [
    "CircleSession",
    "Clock",
    "Entry",
    "Event",
    "FakeClock",
    "MonotonicClock",
    "Participant",
    "Phase",
    "PolicyMode",
    "RoundKind",
    "RoundPlan",
    "SessionCommandRefused",
    "SessionSummary",
    "TimePolicy",
    "fold",
    "summarize",
]
