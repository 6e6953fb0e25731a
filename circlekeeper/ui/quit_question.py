"""What closing the window asks while a circle runs: whether what it holds is safe.

Usually every action is stored, so the circle is offered for resuming next time. When the store
stopped taking them (a disk that filled up, a server that refused this facilitator's role),
the actions since live only in the window until *Save a copy…* writes them to a file: then
quitting loses them, and the question says so instead of promising a resume.
"""

from __future__ import annotations

from circlekeeper.i18n import _, ngettext
from circlekeeper.ui.live.controller import LiveController


def quit_question(controller: LiveController, copied_through: int) -> tuple[str, str]:
    """The title and question for quitting; ``copied_through`` is the last action a saved
    copy holds (0: none saved)."""
    missing = sum(1 for seq in controller.unsaved if seq > copied_through)
    if missing:
        return _("Not saved"), ngettext(
            "{count} action of this circle could not be saved to the database and is only in"
            " this window. Quit anyway and lose it? (No keeps the window open: Save a copy…"
            " writes it to a file.)",
            "{count} actions of this circle could not be saved to the database and are only"
            " in this window. Quit anyway and lose them? (No keeps the window open: Save a"
            " copy… writes them to a file.)",
            missing,
        ).format(count=missing)
    waiting = controller.waiting_for_server
    if waiting:  # kept on this laptop: the server is away, or refuses the role for now
        return _("A circle is running"), ngettext(
            "A circle is still running. Quit anyway? {count} of its actions waits on this"
            " computer; it is sent, and the circle offered for resuming, the next time"
            " CircleKeeper opens with the server answering.",
            "A circle is still running. Quit anyway? {count} of its actions wait on this"
            " computer; they are sent, and the circle offered for resuming, the next time"
            " CircleKeeper opens with the server answering.",
            waiting,
        ).format(count=waiting)
    return _("A circle is running"), _(
        "A circle is still running. Quit anyway? It is saved and will be offered"
        " for resuming next time."
    )
