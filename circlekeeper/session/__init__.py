"""The pure-Python heart of CircleKeeper.

A circle session is an append-only log of events; everything a person sees is derived from it.
This package imports no Qt and no SQLAlchemy so it can be driven by a fake clock in tests, from
the command line, and from the GUI alike.

The names below are loaded on first use (PEP 562): importing one small module of the package,
such as ``session.model`` for a window's first paint, does not pay for the whole engine, which
keeps the app's start-up close to a bare Qt window's.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_HOMES = {
    "Clock": "clock",
    "FakeClock": "clock",
    "MonotonicClock": "clock",
    "CircleSession": "engine",
    "SessionCommandRefused": "errors",
    "Entry": "events",
    "Event": "events",
    "fold": "replay",
    "Participant": "model",
    "Phase": "model",
    "PolicyMode": "model",
    "RoundKind": "model",
    "RoundPlan": "model",
    "TimePolicy": "model",
    "SessionSummary": "summary",
    "summarize": "summary",
}

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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from circlekeeper.session.clock import Clock, FakeClock, MonotonicClock
    from circlekeeper.session.engine import CircleSession
    from circlekeeper.session.errors import SessionCommandRefused
    from circlekeeper.session.events import Entry, Event
    from circlekeeper.session.model import (
        Participant,
        Phase,
        PolicyMode,
        RoundKind,
        RoundPlan,
        TimePolicy,
    )
    from circlekeeper.session.replay import fold
    from circlekeeper.session.summary import SessionSummary, summarize
