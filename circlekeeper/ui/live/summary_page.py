"""The end-of-circle summary put in the window: built, wired to saving and exporting, and
showing the mood counts recorded for the session (again after each count saved over it).

Kept out of ``main_window.py``, which is at its size ceiling (issue #16).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from circlekeeper.errors import UserFacingError
from circlekeeper.ui.live.summary_view import SummaryView

if TYPE_CHECKING:
    from circlekeeper.session.summary import SessionSummary
    from circlekeeper.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def open_summary(window: MainWindow, session_id: int, summary: SessionSummary) -> SummaryView:
    """The summary as the window's current page, with the moods recorded so far."""
    view = SummaryView(summary, can_export=window.options.pdf_exporter is not None)
    view.closed.connect(lambda text: window._close_summary(session_id, text))
    view.export_requested.connect(lambda text: window._export(session_id, text))
    window.pages.addWidget(view)
    window.pages.setCurrentWidget(view)
    show_moods(view, window, session_id)
    return view


def show_moods(view: SummaryView | None, window: MainWindow, session_id: int) -> None:
    """The session's mood counts on its summary, as the store has them now; none when the
    store cannot say (offline, the summary still shows the rest)."""
    moods_of = window.options.moods_of
    if view is None or moods_of is None:
        return
    try:
        moods = moods_of(session_id)
    except UserFacingError as error:
        log.warning("mood counts not shown on the summary: %s", error)
        return
    view.show_moods(moods)
