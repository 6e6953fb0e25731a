"""The whole circle at a glance, under the round's name: planned end, time left, where the
plan is heading, and a one-step choice when it runs over.

The figures come from :func:`circlekeeper.session.forecast.forecast` through the controller;
this module only words times for the wall clock people read and offers the choice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _
from circlekeeper.i18n.typed_lists import between_parts
from circlekeeper.session.forecast import CircleForecast, Refit, forecast_sentence, minutes_phrase
from circlekeeper.session.model import format_duration
from circlekeeper.ui.key_names import key_text
from circlekeeper.ui.live.fitted_label import FittedLabel

OFFER_AFTER_SECONDS = 60.0
"""The plan must be heading at least this far past its end before we offer to shorten it."""
OFFER_LINES = 2
"""Lines of the offer's sentence on the live screen (the whole of it is the tooltip)."""
OFFER_AGAIN_SECONDS = 300.0
"""After *Keep the plan*, ask again only once the overrun has grown by this much more."""


def local_clock(moment: datetime) -> str:
    """A wall-clock time in the system's own short format (24-hour or 12-hour)."""
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(stamp.time(), QLocale.FormatType.ShortFormat)


class CircleClockLine(QLabel):
    """ "Planned end 20:30 · 12 min left · Check-out will end about 6 min after 20:30"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("circleClock")
        self.setAccessibleName(_("The circle's time"))
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def show_forecast(self, outlook: CircleForecast, wall_at: Callable[[float], datetime]) -> None:
        text = forecast_sentence(outlook, lambda elapsed: local_clock(wall_at(elapsed)))
        if text != self.text():
            self.setText(text)


class AnswerRow(QWidget):
    """The offer's buttons side by side, or one above the other when the column is too narrow
    for both: with their keys shown, German's pair asked 630 pixels and pushed the live screen
    past a 1024-pixel screen's edge. Its least width is its widest button's."""

    def __init__(self, buttons: tuple[QPushButton, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons = buttons
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        # The arrangement of the moment must not pin the width (this widget says its least).
        self._box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._box.addStretch(1)
        for button in buttons:
            self._box.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)

    def stacked(self) -> bool:
        return self._box.direction() is QBoxLayout.Direction.TopToBottom

    def minimumSizeHint(self) -> QSize:
        widest = max(button.minimumSizeHint().width() for button in self._buttons)
        return QSize(widest, self._box.minimumSize().height())

    def sizeHint(self) -> QSize:
        return self._box.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        spacing = max(0, self._box.spacing()) * (len(self._buttons) - 1)
        wanted = sum(button.sizeHint().width() for button in self._buttons) + spacing
        direction = (
            QBoxLayout.Direction.LeftToRight
            if wanted <= event.size().width()
            else QBoxLayout.Direction.TopToBottom
        )
        if direction is not self._box.direction():
            self._box.setDirection(direction)
            self.updateGeometry()


class OverrunOffer(QFrame):
    """When the plan heads past its end: shorten the rounds left to fit, or keep the plan."""

    shorten_requested = Signal(object)
    """The :class:`Refit` the facilitator accepted."""
    answered = Signal()
    """The facilitator shortened the plan or kept it: the offer is gone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overrunOffer")
        self.setAccessibleName(_("The plan is running over"))
        # Two lines at most across the whole column (the full offer is its tooltip), the
        # buttons under it: beside them, German's wording was squeezed into a narrow strip
        # and cut, and the offer pushed the live screen past a 600-pixel screen's edge.
        self.message = FittedLabel(OFFER_LINES)
        self.shorten_button = QPushButton(
            _("Shorten the rounds left") + f"  [{key_text('Ctrl+Shift+F')}]"
        )
        self.shorten_button.setAccessibleName(_("Shorten the rounds left"))
        self.shorten_button.setToolTip(
            _("Give every round still to come the same smaller share, so the circle ends on time")
        )
        self.keep_button = QPushButton(_("Keep the plan") + f"  [{key_text('Ctrl+Shift+K')}]")
        self.keep_button.setAccessibleName(_("Keep the plan"))
        self.keep_button.setToolTip(
            _("Let the circle run over; you will be asked again if it grows")
        )
        self.answers = AnswerRow((self.shorten_button, self.keep_button))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.answers)
        self.shorten_button.clicked.connect(self.accept)
        self.keep_button.clicked.connect(self.keep)
        self._refit: Refit | None = None
        self._overrun = 0.0
        self._kept_at: float | None = None
        self.hide()

    def offer(self, outlook: CircleForecast, refit: Refit | None, labels: list[str]) -> None:
        """Show or hide the offer for this instant's forecast."""
        over = outlook.overrun
        asked_again = self._kept_at is None or over >= self._kept_at + OFFER_AGAIN_SECONDS
        if refit is None or over < OFFER_AFTER_SECONDS or not asked_again:
            self._refit = None
            self.hide()
            return
        self._refit = refit
        self._overrun = over
        self.message.set_full_text(self._wording(over, refit, labels))
        self.show()

    def accept(self) -> None:
        if self._refit is not None and self.isVisible():
            self.shorten_requested.emit(self._refit)
            self._refit = None
            self.hide()
            self.answered.emit()

    def keep(self) -> None:
        """Let the circle run over; a key pressed with no offer open keeps nothing (it would
        have silenced the next offer)."""
        if not self.isVisible():
            return
        self._kept_at = self._overrun
        self.hide()
        self.answered.emit()

    def _wording(self, over: float, refit: Refit, labels: list[str]) -> str:
        shares = []
        for label, share in zip(labels, refit.shares, strict=False):
            if share is not None:
                shares.append(
                    _("{round} {time} each").format(round=label, time=format_duration(share))
                )
        offer = between_parts().join(shares)
        if refit.fits:
            return _(
                "The plan is heading {minutes} past its end. Shortened to fit: {offer}."
            ).format(minutes=minutes_phrase(over), offer=offer)
        return _(
            "The plan is heading {minutes} past its end. Shortened to fit: {offer} (still a"
            " little over: the minimum per person is kept)."
        ).format(minutes=minutes_phrase(over), offer=offer)
