"""Durations as facilitators type them ("1:30", "90s", "2", "1 min 30") and as they read them
("1:30"), always whole seconds.

Qt-free so the rules are tested on their own; :mod:`duration_box` puts them behind a keyboard
friendly field. A plan kept in whole seconds comes back exactly as it was entered: a 45 s
check-in stays 0:45 (a minutes box with one decimal once turned it into 48 s).
"""

from __future__ import annotations

import re

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _

# Patterns as text, compiled (and cached by ``re``) when a duration is first parsed: the
# circle page formats durations in the window's first paint, which parses none.
_CLOCK = r"^(?:(\d+):)?(\d+):(\d{1,2})$"
"""``m:ss`` or ``h:mm:ss`` (seconds below 60)."""
_UNITS = (
    r"^(?:(\d+(?:[.,]\d+)?)\s*h(?:ours?|rs?)?)?\s*"
    r"(?:(\d+(?:[.,]\d+)?)\s*m(?:in(?:utes?|s)?)?)?\s*"
    r"(?:(\d+)\s*s(?:ec(?:onds?|s)?)?)?$"
)
"""``90s``, ``2m``, ``1m30s``, ``1 min 30 s``, ``1h 15m``, ``1.5 min``."""
_MINUTES_THEN_SECONDS = r"^(\d+)\s*m(?:in(?:utes?|s)?)?\s+(\d+)$"
"""``1 min 30`` (the seconds' unit left out)."""
_NUMBER = r"^\d+(?:[.,]\d+)?$"
"""A bare number is minutes: ``2`` is 2:00, ``1.5`` is 1:30."""


class DurationNotUnderstood(UserFacingError):
    """Text that is not a length of time, with an example of what is."""


def format_seconds(seconds: int) -> str:
    """``m:ss`` below an hour, ``h:mm:ss`` from an hour on: how the field and the timer show
    a length of time."""
    hours, rest = divmod(max(0, int(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def parse_duration(text: str) -> int:
    """Whole seconds for a typed length of time; :class:`DurationNotUnderstood` otherwise.

    A bare number means minutes (the unit facilitators plan in); ``s``, ``m`` and ``h`` say
    otherwise. Fractions of a minute round to the nearest second."""
    cleaned = text.strip().lower()
    if not cleaned:
        raise DurationNotUnderstood(_("Type a length of time, such as 1:30, 90s or 2."))
    if clock := re.match(_CLOCK, cleaned):
        hours, minutes, seconds = (int(part or 0) for part in clock.groups())
        if seconds >= 60:
            raise DurationNotUnderstood(
                _("“{text}” has {seconds} seconds after the colon: use 00 to 59 ({fixed}?)").format(
                    text=text.strip(),
                    seconds=seconds,
                    fixed=format_seconds(hours * 3600 + minutes * 60 + seconds),
                )
            )
        return hours * 3600 + minutes * 60 + seconds
    if re.match(_NUMBER, cleaned):
        return round(float(cleaned.replace(",", ".")) * 60)
    if both := re.match(_MINUTES_THEN_SECONDS, cleaned):
        return int(both.group(1)) * 60 + int(both.group(2))
    units = re.match(_UNITS, cleaned)
    if units and any(units.groups()):
        hours_text, minutes_text, seconds_text = units.groups()
        total = float((hours_text or "0").replace(",", ".")) * 3600
        total += float((minutes_text or "0").replace(",", ".")) * 60
        total += int(seconds_text or 0)
        return round(total)
    raise DurationNotUnderstood(
        _(
            "“{text}” is not a length of time. Type minutes and seconds, such as 1:30, 90s or 2."
        ).format(text=text.strip())
    )


__all__ = ["DurationNotUnderstood", "format_seconds", "parse_duration"]
