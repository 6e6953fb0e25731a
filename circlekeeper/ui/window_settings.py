"""The main window's settings: the Settings dialog, applying what it saved, and keeping the
View menu's display choices for next time.

Functions of a :class:`~circlekeeper.ui.main_window.MainWindow`, which takes them as its
methods (``window.open_settings()``); they live here so the window's module keeps to its size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from circlekeeper.i18n import _
from circlekeeper.ui.live.cue_style import CueStyle

if TYPE_CHECKING:
    from circlekeeper.ui.main_window import MainWindow
    from circlekeeper.ui.settings_dialog import AppSettings


def open_settings(window: MainWindow) -> None:
    store = window.options.settings_store
    if store is None:
        return
    from circlekeeper.ui.settings_dialog import (
        AppSettings,
        SettingsDialog,
        language_saved_message,
    )

    preference = window.options.language_preference
    saved_language = preference.load() if preference is not None else None
    dialog = SettingsDialog(AppSettings.load(store), window, language=saved_language)
    if dialog.exec() and dialog.result_settings is not None:
        dialog.result_settings.save(store)
        window.apply_settings(dialog.result_settings)
        window.say(_("Settings saved."))
        if preference is not None and dialog.chosen_language != saved_language:
            preference.save(dialog.chosen_language or "")
            switch = window.options.switch_language
            if switch is not None and switch(dialog.chosen_language or "") is not None:
                return  # a window in the new language replaces this one
            window.say(language_saved_message(dialog.chosen_language or ""))


def apply_settings(window: MainWindow, settings: AppSettings) -> None:
    """Display choices into the window; the rest to whoever asked to be told."""
    options = window.options
    options.facilitator_cue = CueStyle.DISCREET if settings.discreet_cues else CueStyle.FULL
    options.presenter_cue = CueStyle.NEUTRAL if settings.neutral_presenter else CueStyle.FULL
    options.presenter_end_time = settings.presenter_end_time
    window.options.auto_start_next = settings.auto_start_next
    window.chime.set_muted(settings.muted or window.options.muted)
    if window.controller is not None:
        window.controller.auto_start_next = settings.auto_start_next
    if window.live_view is not None:
        window.live_view.ring.set_cue(window.options.facilitator_cue)
    if window.presenter is not None:
        window.presenter.set_cue(window.options.presenter_cue)
        window.presenter.show_end_time(window.options.presenter_end_time)
    window.menus.sync()
    if window.options.settings_applied is not None:
        window.options.settings_applied(settings)


def remember_display_choices(window: MainWindow) -> None:
    """A choice made in the View menu is kept for next time."""
    store = window.options.settings_store
    if store is None:
        return
    options = window.options
    for key, on in (
        ("discreet_cues", options.facilitator_cue is CueStyle.DISCREET),
        ("neutral_presenter", options.presenter_cue is CueStyle.NEUTRAL),
        ("auto_start_next", options.auto_start_next),
        ("muted", window.chime.muted),
    ):
        store.set(key, "1" if on else "0")
