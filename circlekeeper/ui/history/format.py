"""How history shows times and figures to people (local time of the circle, plain words)."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def local_time(moment: datetime, timezone: str, *, with_time: bool = True) -> str:
    """A UTC moment as the circle saw it on its wall clock (its own time zone)."""
    zone = _zone(timezone) if timezone else None
    shown = moment.astimezone(zone) if zone is not None else moment
    suffix = "" if zone is not None else " UTC"
    return shown.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d") + (
        suffix if with_time else ""
    )


def percent(ratio: float | None) -> str:
    return "—" if ratio is None else f"{ratio * 100:.0f} %"


def signed_percent(balance: float) -> str:
    """+25 % / −40 % for a speaking balance (heard more / less than an equal share)."""
    value = round(balance * 100)
    return f"+{value} %" if value > 0 else ("0 %" if value == 0 else f"−{abs(value)} %")
