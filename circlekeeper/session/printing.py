"""What a printed summary may show: how much of a person, and on which paper.

The privacy level is a promise a circle makes to its members, so it is one domain value shared
by the store (per circle), the reports (per export) and the screens, never three copies.
"""

from __future__ import annotations

from enum import StrEnum

from circlekeeper.i18n import N_, _


class Privacy(StrEnum):
    """How much a printed summary says about who was there (counts only is the default)."""

    COUNTS = "counts"
    INITIALS = "initials"
    NAMES = "names"

    @property
    def label(self) -> str:
        return _(
            {
                Privacy.COUNTS: N_("Counts only"),
                Privacy.INITIALS: N_("Initials"),
                Privacy.NAMES: N_("Full names"),
            }[self]
        )


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        return {Paper.A4: "A4", Paper.LETTER: _("Letter")}[self]
