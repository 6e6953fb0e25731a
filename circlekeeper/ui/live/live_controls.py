"""The live screen's buttons and keys: one button per action, each with its key, the keys
live wherever the focus is in the facilitator's window, and only the actions that can act
enabled.

A mixin of :class:`~circlekeeper.ui.live.view.LiveView` (which lays the buttons out); the
slots it connects are the view's intents (:mod:`~circlekeeper.ui.live.live_intents`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton

from circlekeeper.i18n import _
from circlekeeper.ui.key_names import key_text
from circlekeeper.ui.live.button_grid import ButtonGrid
from circlekeeper.ui.live.circle_glance import OverrunOffer
from circlekeeper.ui.live.controller import LiveController
from circlekeeper.ui.live.live_intents import LiveIntents
from circlekeeper.ui.live.passers_bar import PassersBar


class LiveControls(LiveIntents):
    """Builds ``buttons`` and ``controls``; the view supplies what is declared here."""

    controller: LiveController
    overrun_offer: OverrunOffer
    passers_bar: PassersBar
    buttons: dict[str, QPushButton]
    controls: ButtonGrid

    def _build_controls(self) -> None:
        """One button per live action, each with its key; the keys work window-wide."""
        self.buttons: dict[str, QPushButton] = {}
        specs = [
            ("toggle", _("Start"), "Space", _("Start, pause or resume the turn"), self._toggle),
            (
                "next",
                _("Next"),
                "N",
                _("End this turn and start the next one (N or →)"),
                self._next,
            ),
            ("pass", _("Pass"), "P", _("The speaker passes for this round"), self._pass),
            (
                "later",
                _("Come back later"),
                "L",
                _("Move to the end of this round, once"),
                self._later,
            ),
            ("extend", _("+30 s"), "+", _("Give this turn 30 more seconds"), self._extend),
            ("undo", _("Undo"), "Ctrl+Z", _("Take back the last action"), self._undo),
            (
                "late_start",
                _("Started late…"),
                "Ctrl+T",
                _("The turn really began earlier"),
                self._late,
            ),
            (
                "arrival",
                _("Late arrival…"),
                "Ctrl+J",
                _("Someone joins the circle now"),
                self._arrival,
            ),
            (
                "leaving",
                _("Someone leaves…"),
                "Ctrl+K",
                _("Someone leaves the circle"),
                self._leaving,
            ),
            (
                "presenter",
                _("Presenter screen"),
                "F5",
                _("Show the projector window"),
                self._presenter,
            ),
            ("end", _("End circle…"), "Ctrl+E", _("End the circle and see the summary"), self._end),
        ]
        for key, text, shortcut, tip, slot in specs:
            button = QPushButton(f"{text}  [{key_text(shortcut)}]")
            button.setAccessibleName(text.rstrip("…"))
            button.setToolTip(f"{tip} ({key_text(shortcut)})")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(slot)
            self.buttons[key] = button
            self._shortcut(shortcut, slot)
        self.controls = ButtonGrid(list(self.buttons.values()))
        self._shortcut("Right", self._next)
        self._shortcut("=", self._extend)
        self._shortcut("Ctrl+Shift+F", self.overrun_offer.accept)
        self._shortcut("Ctrl+Shift+K", self.overrun_offer.keep)
        for number in range(1, 10):
            self._shortcut(str(number), partial(self.passers_bar.press, number))

    def _update_buttons(self, view: object) -> None:
        turn = self.controller.session.state.current_turn
        toggle = self.buttons["toggle"]
        if turn is None:
            word = _("Start")
        elif turn.running:
            word = _("Pause")
        else:
            word = _("Resume")
        toggle.setText(f"{word}  [{key_text('Space')}]")
        toggle.setAccessibleName(word)
        in_round = self.controller.current_round() is not None
        has_turn = turn is not None
        # When everyone has had their turn only N (close the round) acts; the rest say so.
        someone_left = in_round and not self.controller.progress().round_complete
        toggle.setEnabled(has_turn or someone_left or not in_round)
        self.buttons["pass"].setEnabled(someone_left)
        self.buttons["later"].setEnabled(someone_left)
        self.buttons["extend"].setEnabled(turn is not None and turn.allotted is not None)
        self.buttons["late_start"].setEnabled(has_turn)
        # Translators: {action} is what N does now, such as "Open the next planned round".
        what_next = _("{action} (N or →)").format(action=self.controller.next_step().description)
        self.buttons["next"].setToolTip(what_next)
        self.buttons["next"].setAccessibleDescription(what_next)

    def _shortcut(self, keys: str, slot: Callable[[], None]) -> None:
        shortcut = QShortcut(QKeySequence(keys), self.as_widget)
        # The whole facilitator's window: focus on the menu bar, the status line or a list
        # must not silence the live keys. A text field still keeps its printable keys.
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
