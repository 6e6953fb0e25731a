"""One object the composition root builds to wire prompts into the app.

It holds the library (built once from the shipped decks and ``store.prompts``) and the
drawing settings, and hands each window what it needs: prompt tools for *Start a circle*,
the browser for a *Prompt library…* menu entry, and the recording of a session's prompts.

The library speaks the app's language; a circle with a language of its own draws from a
library of the same prompts in that language, sharing the one repository, so favourites,
hidden prompts and "heard recently" hold across languages (prompt ids never change).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtWidgets import QWidget

from circlekeeper.i18n import active_language
from circlekeeper.prompts import (
    PromptDrawer,
    PromptLibrary,
    PromptRepository,
    PromptUseRecorder,
)
from circlekeeper.prompts.drawer import DEFAULT_AVOID_LAST
from circlekeeper.prompts.late_deal import library_deal
from circlekeeper.prompts.translated import shipped_decks_in
from circlekeeper.session.dealing import PromptDeal
from circlekeeper.session.model import RoundPlan
from circlekeeper.session.prompts import Prompt, PromptCategory, PromptUse
from circlekeeper.ui.prompts.browser import PromptBrowser
from circlekeeper.ui.prompts.picker import PromptTools


def avoid_last_setting(value: str | None) -> int:
    """The ``prompt_avoid_last`` setting as a number; anything unusable means the default."""
    try:
        number = int(value) if value is not None else DEFAULT_AVOID_LAST
    except ValueError:
        return DEFAULT_AVOID_LAST
    return number if 0 <= number <= 1000 else DEFAULT_AVOID_LAST


class PromptFeature:
    def __init__(
        self,
        repository: PromptRepository,
        *,
        avoid_last: int = DEFAULT_AVOID_LAST,
        library: PromptLibrary | None = None,
    ) -> None:
        self._repository = library.repository if library is not None else repository
        self.avoid_last = avoid_last
        self._libraries: dict[str, PromptLibrary] = {}
        self._last_language = active_language()
        if library is not None:
            self._libraries[self._last_language] = library

    @property
    def language(self) -> str:
        """The app's language now: a switch in Settings while the app runs is followed by the
        next browser, draw and recording (the libraries share one repository, so marks and
        "heard recently" carry over)."""
        return active_language()

    @property
    def library(self) -> PromptLibrary:
        """The library in the app's language (re-read when the language changed since the
        last call, so marks made in the other language's library are in it)."""
        code = self.language
        known = code in self._libraries
        library = self.library_in(code)
        if known and code != self._last_language:
            library.refresh()
        self._last_language = code
        return library

    @property
    def recorder(self) -> PromptUseRecorder:
        return PromptUseRecorder(self.library)

    def library_in(self, language: str) -> PromptLibrary:
        """The library in a circle's language (``""``: the app's), built the first time."""
        code = language or self.language
        if code not in self._libraries:
            decks = list(shipped_decks_in(code))
            self._libraries[code] = PromptLibrary(decks, self._repository)
        return self._libraries[code]

    def browser(
        self,
        parent: QWidget | None,
        *,
        circle_id: int | None = None,
        circle_name: str = "",
        category: PromptCategory | None = None,
    ) -> PromptBrowser:
        return PromptBrowser(
            self.library,
            circle_id=circle_id,
            circle_name=circle_name,
            category=category,
            parent=parent,
        )

    def tools_for(
        self,
        circle_id: int | None,
        *,
        circle_name: str = "",
        first_meeting: bool = False,
        seed: int | None = None,
        language: str = "",
    ) -> PromptTools:
        """Drawing and browsing for one *Start a circle* dialog of one circle, in the circle's
        language (``""``: the app's)."""
        library = self.library_in(language)
        library.refresh()  # pick up marks made in another window since

        def browse(parent: QWidget, category: PromptCategory | None) -> Prompt | None:
            return PromptBrowser(
                library,
                circle_id=circle_id,
                circle_name=circle_name,
                category=category,
                parent=parent,
            ).choose()

        drawer = PromptDrawer(library, circle_id=circle_id, avoid_last=self.avoid_last, seed=seed)
        return PromptTools(drawer=drawer, browse=browse, first_meeting=first_meeting)

    def dealer_for(
        self,
        circle_id: int | None,
        first_meeting: bool = False,
        language: str = "",
        *,
        seed: int | None = None,
    ) -> PromptDeal:
        """Deals a late arrival their own prompt in one circle's live session: from the
        library in the circle's language, by the rules *Start a circle* dealt the others by."""
        library = self.library_in(language)
        drawer = PromptDrawer(library, circle_id=circle_id, avoid_last=self.avoid_last, seed=seed)
        return library_deal(library, drawer, first_meeting=first_meeting)

    def record_session(
        self,
        session_id: int,
        plan: Sequence[RoundPlan],
        *,
        started_at: datetime | None = None,
        language: str = "",
    ) -> list[PromptUse]:
        """Remember which prompts a session heard, so history shows them and draws avoid them;
        ``language`` is the circle's, whose words the plan's prompts are in."""
        recorder = PromptUseRecorder(self.library_in(language))
        return recorder.record_plan(session_id, plan, used_at=started_at)
