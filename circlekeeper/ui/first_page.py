"""What the main window shows before its catalog is attached: the circle list and the first
circle's page, read without the store so the window can show them in its first paint.

Light records (``session/frozen.py``) holding the catalog's fields, not the catalog's own
records (``ui/catalog.py``): they are built before that first paint, where importing the
catalog and having ``@dataclass`` generate and compile the methods of its records would cost
milliseconds a facilitator waits for (and a ``NamedTuple`` compiles each field's annotation:
about 0.2 M instructions a field). :meth:`FirstPage.cards` and :meth:`FirstPage.detail` turn
them into the catalog's records; a test holds those equal to what the catalog returns once the
data has opened, so nothing on screen changes when it takes over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from circlekeeper.session.frozen import FrozenRecord, fields

if TYPE_CHECKING:
    from circlekeeper.session.circle import CircleRecord
    from circlekeeper.ui.catalog import CircleCard, CircleDetail


class ListedCard(FrozenRecord):
    """A line of the circle list: :class:`~circlekeeper.ui.catalog.CircleCard`'s fields."""

    circle_id: int
    name: str
    description: str
    members: int
    sessions: int
    demo: bool


class SeatedMember(FrozenRecord):
    """One of the first circle's people: :class:`~circlekeeper.ui.catalog.Member`'s fields."""

    person_id: int
    name: str
    pronouns: str
    archived: bool


class FirstPage(FrozenRecord):
    circles: tuple[ListedCard, ...]
    """In the list's order (name, then id); empty for the welcome page."""
    first: CircleRecord | None
    """The first listed circle's settings (``None`` when there is none: the welcome page)."""
    members: tuple[SeatedMember, ...] = ()
    """The first circle's people in seating order."""

    def cards(self) -> list[CircleCard]:
        """The list as the catalog's records."""
        from circlekeeper.ui.catalog import CircleCard

        return [CircleCard(**_values(card)) for card in self.circles]

    def detail(self) -> CircleDetail | None:
        """The first circle's page as the catalog's record."""
        from circlekeeper.ui.catalog import CircleDetail, Member

        if self.first is None:
            return None
        return CircleDetail.of(self.first, tuple(Member(**_values(m)) for m in self.members))


def _values(record: FrozenRecord) -> dict[str, Any]:
    """A record's fields by name (what the catalog's record of the same fields is made of)."""
    return {name: getattr(record, name) for name in fields(record)}
