"""Counts that may be none, said in words when they are.

CLDR counts 0 with 1 in French and Brazilian Portuguese (and Arabic has a zero form of its
own), so ``ngettext`` with a count of 0 put "0 sessão" under a new circle, which reads as one
session. A count that is often zero on screen is said as "no sessions yet" instead, in one
place for the circle list's tooltip, the archived circles and the histories.
"""

from __future__ import annotations

from circlekeeper.i18n import _, ngettext


def session_count(count: int, number: str | None = None) -> str:
    """``1 session``, ``12 sessions``; ``no sessions yet`` for none. ``number`` is ``count`` as
    the caller writes it (grouped digits), when it is not plain ``str(count)``."""
    if count == 0:
        # Translators: a circle or a person that has no sessions in the record yet.
        return _("no sessions yet")
    shown = str(count) if number is None else number
    return ngettext("{count} session", "{count} sessions", count).format(count=shown)
