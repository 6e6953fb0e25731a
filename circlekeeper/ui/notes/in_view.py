"""Which circle's session *Notes ▸ Notes of this circle…* opens when no circle is running.

During a circle it is that circle, and the Notes menu knows it. Afterwards a facilitator often
writes the evening after, from wherever they are: the session open in History, or else the
chosen circle's most recent session (just after a circle, the one that ended). The menu asks
this at the moment it is used, so it always names what is on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from circlekeeper.history.records import SessionDetail, SessionFilter
from circlekeeper.history.source import HistorySource
from circlekeeper.i18n import _
from circlekeeper.ui.bidi_text import display_name, isolate
from circlekeeper.ui.demo_badge import demo_name
from circlekeeper.ui.history.format import local_time
from circlekeeper.ui.list_rows import current_item
from circlekeeper.ui.notes.quick_note import PersonChoice

if TYPE_CHECKING:
    from circlekeeper.ui.history.page import HistoryPage
    from circlekeeper.ui.main_window import MainWindow

SessionShown = tuple[int, str, Sequence[PersonChoice]]
"""A session's id, the words naming it ("Tuesday circle — Nov 24, 2026, 6:30 PM") and who was
there (whom a new note can be about)."""


def shown(detail: SessionDetail) -> SessionShown:
    listing = detail.listing
    # Translators: names one past session: the circle's name and when it met.
    words = _("{circle} — {when}").format(
        circle=isolate(demo_name(listing.circle_name, listing.circle_demo)),
        when=isolate(local_time(listing.started_at, listing.timezone)),
    )
    people = [
        (int(p.person_id), display_name(p.name))
        for p in detail.summary.people
        if p.person_id.isdigit()
    ]
    return listing.session_id, words, people


class SessionInView:
    def __init__(
        self,
        source: HistorySource,
        *,
        live: Callable[[], bool],
        open_in_history: Callable[[], SessionDetail | None],
        chosen_circle: Callable[[], int | None],
    ) -> None:
        self._source = source
        self._live = live
        self._open_in_history = open_in_history
        self._chosen_circle = chosen_circle

    def __call__(self) -> SessionShown | None:
        """The session in view; ``None`` while a circle runs (the menu has it) or when the
        chosen circle has not met yet."""
        if self._live():
            return None
        detail = self._open_in_history()
        if detail is None:
            circle_id = self._chosen_circle()
            if circle_id is None:
                return None
            latest = self._source.sessions(SessionFilter(circle_id=circle_id), limit=1).rows
            if not latest:
                return None
            detail = self._source.detail(latest[0].session_id)
        return shown(detail)


def for_window(window: MainWindow, history: HistoryPage, source: HistorySource) -> SessionInView:
    """The session in view in ``window``: the one open in its History's Sessions tab while
    History is on screen, else the last of the circle chosen in its list."""
    from circlekeeper.ui.main_window import CIRCLE  # the window imports notes, not the reverse

    def open_in_history() -> SessionDetail | None:
        on_screen = window.pages.currentWidget() is history and history.tabs.currentIndex() == 0
        view = history.detail_view
        return view.detail if on_screen and view is not None else None

    def chosen_circle() -> int | None:
        item = current_item(window.circle_list)
        return item.data(CIRCLE) if item is not None else None

    return SessionInView(
        source,
        live=lambda: window.controller is not None,
        open_in_history=open_in_history,
        chosen_circle=chosen_circle,
    )
