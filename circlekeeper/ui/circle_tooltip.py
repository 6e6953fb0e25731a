"""What the circle list says about a circle when the pointer rests on it."""

from __future__ import annotations

from circlekeeper.i18n import _, ngettext
from circlekeeper.ui.count_words import session_count


def circle_tooltip(name: str, members: int, sessions: int) -> str:
    """A circle's name over how many people it has and how many times it has met."""
    people = ngettext("{count} person", "{count} people", members).format(count=members)
    held = session_count(sessions)
    # Translators: a circle's size and how often it met, e.g. "8 people · 12 sessions".
    return name + "\n" + _("{people} · {sessions}").format(people=people, sessions=held)
