"""A circle's standing settings: the one record the store keeps and the windows edit.

The store hands these out and saves them; the windows' :class:`~circlekeeper.ui.catalog.
CircleDetail` is this record plus the circle's members, so a setting added here reaches the
database, the editor and the circle page without a second list of fields to keep in step.
"""

from __future__ import annotations

from circlekeeper.session.cadence import Cadence
from circlekeeper.session.frozen import FrozenRecord, field
from circlekeeper.session.model import RoundPlan


class CircleRecord(FrozenRecord):
    """An immutable record (:mod:`circlekeeper.session.frozen`) that ``dataclasses.replace``
    and ``fields`` read as a frozen dataclass: the window's first page is built from it before
    the first paint, where ``@dataclass`` cost about 8 M instructions to write and compile its
    methods."""

    circle_id: int | None
    """``None`` until the store has saved it."""
    name: str
    description: str = ""
    agreements: tuple[str, ...] = ()
    default_plan: tuple[RoundPlan, ...] = ()
    facilitators: tuple[str, ...] = ()
    archived: bool = False
    privacy: str = "counts"
    """What printed summaries show of attendance: counts, initials or names."""
    retention_days: int | None = None
    """Sessions older than this are deleted with their notes (``None``: kept)."""
    mood_enabled: bool = False
    language: str = ""
    """The language its prompts are drawn in (``""``: the app's language)."""
    demo: bool = False
    """Made up by the demo data: shown with a "(demo)" mark. Set only when the demo creates
    the circle; saving an edited circle never changes it."""
    cadence: Cadence = field(default_factory=Cadence)
    """How often it plans to meet (the period report sets the sessions held against it)."""
