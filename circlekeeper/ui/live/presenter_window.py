"""The projector screen: the ring, who is speaking, who is next, the round and its prompt.

It holds no notes widget and no queue controls at all, so nothing private can end up on the
wall; it only renders what the controller's signals carry.

It goes full screen on a second screen when there is one, follows a projector plugged in during
the circle, and when the projector is unplugged it becomes a window again instead of covering
the facilitator's own screen and controls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QScreen,
    QShortcut,
)
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from circlekeeper.i18n import _
from circlekeeper.session.state import TurnView
from circlekeeper.ui.bidi_text import breakable
from circlekeeper.ui.live.circle_glance import local_clock
from circlekeeper.ui.live.controller import LiveController
from circlekeeper.ui.live.cue_style import CueStyle
from circlekeeper.ui.live.timer_ring import TimerRing
from circlekeeper.ui.screen_fit import FRAME_ALLOWANCE
from circlekeeper.ui.theme import presenter_style

ScreenT = TypeVar("ScreenT")

WINDOWED_SIZE = (1024, 640)
SHARED_SCREEN_SHARE = 0.45
"""Share of the width and height of the facilitator's only screen the presenter window takes."""
FULL_TYPE_HEIGHT = 720
"""Window height (pixels) at which the presenter's words have their designed sizes; they
scale with the height either way. A smaller window scales them down, to :data:`SMALLEST_TYPE`,
so the ring keeps its room (in a window of 45 % of a laptop screen it was cut in half); a
taller screen scales them up, as the ring grows: on a 1920×1080 projector the prompt stayed
30 pixels high (under 3 % of the wall) beside digits of 180, too small to read from the back
of the room, and on a 4K one it was half that share."""
SMALLEST_TYPE = 0.4
FRAME_SETTLE_MS = (0, 300, 900)
"""When to check that the framed window's title bar is on the screen (window managers frame
a new window within a moment, sooner or later depending on the machine's load)."""


def projector_screen(
    screens: Sequence[ScreenT], facilitator: ScreenT | None, gone: ScreenT | None = None
) -> ScreenT | None:
    """The screen the circle looks at: the first that is not the facilitator's own (nor one
    being unplugged). ``None`` when the facilitator's screen is the only one."""
    for screen in screens:
        if screen is not facilitator and screen is not gone:
            return screen
    return None


def where_full_screen(model: str, width: int, height: int) -> str:
    """The status line once the presenter fills another screen: the screen's model if it
    gives one ("DELL U2419H") and its size. Not the connector's name, which read "full
    screen on screen." under X servers that call every output "screen"."""
    size = f"{width}×{height}"
    if model.strip():
        return _("The presenter screen is full screen on {screen} ({size}).").format(
            screen=model.strip(), size=size
        )
    return _("The presenter screen is full screen on the other screen ({size}).").format(size=size)


class PresenterWindow(QWidget):
    placed = Signal(str)
    """Where the presenter went, in a sentence for the facilitator's status bar."""

    def __init__(self, controller: LiveController, cue: CueStyle = CueStyle.NEUTRAL) -> None:
        # The facilitator's window keeps the keyboard: the presenter is looked at, never typed
        # into, so a click on it (or its appearing) must not take the live keys away.
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        # Qt adds the app's name after the title ("Presenter screen — CircleKeeper").
        self.setWindowTitle(_("Presenter screen"))
        self.setAccessibleName(_("Presenter screen"))
        self._controller = controller
        self._facilitator_screen: Callable[[], QScreen | None] | None = None
        self._over: QWidget | None = None
        self._end_time = False
        self._build_labels()
        self.ring = TimerRing(cue)
        self._lay_out()
        self._wire()
        self.refresh()

    def _build_labels(self) -> None:
        """Round, prompt, speaker, who is next and the planned end, centred for the room."""
        self.round_label = QLabel()
        self.round_label.setObjectName("presenterRound")
        self.prompt_label = QLabel()
        self.prompt_label.setObjectName("presenterPrompt")
        self.speaker_label = QLabel()
        self.speaker_label.setObjectName("presenterSpeaker")
        self.next_label = QLabel()
        self.next_label.setObjectName("presenterNext")
        self.end_label = QLabel()
        self.end_label.setObjectName("presenterNext")
        names = (_("Round"), _("Prompt"), _("Speaking now"), _("Up next"), _("Planned end"))
        labels = (
            self.round_label,
            self.prompt_label,
            self.speaker_label,
            self.next_label,
            self.end_label,
        )
        for label, name in zip(labels, names, strict=True):
            label.setAccessibleName(name)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.round_label)
        layout.addWidget(self.prompt_label)
        layout.addWidget(self.speaker_label)
        layout.addWidget(self.ring, 1)
        layout.addWidget(self.next_label)
        layout.addWidget(self.end_label)
        self.end_label.hide()
        self._type_scale = 1.0
        self.setStyleSheet(presenter_style())
        self.ring.set_dark(True)

    def _wire(self) -> None:
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._leave_full_screen)
        # The presenter never has the keyboard, so F11 works from any of the app's windows:
        # the facilitator presses it in their own.
        full_screen = QShortcut(QKeySequence(Qt.Key.Key_F11), self, self._toggle_full_screen)
        full_screen.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self._controller.changed.connect(self.refresh)
        self._controller.ticked.connect(self._tick)

    def set_cue(self, cue: CueStyle) -> None:
        self.ring.set_cue(cue)

    def show_end_time(self, shown: bool) -> None:
        """The circle's planned end for the room (a facilitator's choice in Settings): only
        when it was planned, never how far over it runs, which is the facilitator's to weigh."""
        self._end_time = shown
        self._show_end()

    def _show_end(self) -> None:
        controller = self._controller
        state = controller.session.state
        if not self._end_time or not state.started or state.ended:
            self.end_label.hide()
            return
        end = controller.wall_at(controller.forecast().planned_end)
        self.end_label.setText(_("We close at {time}").format(time=local_clock(end)))
        self.end_label.show()

    def refresh(self) -> None:
        controller = self._controller
        now = controller.moment()
        progress = now.progress
        plan = progress.plan
        if plan is None:
            self.round_label.setText(_("Thank you for being here"))
            self.prompt_label.setText("")
        else:
            self.round_label.setText(
                breakable(
                    _("{name} · round {number} of {total}").format(
                        name=plan.label, number=progress.index + 1, total=max(progress.total, 1)
                    )
                )
            )
            self.prompt_label.setText(breakable(controller.prompt_now()))
        self.prompt_label.setVisible(bool(self.prompt_label.text()))
        if now.speaker:
            self.speaker_label.setText(self._label(now.speaker))
        elif progress.round_complete:
            self.speaker_label.setText(_("Everyone has had their turn"))
        else:
            self.speaker_label.setText("")
        # The room sees who comes next, including whoever is about to start.
        self.next_label.setText(
            _("Next: {name}").format(name=self._label(now.up_next)) if now.up_next else ""
        )
        self._show_end()
        self._tick(controller.turn_view())

    def _tick(self, view: TurnView | None) -> None:
        upcoming = None
        if view is None and self._controller.current_round() is not None:
            upcoming = self._controller.next_allotment()
        self.ring.set_view(view, upcoming)

    def _label(self, person_id: str) -> str:
        return self._controller.label(person_id)

    def show_beside(
        self, facilitator_screen: Callable[[], QScreen | None], over: QWidget | None = None
    ) -> None:
        """Show on another screen if there is one, and keep following the screens. Sharing
        the facilitator's screen, the window stays over ``over`` (the facilitator's window)."""
        self._facilitator_screen = facilitator_screen
        self._over = over
        if over is not None:
            over.installEventFilter(self)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self._screen_added)
        app.screenRemoved.connect(self._screen_removed)
        self.placed.emit(self._place(None))

    def _screen_added(self, _screen: QScreen) -> None:
        self.placed.emit(self._place(None))

    def _screen_removed(self, screen: QScreen) -> None:
        self.placed.emit(self._place(screen))

    def _place(self, gone: QScreen | None) -> str:
        facilitator = self._facilitator_screen() if self._facilitator_screen else None
        target = projector_screen(QGuiApplication.screens(), facilitator, gone)
        if target is not None:
            self.setScreen(target)
            self.setGeometry(target.geometry())
            self.showFullScreen()
            return where_full_screen(target.model(), target.size().width(), target.size().height())
        self.showNormal()
        self.resize(*WINDOWED_SIZE)
        if facilitator is not None and facilitator is not gone:
            # One screen: a smaller window in the top corner, clear of the controls along the
            # bottom of the facilitator's window, and entirely on the screen. The corner is
            # the one over the queue, never the ring's: the ring leads the live screen (on
            # the left, or on the right in a right-to-left language, where the window on
            # the right covered the facilitator's clock).
            area = facilitator.availableGeometry()
            width = min(WINDOWED_SIZE[0], int(area.width() * SHARED_SCREEN_SHARE))
            height = min(WINDOWED_SIZE[1], int(area.height() * SHARED_SCREEN_SHARE))
            self.resize(width, height)
            if self.isRightToLeft():
                self.move(area.left(), area.top())
            else:
                self.move(area.right() - width - FRAME_ALLOWANCE[0], area.top())
            # The window manager frames the window once it is shown: then the title bar, not
            # the content, goes to the top of the screen (it sat above the edge, out of reach).
            for delay in FRAME_SETTLE_MS:
                QTimer.singleShot(delay, self, lambda: self._keep_frame_inside(area))
        self.show()
        return _("The presenter screen is a window; F11 makes it full screen.")

    def _keep_frame_inside(self, area: QRect) -> None:
        if self.isFullScreen() or not self.isVisible():
            return
        frame = self.frameGeometry()
        left = max(area.left(), min(frame.left(), area.right() - frame.width()))
        top = max(area.top(), min(frame.top(), area.bottom() - frame.height()))
        if (left, top) != (frame.left(), frame.top()):
            self.move(left, top)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Words sized to the window's height, as the ring is: larger on a big projector,
        smaller in a window."""
        super().resizeEvent(event)
        share = event.size().height() / FULL_TYPE_HEIGHT
        scale = round(max(SMALLEST_TYPE, share), 2)
        if scale != self._type_scale:
            self._type_scale = scale
            self.setStyleSheet(presenter_style(scale=scale))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The facilitator's window active again (a dialog answered, a click on it): a window
        on the same screen comes back over it. Every dialog raised that window over the
        presenter, which then stayed hidden behind it, and F5, pressed to bring it back,
        closed it instead."""
        if (
            watched is self._over
            and event.type() == QEvent.Type.WindowActivate
            and self.isVisible()
            and not self.isFullScreen()
        ):
            self.raise_()
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._over is not None:
            self._over.removeEventFilter(self)
            self._over = None
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and self._facilitator_screen is not None:
            app.screenAdded.disconnect(self._screen_added)
            app.screenRemoved.disconnect(self._screen_removed)
            self._facilitator_screen = None
        super().closeEvent(event)

    def _leave_full_screen(self) -> None:
        """Esc only leaves full screen; closing is F5 in the facilitator's window."""
        if self.isFullScreen():
            self.showNormal()

    def _toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)


__all__ = ["PresenterWindow"]
