"""Switching the window's language live, a running circle included.

The window is rebuilt rather than retranslated widget by widget: the composition root builds
a fresh :class:`MainWindow` on the same open data, so every menu, page and tooltip is worded by
the code that worded it the first time, and no string can be forgotten by a retranslate
method. What must survive moves across: the running circle's :class:`LiveController` (its
engine, log, clocks and timer go on untouched: the new live view is built from it), the
vault's unlocked state, the circle on screen and the window's place. A new ``qtbase``
translator and the layout direction (right to left for Arabic) are installed first, so Qt's
own words and the mirroring follow too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from circlekeeper.i18n import _, language, use_language
from circlekeeper.i18n.choice import fallback_language
from circlekeeper.ui.qt_language import apply_language

if TYPE_CHECKING:
    from circlekeeper.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class LanguageSwitch:
    """Puts the app in another language by rebuilding its window; ``window`` is the current one."""

    def __init__(
        self,
        app: QApplication,
        window: MainWindow,
        rebuild: Callable[[MainWindow], MainWindow],
        translator: QTranslator | None = None,
    ) -> None:
        self.app = app
        self.window = window
        self.rebuild = rebuild
        self.translator = translator
        self.replaced: list[Callable[[MainWindow], object]] = []
        """Told the new window each time one replaces the last (whoever keeps a reference)."""
        window.options.switch_language = self

    def __call__(self, code: str) -> MainWindow | None:
        """Speak ``code`` (``""``: the system's language) from now on.

        Returns the new window, or ``None`` when the switch waits for the next start: only
        while a finished circle's summary is open, whose typed text belongs to that screen.
        """
        old = self.window
        if old.summary_view is not None:
            return None
        from circlekeeper.ui.history.deleting import settle_pages

        settle_pages(old)  # a session deleted in History goes now: the window is rebuilt
        chosen = use_language(code or fallback_language())
        if self.translator is not None:
            self.app.removeTranslator(self.translator)
        self.translator = apply_language(self.app, chosen)
        new = self.put_in_place(old, self.rebuild(old))
        new.say(
            _("CircleKeeper now speaks {language}.").format(language=language(chosen).native_name)
        )
        log.info("window rebuilt in %s", chosen)
        return new

    def put_in_place(self, old: MainWindow, new: MainWindow) -> MainWindow:
        """``new`` where ``old`` was (its place, its circle, a running circle), ``old`` gone;
        also for a window built on restored data."""
        new.options.switch_language = self
        new.setGeometry(old.geometry())
        new.splitter.setSizes(old.splitter.sizes())
        if old.controller is not None:
            new.adopt_live(old)
        elif old.current_circle_id is not None:
            new.refresh_circles(select=old.current_circle_id)
        if old.isMaximized():
            new.showMaximized()
        elif old.isVisible():
            new.show()
        old.hide()
        old.deleteLater()
        self.window = new
        for tell in self.replaced:
            tell(new)
        return new
