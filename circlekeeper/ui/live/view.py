"""The facilitator's screen during a circle: ring, speaker, queue, fairness, controls.

This module builds and lays out the screen and shows the controller's state; the buttons and
their keys are :mod:`~circlekeeper.ui.live.live_controls`, what they ask for
:mod:`~circlekeeper.ui.live.live_intents`.

Everything here renders the controller's signals or forwards an intent to it. Single-key
shortcuts (Space, N, P, L, +) are window shortcuts; a focused text field (the private note)
keeps its keys, because Qt lets a line edit claim printable keys before shortcuts fire.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _, ngettext
from circlekeeper.session.forecast import Refit
from circlekeeper.session.model import Phase
from circlekeeper.session.offered import offered_seconds
from circlekeeper.session.state import TurnView
from circlekeeper.session.summary import summarize
from circlekeeper.ui.fairness_strip import FairnessStrip, bars_from_summary, scrollable
from circlekeeper.ui.live.chime import Chime
from circlekeeper.ui.live.circle_glance import CircleClockLine, OverrunOffer
from circlekeeper.ui.live.clock_guard import ClockGuard
from circlekeeper.ui.live.controller import LiveController
from circlekeeper.ui.live.cue_style import CueStyle
from circlekeeper.ui.live.fitted_label import FittedLabel
from circlekeeper.ui.live.live_controls import LiveControls
from circlekeeper.ui.live.live_intents import ArrivalAsker
from circlekeeper.ui.live.passers_bar import PassersBar
from circlekeeper.ui.live.round_queue import RoundQueue
from circlekeeper.ui.live.steady_height import steady_height
from circlekeeper.ui.live.timer_ring import TimerRing
from circlekeeper.ui.sentence_label import SentenceLabel
from circlekeeper.ui.theme import banner_style

try:  # Qt ≥ 6.8 can announce a sentence to screen readers without moving focus.
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - older Qt
    # The name stays bound so callers can test for it; None means this Qt cannot announce.
    QAccessibleAnnouncementEvent = None  # type: ignore[assignment,misc]

SPEAKER_LINES = 2
"""The speaker's name (or "Ready: …") in at most two lines: the ring never moves for a name."""
PROMPT_LINES = 3
LINE_GAP = 3
"""Pixels between the lines above and below the ring (Qt's 6 made the screen too tall for
1024×600 with a panel once a prompt showed)."""
ROWS_IN_SIGHT = 5
"""People whose speaking time shows without scrolling, on a 1024×600 screen too."""


class LiveView(LiveControls, QWidget):
    """One live circle on the facilitator's laptop."""

    presenter_requested = Signal()
    finished = Signal()
    """The facilitator ended the circle; the summary screen takes over."""
    save_copy_requested = Signal()

    def __init__(
        self,
        controller: LiveController,
        *,
        chime: Chime | None = None,
        cue: CueStyle = CueStyle.FULL,
        arrival_dialog: ArrivalAsker | None = None,
        notes_widget: QWidget | None = None,
        ask: Callable[[str, str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._ask = ask
        self.chime = chime or Chime(parent=self)
        self._arrival_dialog = arrival_dialog
        self.setAccessibleName(_("Live circle"))
        self._fairness_countdown = 0
        self.notes_widget = notes_widget
        self._build_headings()
        self._build_storage_row()
        self._build_parts(cue)
        self._build_controls()
        self._lay_out()
        self._wire()
        self.refresh()

    # ---------------------------------------------------------------- building

    def _build_headings(self) -> None:
        """The words above and below the ring: round, prompt, speaker, who is next."""
        self.round_label = FittedLabel(1)  # a long round name never pushes the ring down
        self.round_label.setObjectName("roundLabel")
        self.round_label.setAccessibleName(_("Round"))
        # Fixed heights: the ring keeps its size whatever the names and prompts (see FittedLabel).
        self.prompt_label = FittedLabel(PROMPT_LINES)
        self.prompt_label.setObjectName("promptLabel")
        self.prompt_label.setAccessibleName(_("Prompt"))
        self.speaker_label = FittedLabel(SPEAKER_LINES)
        self.speaker_label.setObjectName("speakerLabel")
        self.speaker_label.setAccessibleName(_("Speaking now"))
        self.next_label = FittedLabel(1)
        self.next_label.setAccessibleName(_("Up next"))
        self.policy_label = QLabel()
        self.policy_label.setAccessibleName(_("Time policy"))
        self.policy_label.setWordWrap(True)
        self.policy_label.setTextFormat(Qt.TextFormat.PlainText)
        self.policy_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def _build_storage_row(self) -> None:
        """The banner (and its *Save a copy* button) shown when the disk stops taking events."""
        self.storage_banner = QLabel()
        self.storage_banner.setObjectName("storageBanner")
        self.storage_banner.setWordWrap(True)
        self.storage_banner.setAccessibleName(_("Saving problem"))
        self.save_copy_button = QPushButton(_("Save a copy…"))
        self.save_copy_button.setAccessibleName(_("Save a copy of the session elsewhere"))
        self.save_copy_button.clicked.connect(self.save_copy_requested)
        self._storage_row = QFrame()
        self._storage_row.setObjectName("storageRow")
        storage_layout = QHBoxLayout(self._storage_row)
        storage_layout.addWidget(self.storage_banner, 1)
        storage_layout.addWidget(self.save_copy_button)
        self._storage_row.hide()

    def _build_parts(self, cue: CueStyle) -> None:
        """The ring, the queue, the fairness strip, the circle's clock and the status line."""
        self.reminder = FittedLabel(1)
        self.reminder.set_full_text(_("The timer is not running — press Space to start the turn."))
        self.reminder.setObjectName("reminder")
        self.reminder.setAccessibleName(_("Reminder"))
        self.reminder.hide()
        self.status = SentenceLabel()
        self.status.setObjectName("status")
        self.status.setAccessibleName(_("Status"))
        self.status.setWordWrap(True)
        self.circle_clock = CircleClockLine()
        self.overrun_offer = OverrunOffer()
        self.passers_bar = PassersBar()
        self.ring = TimerRing(cue)
        self.queue = RoundQueue()
        self.fairness = FairnessStrip()
        self.fairness.setAccessibleName(_("Speaking time, each against what they were offered"))

    def _lay_out(self) -> None:
        """The ring and its words on the left; queue, fairness and notes on the right."""
        left = QVBoxLayout()
        # Tight lines and margins: with a round's prompt shown the screen asked for 569
        # pixels, more than a 1024×600 screen leaves under a desktop panel (543), and the
        # status line fell behind the panel.
        left.setSpacing(LINE_GAP)
        left.addWidget(self.round_label)
        left.addWidget(self.circle_clock)
        left.addWidget(self.overrun_offer)
        left.addWidget(self.prompt_label)
        left.addWidget(self.policy_label)
        left.addWidget(self.speaker_label)
        left.addWidget(self.ring, 1)
        left.addWidget(self._below_ring())

        right = QVBoxLayout()
        right.addWidget(self.queue)
        fairness_title = QLabel(_("Speaking time so far"))
        fairness_title.setObjectName("sectionTitle")
        right.addWidget(fairness_title)
        self.fairness_area = scrollable(self.fairness)
        # Whatever the screen, five people's rows are in sight (compact on a 1024×600 one);
        # a bigger circle scrolls. The same five whoever is present: an arrival never changes
        # what the column claims, so nothing beside it moves.
        self.fairness_area.setMinimumHeight(self.fairness.height_for_rows(ROWS_IN_SIGHT))
        # The queue asks for its names and no more; the rest of the column goes to this list.
        right.addWidget(self.fairness_area, 1)
        if self.notes_widget is not None:
            right.addWidget(steady_height(self.notes_widget))

        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(9, LINE_GAP + 1, 9, LINE_GAP + 1)
        outer.setSpacing(LINE_GAP + 1)
        outer.addWidget(self._storage_row)
        outer.addLayout(body, 1)
        outer.addWidget(self.controls)
        outer.addWidget(self.status)
        self.setStyleSheet(
            "#roundLabel { font-size: 18px; font-weight: 600; }"
            "#promptLabel { font-size: 20px; }"
            "#speakerLabel { font-size: 30px; font-weight: 600; }"
            "#sectionTitle { font-weight: 600; }" + banner_style()
        )

    def _below_ring(self) -> QWidget:
        """Who is next, the reminder and the passers' bar, in a room of fixed height.

        They come and go as a round runs (the bar only once nobody is left waiting, when
        there is no "next" nor a reminder): the room is as tall as the taller of the two
        forms, so the ring keeps its size and nothing under it is pushed into it.
        """
        room = QWidget()
        room.setObjectName("belowRing")
        layout = QVBoxLayout(room)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.next_label)
        layout.addWidget(self.reminder)
        layout.addWidget(self.passers_bar)
        layout.addStretch(1)
        spacing = max(0, layout.spacing())
        running = self.next_label.sizeHint().height() + spacing + self.reminder.sizeHint().height()
        room.setFixedHeight(max(running, self.passers_bar.reserved_height()))
        return room

    def _wire(self) -> None:
        """Intents of the parts go to the controller; its signals come back to the screen."""
        controller = self.controller
        self.overrun_offer.shorten_requested.connect(self._shorten)
        self.overrun_offer.answered.connect(self._make_room_for_the_offer)
        self.passers_bar.hear_requested.connect(controller.hear_passer)
        self.clock_guard = ClockGuard(self, self._clock_on_screen)
        self.destroyed.connect(self.clock_guard.stop)
        self.queue.reorder_requested.connect(controller.reorder)
        self.queue.pass_requested.connect(controller.pass_turn)
        self.queue.defer_requested.connect(controller.pass_for_now)
        self.queue.skip_requested.connect(controller.skip)
        self.queue.leave_requested.connect(self._confirm_leave)
        controller.changed.connect(self.refresh)
        controller.ticked.connect(self._tick)
        controller.refused.connect(self._show_refusal)
        controller.announced.connect(self._announce)
        controller.phase_changed.connect(self._phase_changed)
        controller.reminder_changed.connect(self.reminder.setVisible)
        controller.storage_failed.connect(self._storage_failed)
        controller.storage_recovered.connect(self._storage_recovered)
        controller.clock_jumped.connect(self._clock_jumped)

    # ---------------------------------------------------------------- render

    def refresh(self) -> None:
        controller = self.controller
        now = controller.moment()
        progress = now.progress
        plan = progress.plan
        if plan is None:
            self.round_label.set_full_text(_("All planned rounds are done"))
            self.prompt_label.set_full_text("")
            self.policy_label.setText("")
        else:
            # One line whether or not the round has begun: the ring stays where it is as the
            # first turn starts (how to begin is said where the speaker's name will be).
            self.round_label.set_full_text(
                _("Round {number} of {total} · {name}").format(
                    number=progress.index + 1, total=max(progress.total, 1), name=plan.label
                )
            )
            self.prompt_label.set_full_text(controller.prompt_now())
            self.policy_label.setText(plan.policy.describe())
        # Shown for the whole round or not at all, so a per-person round's changing prompt
        # never moves the ring.
        self.prompt_label.setVisible(plan is not None and bool(plan.prompt or plan.per_person))
        view = controller.turn_view()
        speaker = now.speaker
        if speaker:
            self.speaker_label.set_full_text(self._label(speaker))
        elif progress.round_complete:
            self.speaker_label.set_full_text(_("Everyone has had their turn — N closes the round"))
        elif progress.in_round and now.up_next:
            self.speaker_label.set_full_text(
                _("Ready: {name}").format(name=self._label(now.up_next))
            )
        elif plan is not None and not progress.in_round:
            self.speaker_label.set_full_text(_("Press N or Space to begin"))
        else:
            self.speaker_label.set_full_text("")
        after = now.following
        self.next_label.set_full_text(
            _("Next: {name}").format(name=self._label(after)) if after else ""
        )
        round_ = controller.current_round()
        # Before a round opens, who will speak in it, in order (greyed), not an empty box.
        upcoming = controller.order_for_next_round() if round_ is None and plan else []
        self.queue.show_round(round_, self._label, speaker, upcoming)
        self.passers_bar.show_passers(controller.passers_waiting(), self._label)
        self.next_label.setVisible(not self.passers_bar.isVisibleTo(self))
        self._update_buttons(view)
        # What changed shows at once: the speaking time and the circle's clock too, not on the
        # next second's tick (the clock line was empty for up to a second after the circle
        # opened, then filled and moved the ring by a pixel).
        self._fairness_countdown = 0
        self._tick(view)

    def _refresh_fairness(self) -> None:
        log, now = self.controller.session.log, self.controller.session.elapsed()
        # Each person against what they were offered, never a running average (issue #13).
        bars, equal = bars_from_summary(summarize(log, now=now), offered_seconds(log, now=now))
        # Room for a pass a round from the start: the first pass never shrinks the bars.
        self.fairness.keep_room_for_passes(len(self.controller.effective_plan()))
        self.fairness.set_bars(bars, equal)

    def _tick(self, view: TurnView | None) -> None:
        upcoming = self.controller.next_allotment() if view is None else None
        shown = self.ring.text()
        self.ring.set_view(view, upcoming)
        self._fairness_countdown -= 1
        # The list follows the ring's second, in the same tick: on its own count of ticks it
        # lagged by up to a second, "0:03 remaining" beside "0:16 of 0:20". Still about once a
        # second, and once a second when no turn runs.
        if self._fairness_countdown <= 0 or self.ring.text() != shown:
            self._fairness_countdown = 5  # about once a second
            self._refresh_fairness()
            self._refresh_glance()

    def _refresh_glance(self) -> None:
        """The whole circle's clock, and the offer to shorten what is left when it runs over."""
        controller = self.controller
        if not controller.session.state.started or controller.session.state.ended:
            return
        outlook = controller.forecast()
        self.circle_clock.show_forecast(outlook, controller.wall_at)
        refit = controller.refit() if outlook.overrun > 0 else None
        labels = [plan.label for plan in refit.plans] if refit else []
        self.overrun_offer.offer(outlook, refit, labels)
        self._make_room_for_the_offer()

    def _make_room_for_the_offer(self) -> None:
        """While the offer shows, it stands in for the circle's clock line (it says how far
        past its end the plan is heading) and the round's time policy: the live screen keeps
        its height, on a 600-pixel screen too, instead of growing past the screen's edge."""
        offered = self.overrun_offer.isVisibleTo(self)
        self.circle_clock.setVisible(not offered)
        self.policy_label.setVisible(not offered)

    def _shorten(self, refit: Refit) -> None:
        if self.controller.apply_refit(refit):
            self.status.setText(_("The rounds left are shortened to fit. Ctrl+Z undoes it."))
            self.refresh()

    def _label(self, person_id: str) -> str:
        return self.controller.label(person_id)

    # ---------------------------------------------------------------- signals

    def _show_refusal(self, message: str) -> None:
        self.status.setText(message)
        self._announce(message)

    def _announce(self, message: str) -> None:
        self.status.setText(message)
        if QAccessibleAnnouncementEvent is not None and QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.status, message))

    def _phase_changed(self, phase: Phase, name: str) -> None:
        if phase in (Phase.NEARING_END, Phase.OVER_TIME):
            self.chime.play()

    def _storage_failed(self, message: str) -> None:
        self.storage_banner.setText(message)
        self._storage_row.show()

    def _storage_recovered(self, saved: int) -> None:
        self._storage_row.hide()
        if not saved:  # only a heartbeat had failed: no action waited in the window
            self._announce(_("Saved again: the database takes this circle's actions again."))
            return
        self._announce(
            ngettext(
                "Saved again: the {count} action kept in this window is in the database now.",
                "Saved again: the {count} actions kept in this window are in the database now.",
                saved,
            ).format(count=saved)
        )

    def show_kept_back(self, message: str | None) -> None:
        """The banner while the server refuses the circle's actions and this computer keeps
        them (``None``: they are delivered, or only wait for the network; the banner goes)."""
        if self.controller.storage_error is not None:
            return  # the store failed outright: its own sentence stays
        if message is None:
            self._storage_row.hide()
            return
        self.storage_banner.setText(message)
        self._storage_row.show()

    def _clock_on_screen(self) -> QRect:
        area = self.ring.time_area()
        return QRect(self.ring.mapToGlobal(area.topLeft()), area.size())
