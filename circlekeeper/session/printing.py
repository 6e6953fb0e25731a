"""What a printed summary may show: how much of a person, and on which paper.

The privacy level is a promise a circle makes to its members, so it is one domain value shared
by the store (per circle), the reports (per export) and the screens, never three copies.
"""

from __future__ import annotations

from enum import StrEnum

from circlekeeper.i18n import _


class Privacy(StrEnum):
    """How much a printed summary says about who was there (counts only is the default)."""

    COUNTS = "counts"
    INITIALS = "initials"
    NAMES = "names"

    @property
    def label(self) -> str:
        return {
            Privacy.COUNTS: _("Counts only"),
            Privacy.INITIALS: _("Initials"),
            Privacy.NAMES: _("Full names"),
        }[self]


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        # Translators: the US paper size (8.5 × 11 inches).
        return {Paper.A4: "A4", Paper.LETTER: _("Letter")}[self]
