"""Choices that shape the main window, gathered in one record by the composition root.

Everything the window would otherwise reach out for (the clock, dialogs, the PDF exporter, the
notes) arrives here, so tests hand the real window fakes and the window never builds the app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from circlekeeper.session.clock import Clock, MonotonicClock
from circlekeeper.ui.live.cue_style import CueStyle

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from circlekeeper.i18n.choice import LanguagePreference
    from circlekeeper.session.dealing import PromptDeal
    from circlekeeper.ui.live.controller import LiveController
    from circlekeeper.ui.prompts.feature import PromptFeature
    from circlekeeper.ui.settings_dialog import AppSettings, SettingsStore
    from circlekeeper.ui.setup.setup_dialog import SetupDialog


@dataclass
class WindowOptions:
    """Choices that shape the window, gathered by the composition root from settings."""

    facilitator_cue: CueStyle = CueStyle.FULL
    presenter_cue: CueStyle = CueStyle.NEUTRAL
    presenter_end_time: bool = False
    auto_start_next: bool = True
    muted: bool = False
    clock_factory: Callable[[], Clock] = MonotonicClock
    wall: Callable[[], datetime] | None = None
    """The wall clock beside the monotonic one (``None``: the system's UTC time)."""
    setup_dialog: Callable[..., SetupDialog] | None = None
    """The *Start a circle* dialog (``None``: the real one)."""
    pdf_exporter: Callable[[QWidget, int, str], object] | None = None
    """Exports a session's PDF (parent, session id, shareable text); may return a running job
    with a ``finished(path)`` signal."""
    notes_factory: Callable[[int, LiveController], QWidget | None] | None = None
    extra_pages: dict[str, QWidget] = field(default_factory=dict)
    mood_dialog: Callable[[QWidget, int, str, int], object] | None = None
    """Asks for the anonymous 1–5 mood counts (parent, session id, moment, people present)."""
    prompts: PromptFeature | None = None
    """The prompt library (drawing and browsing in *Start a circle*, the library window)."""
    prompt_dealer: Callable[[int, bool, str], PromptDeal] | None = None
    """Gives a live circle its late arrivals' own prompts (circle id, first meeting, the
    circle's language → a deal); ``None``: they hear the round's shared prompt."""
    settings_store: SettingsStore | None = None
    """Where settings live (the database); ``None`` until the data has opened."""
    settings_applied: Callable[[AppSettings], object] | None = None
    """Told when settings change, for what lives outside the window (notes lock, prompts)."""
    exported: Callable[[QWidget, Path], object] | None = None
    """Told where a PDF was saved; ``None`` offers to open it or its folder (tests say no)."""
    language_preference: LanguagePreference | None = None
    """Where the facilitator's language choice is kept (``None``: Settings offers no choice)."""
    switch_language: Callable[[str], QWidget | None] | None = None
    """Rebuilds the window in a language at once (``ui/language_switch.py``); returns the new
    window, or ``None`` when the choice waits for the next start."""
    ask: Callable[[QWidget, str, str], bool] | None = None
    """Asks a yes/no question; ``None`` means a real message box (tests answer it themselves)."""
