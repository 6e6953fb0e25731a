"""What the main window says while a live circle's actions wait on this computer.

Two reasons make them wait, and they call for different things from the facilitator. A server
that does not answer (Wi-Fi gone, a restart) needs nothing: a calm line in the status bar, and
the actions go up when it answers again. A server that answers and *refuses* (the facilitator's
rights revoked mid-circle, their login refused) will not take them by waiting: the live screen's
banner says so, that nothing is lost, and what to do (carry on, ask for the rights back, open
CircleKeeper again). Functions of a :class:`~circlekeeper.ui.main_window.MainWindow`, which
takes them as methods; they live here so the window's module keeps to its size.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _, ngettext

if TYPE_CHECKING:
    from circlekeeper.ui.live.controller import LiveController
    from circlekeeper.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def refused_words(waiting: int) -> str:
    """The banner while the server refuses this facilitator's role the circle's actions."""
    return ngettext(
        "The database server no longer lets your role save this circle (its facilitator"
        " rights were taken away, or its login is refused). Nothing is lost: {count} action"
        " is kept safely on this computer. Carry on and end the circle as usual; ask whoever"
        " runs the server to give your role its rights back, then open CircleKeeper again"
        " to send it.",
        "The database server no longer lets your role save this circle (its facilitator"
        " rights were taken away, or its login is refused). Nothing is lost: {count} actions"
        " are kept safely on this computer. Carry on and end the circle as usual; ask whoever"
        " runs the server to give your role its rights back, then open CircleKeeper again"
        " to send them.",
        waiting,
    ).format(count=waiting)


def show_offline(window: MainWindow, waiting: int) -> None:
    """A calm line while the server does not answer; the banner while it refuses."""
    controller = window.controller
    refused = controller is not None and controller.offline_refused is not None
    if window.live_view is not None:
        window.live_view.show_kept_back(refused_words(waiting) if refused and waiting else None)
    if refused and waiting:
        window.statusBar().showMessage(
            ngettext(
                "{count} action waits on this computer: the server refuses your role.",
                "{count} actions wait on this computer: the server refuses your role.",
                waiting,
            ).format(count=waiting)
        )
    elif waiting:
        window.statusBar().showMessage(
            ngettext(
                "Working offline, {count} event waiting: kept safely on this computer and"
                " sent when the server answers again.",
                "Working offline, {count} events waiting: kept safely on this computer and"
                " sent when the server answers again.",
                waiting,
            ).format(count=waiting)
        )
    else:
        window.statusBar().showMessage(_("Back online: every event is on the server."), 10_000)


def kept_end_words() -> str:
    """One status line (it must fit at 1024 pixels): the end waits here with the actions."""
    return _(
        "Circle ended. It waits on this computer until CircleKeeper next starts with the"
        " server answering; its summary PDF can be made then."
    )


def end_in_store(window: MainWindow, controller: LiveController, session_id: int) -> bool:
    """Store the circle's end once every action kept on this laptop is delivered; else keep
    it waiting with them (``finish_ended_offline`` ends it at a later start) and say so.

    Finishing on the server while actions still wait here would close the session without
    them, and a closed session is never offered again, so they would never be sent."""
    if controller.storage_error is not None:  # the store failed outright (a full disk):
        window.catalog.finish_session(session_id, "")  # as before; Save a copy… rescues
        return True
    try:
        if controller.deliver_waiting():
            window.catalog.finish_session(session_id, "")
            return True
    except UserFacingError as refused:
        log.warning("The end of session %s was not stored: %s", session_id, refused)
    window.ended_here.add(session_id)
    window.statusBar().showMessage(kept_end_words())
    return False


def finish_in_store(window: MainWindow, session_id: int, shareable: str) -> None:
    """The shareable summary with the session, or beside its actions on this laptop while
    its end waits there."""
    if session_id in window.ended_here:
        window.catalog.keep_shareable(session_id, shareable)
        window.statusBar().showMessage(kept_end_words())
        return
    window.catalog.finish_session(session_id, shareable)


def finish_ended_here(window: MainWindow) -> None:
    """At start-up: circles that ended while their actions waited on this laptop are stored
    and ended now, and the facilitator is told, instead of being offered a resume."""
    try:
        names = window.catalog.finish_ended_offline()
    except UserFacingError as refused:
        window.statusBar().showMessage(str(refused))
        return
    if names:
        window.statusBar().showMessage(
            ngettext(
                "{count} circle that ended while its actions waited on this computer is now"
                " stored on the server: {names}.",
                "{count} circles that ended while their actions waited on this computer are"
                " now stored on the server: {names}.",
                len(names),
            ).format(count=len(names), names=", ".join(names))
        )


def back_to_circles(window: MainWindow, session_id: int) -> bool:
    """The circles again after a summary; False (and the reason said) when the server does
    not let them be read now, as while the rights are revoked: the circle is safe here."""
    try:
        window.refresh_circles()
    except UserFacingError as refused:
        log.warning("The circles could not be read after a circle: %s", refused)
        window.statusBar().showMessage(
            kept_end_words() if session_id in window.ended_here else str(refused)
        )
        return False
    if session_id in window.ended_here:
        window.statusBar().showMessage(kept_end_words())
        return False
    return True
