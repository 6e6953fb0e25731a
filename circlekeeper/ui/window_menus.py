"""The main window's menus: every command reachable by mouse, and by keyboard where it is used.

Kept apart from the window so the window holds pages and their wiring, and this holds the
menu bar, the display options it toggles, and the shortcuts help.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from circlekeeper.i18n import N_, _
from circlekeeper.ui.live.cue_style import CueStyle

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QMenu, QWidget

    from circlekeeper.ui.main_window import MainWindow

# Translators: each line names keys, then what they do; translate the key names the way
# keyboards in your language label them (Space, Esc, Ctrl…).
SHORTCUTS_HELP = (
    N_("During a circle:"),
    N_("Space — start, pause or resume the turn"),
    N_("N or → — end the turn and start the next speaker"),
    N_("P — pass   ·   L — come back at the end of the round"),
    N_("+ — add 30 seconds   ·   Ctrl+Z — undo the last action"),
    N_("Ctrl+T — started late   ·   Ctrl+J — late arrival"),
    N_("Ctrl+K — someone leaves   ·   F5 — presenter screen   ·   Ctrl+E — end"),
    N_("1…9 — a turn for someone who passed, once everyone has been heard"),
    N_(
        "Ctrl+Shift+F — the circle runs over: shorten the rounds left to fit"
        "   ·   Ctrl+Shift+K — keep the plan"
    ),
    N_("Ctrl+Shift+M — write a private note   ·   Esc — back to the timer"),
    "",
    N_("Elsewhere:"),
    N_("Ctrl+Shift+N — new circle   ·   Ctrl+Shift+E — edit the circle"),
    N_("Ctrl+Return — start a circle   ·   Ctrl+Shift+L — prompt library"),
    N_("Alt+↑ / Alt+↓ — move someone to where they sit   ·   Ctrl+Shift+U — suggested facilitator"),
    N_("Ctrl+L — lock private notes   ·   Ctrl+Shift+O — notes of this circle"),
    N_("Ctrl+1, Ctrl+2… — circles, history and other areas"),
    N_(
        "History: Ctrl+F — search   ·   Return — to the sessions found"
        "   ·   Esc — close a session   ·   Delete — delete one   ·   Ctrl+Z — bring it back"
    ),
    N_(
        "Private notes: Ctrl+F — search   ·   Ctrl+N — new note   ·   Ctrl+E — edit"
        "   ·   Ctrl+S — save   ·   Delete — delete one"
    ),
)
"""The keyboard help, one line per message (an empty string is an empty line)."""


def shortcuts_help() -> str:
    """The keyboard help in the active language (translated when shown, not at import)."""
    return "\n".join(_(line) if line else "" for line in SHORTCUTS_HELP)


def menu_path(*items: str) -> str:
    """``Circle ▸ Archived circles…``: where a command lives, as the menus spell it (without
    their shortcut marks), so a message points at the words really on screen."""
    return " ▸ ".join(item.replace("&", "") for item in items)


class WindowMenus:
    """The menu bar: its titles at once, its commands when :meth:`build` is called.

    A window that opens before its data shows its menu titles in its first paint and builds
    the commands (and their shortcuts) right after that paint, in the same turn of the event
    loop, before it handles any key press: the actions and ``QKeySequence`` objects cost
    start-up several milliseconds that the first paint does not need. Anything that reaches
    for a command (:meth:`add_go_action`, :meth:`sync`) builds them first.
    """

    def __init__(
        self,
        window: MainWindow,
        *,
        build: bool = True,
        acting_on_circle: Sequence[QWidget] = (),
    ) -> None:
        """``acting_on_circle``: the window's own buttons that act on the chosen circle
        (Archive), greyed with the menu's commands that do (:meth:`sync_circle_commands`)."""
        self.window = window
        self._circle_commands: list[QWidget | QAction] = list(acting_on_circle)
        bar = window.menuBar()
        self.circle_menu = bar.addMenu(_("&Circle"))
        self.view_menu = bar.addMenu(_("&View"))
        self.go_menu = bar.addMenu(_("&Go"))
        self.help_menu = bar.addMenu(_("&Help"))
        self.built = False
        self.writes_held = False
        """Set while the data is open read-only: what acts on a circle stays greyed even when
        one is chosen (:func:`circlekeeper.ui.read_only_hold.hold_writes`)."""
        self.writing_actions: tuple[QAction, ...] = ()
        if build:
            self.build()
        else:
            self.sync_circle_commands()

    def build(self) -> None:
        """Fill the menus with their commands (once)."""
        if self.built:
            return
        self.built = True
        from PySide6.QtGui import QKeySequence

        window = self.window
        circle_menu = self.circle_menu
        action = partial(self._action, circle_menu)
        new_circle = action(_("&New circle…"), "Ctrl+Shift+N", window.new_circle)
        on_circle = (
            action(_("&Edit circle…"), "Ctrl+Shift+E", window.edit_circle),
            action(_("&Start a circle…"), "Ctrl+Return", window.start_circle),
        )
        self._circle_commands += on_circle
        self.writing_actions = (new_circle, *on_circle)
        """Commands that change the data: held while it is open read-only (read_only_hold)."""
        action(_("&Prompt library…"), "Ctrl+Shift+L", window.open_prompt_library)
        action(_("&Archived circles…"), None, window.show_archived)
        self.writing_actions += (
            action(_("&Import a session file…"), None, window.import_session_file),
            action(_("&Restore from backup…"), None, self.restore_backup),
        )
        circle_menu.addSeparator()
        self.writing_actions += (action(_("Se&ttings…"), "Ctrl+,", window.open_settings),)
        self._action(circle_menu, _("&Quit"), QKeySequence.StandardKey.Quit, window.close)

        view_menu = self.view_menu
        self.mute_action = self._toggle(
            view_menu, _("&Mute the chime"), "Ctrl+M", window.chime.muted, self._toggle_mute
        )
        self.auto_action = self._toggle(
            view_menu,
            _("Start the next turn when moving &on"),
            None,
            window.options.auto_start_next,
            self._toggle_auto,
        )
        self.neutral_action = self._toggle(
            view_menu,
            _("Keep the &presenter screen neutral"),
            None,
            window.options.presenter_cue is CueStyle.NEUTRAL,
            self._toggle_neutral,
        )
        self.discreet_action = self._toggle(
            view_menu,
            _("&Discreet cues on my screen"),
            None,
            window.options.facilitator_cue is CueStyle.DISCREET,
            self._toggle_discreet,
        )

        self._action(self.go_menu, _("&Circles"), "Ctrl+1", window.show_circles)
        for number, (title, page) in enumerate(window.options.extra_pages.items(), start=2):
            self._action(self.go_menu, title, f"Ctrl+{number}", partial(window.show_page, page))
        self._action(self.help_menu, _("&Keyboard shortcuts"), "F1", self.show_shortcuts)
        self.help_menu.addSeparator()
        self._action(self.help_menu, _("&About CircleKeeper"), None, self.show_about)
        self.sync_circle_commands()

    def sync_circle_commands(self) -> None:
        """Archive, *Edit circle…* and *Start a circle…* (and their shortcuts) act on the chosen
        circle: greyed while there is none (a first start, the last one archived), while the
        data is still opening and while a circle runs, instead of doing nothing when pressed."""
        window = self.window
        chosen = window.current_circle_id is not None and window.has_data
        for command in self._circle_commands:
            command.setEnabled(chosen and window.controller is None and not self.writes_held)

    def add_go_action(self, title: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        self.build()  # *Circles* first, then the areas in the order they were added
        return self._action(self.go_menu, title, shortcut, slot)

    def _action(
        self,
        menu: QMenu,
        text: str,
        shortcut: str | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
    ) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self.window)
        if shortcut is not None:
            # setShortcuts with a list, not setShortcut: PySide6 resolves setShortcut's
            # overloads by building every enum of the Qt namespace, about 25 ms of start-up.
            if isinstance(shortcut, QKeySequence.StandardKey):  # every binding the platform has
                action.setShortcuts(QKeySequence.keyBindings(shortcut))
            else:
                action.setShortcuts([QKeySequence(shortcut)])
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        return action

    def _toggle(
        self,
        menu: QMenu,
        text: str,
        shortcut: str | None,
        checked: bool,
        slot: Callable[[], object],
    ) -> QAction:
        action = self._action(menu, text, shortcut, slot)
        action.setCheckable(True)
        action.setChecked(checked)
        return action

    def sync(self) -> None:
        """Show the options as they are now (after settings were loaded or changed)."""
        self.build()
        options = self.window.options
        self.mute_action.setChecked(self.window.chime.muted)
        self.auto_action.setChecked(options.auto_start_next)
        self.neutral_action.setChecked(options.presenter_cue is CueStyle.NEUTRAL)
        self.discreet_action.setChecked(options.facilitator_cue is CueStyle.DISCREET)

    def _toggle_mute(self) -> None:
        self.window.chime.set_muted(self.mute_action.isChecked())
        self.window.remember_display_choices()

    def _toggle_auto(self) -> None:
        window = self.window
        window.options.auto_start_next = self.auto_action.isChecked()
        if window.controller is not None:
            window.controller.auto_start_next = window.options.auto_start_next
        self.window.remember_display_choices()

    def _toggle_neutral(self) -> None:
        cue = CueStyle.NEUTRAL if self.neutral_action.isChecked() else CueStyle.FULL
        self.window.options.presenter_cue = cue
        if self.window.presenter is not None:
            self.window.presenter.set_cue(cue)
        self.window.remember_display_choices()

    def _toggle_discreet(self) -> None:
        cue = CueStyle.DISCREET if self.discreet_action.isChecked() else CueStyle.FULL
        self.window.options.facilitator_cue = cue
        if self.window.live_view is not None:
            self.window.live_view.ring.set_cue(cue)
        self.window.remember_display_choices()

    def restore_backup(self) -> None:
        """Circle ▸ *Restore from backup…* (``ui/restore/``), once the data is open."""
        restore = self.window.options.restore_backup
        if restore is None:
            self.window.say(_("The data is still opening; try again in a moment."))
            return
        restore(self.window)

    def show_shortcuts(self) -> None:
        from circlekeeper.ui.shortcuts_dialog import ShortcutsDialog  # built on use

        ShortcutsDialog(self.window).exec()

    def show_about(self) -> None:
        from circlekeeper.ui.about_dialog import AboutDialog  # built on use, not at start-up

        AboutDialog(self.window).exec()
