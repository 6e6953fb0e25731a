"""The "(demo)" mark a demo circle carries wherever its name is listed, chosen or shown.

The demo data invents people and sessions so a facilitator can look around; the mark keeps
anyone from taking them for a real circle (or a real circle's history for invented data).
"""

from __future__ import annotations

from circlekeeper.i18n import _


def demo_name(name: str, demo: bool) -> str:
    """``name`` as it is shown: with "(demo)" after it for a circle the demo data made."""
    return _("{circle} (demo)").format(circle=name) if demo else name


__all__ = ["demo_name"]
