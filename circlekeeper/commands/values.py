"""Argument values every command reads the same way: session ids and calendar days.

One parser each, so a wrong value gets the same one-line answer from every command, and values
that would only fail deep inside (an id too large for SQLite, a last day with no next day)
are refused up front instead of surfacing as a traceback.
"""

from __future__ import annotations

import argparse
from datetime import date

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _

LARGEST_ID = 2**63 - 1
"""SQLite stores integers in 64 bits; a larger id cannot name any row."""

LAST_DAY = date(9998, 12, 31)
"""Ranges run to the midnight after their last day, which must exist as a ``datetime``."""


def session_id(text: str) -> int:
    """``type=`` for a SESSION_ID argument: a whole number from 1 to SQLite's largest."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _(
                "{value} is not a session id; ids are whole numbers such as 12"
                " (`circlekeeper sessions` lists them)"
            ).format(value=repr(text[:40]))
        ) from None
    if not 1 <= value <= LARGEST_ID:
        raise argparse.ArgumentTypeError(
            _(
                "{value} is not a session id; ids are whole numbers from 1"
                " (`circlekeeper sessions` lists them)"
            ).format(value=text[:40])
        )
    return value


def parse_day(value: str | None, option: str, *, required: bool = True) -> date | None:
    """A calendar day written as YYYY-MM-DD; ``None`` when optional and not given."""
    if not value:
        if not required:
            return None
        raise UserFacingError(
            _("{option} is needed, as a date like 2026-03-01.").format(option=option)
        )
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise UserFacingError(
            _("{option} {value} is not a date written as YYYY-MM-DD, such as 2026-03-01.").format(
                option=option, value=repr(value[:40])
            )
        ) from None
    if day > LAST_DAY:
        raise UserFacingError(
            _("{option} {value} is too far ahead; give a day up to {last_day}.").format(
                option=option, value=value, last_day=LAST_DAY
            )
        )
    return day


def required_day(value: str | None, option: str) -> date:
    """:func:`parse_day` for an option that must be given."""
    day = parse_day(value, option)
    assert day is not None
    return day
