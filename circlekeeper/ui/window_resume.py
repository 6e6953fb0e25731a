"""The main window's resume: at start-up, the circles a crash (or a closed lid) interrupted are
offered one at a time, and the one chosen reopens live where it was, its timer paused.

Functions of a :class:`~circlekeeper.ui.main_window.MainWindow`, which takes them as its
methods (``window.offer_resume()``); they live here so the window's module keeps to its size.
They open the live circle through the window's own ``_open_live``, as starting one does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _

if TYPE_CHECKING:
    from circlekeeper.ui.main_window import MainWindow


def offer_resume(window: MainWindow) -> None:
    """At start-up: the facilitator's own interrupted sessions, one at a time.

    Another app may claim one between the offer and the answer (its lease); then the
    refusal says who holds it and since when, and the next one is offered.
    """
    from circlekeeper.ui.live.resume_dialog import ResumeChoice, ask_resume
    from circlekeeper.ui.offline_notice import finish_ended_here

    finish_ended_here(window)  # ended while their actions waited here: not to resume
    for info in window.catalog.live_sessions():
        choice = ask_resume(window, info)
        try:
            if choice is ResumeChoice.RESUME:
                window.resume_session(info.session_id)
                return
            if choice is ResumeChoice.CLOSE:
                window.catalog.close_at_last_heartbeat(info.session_id)
            elif choice is ResumeChoice.DISCARD:
                window.catalog.discard(info.session_id)
        except UserFacingError as refusal:
            window.statusBar().showMessage(str(refusal))


def resume_session(window: MainWindow, session_id: int) -> None:
    journal = window.catalog.journal(session_id)  # first: it delivers events kept offline
    data = window.catalog.resume_data(session_id)
    window._circle_id = data.circle_id
    from circlekeeper.ui.live.controller import LiveController

    controller = LiveController.resumed(
        window.options.clock_factory(),
        journal,
        data.plan,
        data.entries,
        last_alive_elapsed=data.last_alive_elapsed,
        down_seconds=data.down_seconds,
        wall=window.options.wall,
        deal=window._prompt_dealer(data.circle_id, first_meeting=data.first_meeting),
        parent=window,
    )
    window._open_live(session_id, controller)
    controller.activate()
    window.say(_("The circle is back where it was; the timer is paused."))
