"""Choices that shape the main window, gathered in one record by the composition root.

Everything the window would otherwise reach out for (the clock, dialogs, the PDF exporter, the
notes) arrives here, so tests hand the real window fakes and the window never builds the app.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from circlekeeper.session.clock import Clock, MonotonicClock
from circlekeeper.ui.live.cue_style import CueStyle

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from circlekeeper.i18n.choice import LanguagePreference
    from circlekeeper.session.dealing import PromptDeal
    from circlekeeper.session.prompts import MoodCounts
    from circlekeeper.ui.live.controller import LiveController
    from circlekeeper.ui.main_window import MainWindow
    from circlekeeper.ui.prompts.feature import PromptFeature
    from circlekeeper.ui.settings_dialog import AppSettings, SettingsStore
    from circlekeeper.ui.setup.setup_dialog import SetupDialog


class WindowOptions:
    """Choices that shape the window, gathered by the composition root from settings.

    A plain class, not a dataclass: the window is built with it before its first paint, where
    ``@dataclass`` would spend milliseconds generating and compiling an ``__init__`` for these
    twenty choices (and an equality and a repr nobody asks of them). Every choice is a
    keyword; ``copy.copy`` gives another window the same choices.
    """

    def __init__(
        self,
        *,
        facilitator_cue: CueStyle = CueStyle.FULL,
        presenter_cue: CueStyle = CueStyle.NEUTRAL,
        presenter_end_time: bool = False,
        auto_start_next: bool = True,
        muted: bool = False,
        clock_factory: Callable[[], Clock] = MonotonicClock,
        wall: Callable[[], datetime] | None = None,
        setup_dialog: Callable[..., SetupDialog] | None = None,
        pdf_exporter: Callable[[QWidget, int, str], object] | None = None,
        notes_factory: Callable[[int, LiveController], QWidget | None] | None = None,
        extra_pages: dict[str, QWidget] | None = None,
        mood_dialog: Callable[[QWidget, int, str, int], object] | None = None,
        moods_of: Callable[[int], Sequence[MoodCounts]] | None = None,
        prompts: PromptFeature | None = None,
        prompt_dealer: Callable[[int, bool, str], PromptDeal] | None = None,
        settings_store: SettingsStore | None = None,
        settings_applied: Callable[[AppSettings], object] | None = None,
        exported: Callable[[QWidget, Path], object] | None = None,
        language_preference: LanguagePreference | None = None,
        switch_language: Callable[[str], QWidget | None] | None = None,
        ask: Callable[[QWidget, str, str], bool] | None = None,
        restore_backup: Callable[[MainWindow], object] | None = None,
    ) -> None:
        self.facilitator_cue = facilitator_cue
        self.presenter_cue = presenter_cue
        self.presenter_end_time = presenter_end_time
        self.auto_start_next = auto_start_next
        self.muted = muted
        self.clock_factory = clock_factory
        self.wall = wall
        """The wall clock beside the monotonic one (``None``: the system's UTC time)."""
        self.setup_dialog = setup_dialog
        """The *Start a circle* dialog (``None``: the real one)."""
        self.pdf_exporter = pdf_exporter
        """Exports a session's PDF (parent, session id, shareable text); may return a running
        job with a ``finished(path)`` signal."""
        self.notes_factory = notes_factory
        self.extra_pages: dict[str, QWidget] = {} if extra_pages is None else extra_pages
        self.mood_dialog = mood_dialog
        """Asks for the anonymous 1–5 mood counts (parent, session id, moment, people
        present)."""
        self.moods_of = moods_of
        """A session's mood counts as recorded (session id → counts), for its summary screen;
        ``None``: the summary shows none."""
        self.prompts = prompts
        """The prompt library (drawing and browsing in *Start a circle*, the library
        window)."""
        self.prompt_dealer = prompt_dealer
        """Gives a live circle its late arrivals' own prompts (circle id, first meeting, the
        circle's language → a deal); ``None``: they hear the round's shared prompt."""
        self.settings_store = settings_store
        """Where settings live (the database); ``None`` until the data has opened."""
        self.settings_applied = settings_applied
        """Told when settings change, for what lives outside the window (notes lock,
        prompts)."""
        self.exported = exported
        """Told where a PDF was saved; ``None`` offers to open it or its folder (tests say
        no)."""
        self.language_preference = language_preference
        """Where the facilitator's language choice is kept (``None``: Settings offers no
        choice)."""
        self.switch_language = switch_language
        """Rebuilds the window in a language at once (``ui/language_switch.py``); returns the
        new window, or ``None`` when the choice waits for the next start."""
        self.ask = ask
        """Asks a yes/no question; ``None`` means a real message box (tests answer it
        themselves)."""
        self.restore_backup = restore_backup
        """*Restore from backup…* in the window it is chosen in (``ui/restore/command.py``);
        ``None`` until the data has opened."""
