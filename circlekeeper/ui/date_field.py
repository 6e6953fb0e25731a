"""A date a person types, or picks from a calendar: the history's "From" and "To".

Qt's ``QDateEdit`` could not take a typed date. Left at its "any date" text it ignored every
digit; holding a date, typing ``11/01/2026`` gave ``12/1/2026`` (the month section advanced by
itself after "11", and the "/" then skipped the day as well), so a facilitator at the keyboard
could filter by date only by pressing Up some three hundred times from January 2000, or open a
calendar that also began in January 2000. This field is a line of text: the date is typed as the
language writes it (``11/30/2026``, ``30.11.2026``, ``30/11/2026``; ``2026-11-30`` always), with
or without leading zeros, a two-digit year, or none (this year); Return or leaving the field
applies it. Left empty it means any date. Alt+Down or F4 (as in a drop-down list), or the arrow at
its end, opens a calendar at the date shown, or at today.

What it could not read is said under the field, and nothing changes: the filter keeps the last
date that was applied.

The Period tab's *From* and *To* are the same field with no "any date" (``blank=None``): a period
has a first and a last day, so a field emptied there says so and shows its date again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import shiboken6
from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLineEdit,
    QStyle,
    QStyleOption,
    QToolTip,
    QWidget,
)

from circlekeeper.i18n import _

DIGITS = re.compile(r"\d+")


def display_format() -> str:
    """The language's own short date (``11/17/2026``, ``17.11.2026``, ``17/11/2026``) with
    the year in full: Qt's short formats abbreviate it to two digits in some languages, which
    reads ambiguously in a history that spans decades."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def field_order(pattern: str) -> str:
    """``"MDY"``, ``"DMY"`` or ``"YMD"``: the order a date format writes its parts in."""
    places = {part: pattern.find(letter) for part, letter in (("Y", "y"), ("M", "M"), ("D", "d"))}
    if min(places.values()) < 0:
        return "YMD"
    return "".join(sorted(places, key=places.__getitem__))


def read_date(text: str, order: str, today: date) -> date | None:
    """The day ``text`` names, read in ``order`` (:func:`field_order`), or ``None``.

    Any separators (``/ . -``, spaces, the direction marks Arabic dates carry) and the
    language's own digits are accepted; a first part of four digits is a year (ISO's
    ``2026-11-30``, whatever the language); a two-digit year is this century's; without a
    year, the day is in this one.
    """
    parts = [int(group) for group in DIGITS.findall(text)]
    if len(parts) == 3 and len(DIGITS.findall(text)[0]) == 4:
        order = "YMD"
    elif len(parts) == 2:
        order = order.replace("Y", "")
        parts.append(today.year)
        order += "Y"
    elif len(parts) != 3:
        return None
    values = dict(zip(order, parts, strict=True))
    year = values["Y"]
    if year < 100:
        year += 2000
    try:
        return date(year, values["M"], values["D"])
    except ValueError:
        return None


class DateField(QLineEdit):
    """A typed date; empty means ``blank`` (shown greyed), or is refused when ``blank`` is
    ``None``. ``changed`` carries nothing: read :meth:`day` (the date applied, or ``None``)."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        *,
        blank: str | None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._day: date | None = None
        self._format = display_format()
        self._calendar: QCalendarWidget | None = None
        self._required = blank is None
        self.setAccessibleName(name)
        example = self.written(date(today().year, 11, 30))
        if blank is not None:
            self.setPlaceholderText(blank)
            # Translators: the tip of a date field in the history's filters; {example} is a
            # date as the language writes it.
            tip = _(
                "Type a date such as {example}, or leave it empty for any date."
                " Alt+Down opens a calendar."
            )
        else:
            # Translators: the tip of the first or last day of the history's Period; {example}
            # is a date as the language writes it.
            tip = _("Type a date such as {example}. Alt+Down opens a calendar.")
        self.setToolTip(tip.format(example=example))
        self.pick = QAction(self._arrow(), _("Choose a date from a calendar"), self)
        self.pick.triggered.connect(self.open_calendar)
        self.addAction(self.pick, QLineEdit.ActionPosition.TrailingPosition)
        self.editingFinished.connect(self._typed)

    def _arrow(self) -> QIcon:
        """The small arrow a drop-down list shows, drawn by the style (its own icon for an
        arrow is a large black one, unlike the lists beside the field)."""
        size = self.fontMetrics().height()
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        option = QStyleOption()
        option.initFrom(self)
        option.rect = QRect(0, 0, size, size).adjusted(size // 4, size // 4, -size // 4, -size // 4)
        painter = QPainter(pixmap)
        try:
            self.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_IndicatorArrowDown, option, painter, self
            )
        finally:
            painter.end()
        return QIcon(pixmap)

    # ------------------------------------------------------------- the date

    def day(self) -> date | None:
        return self._day

    def set_day(self, day: date | None) -> None:
        """Show and apply ``day`` (``None``: any date); ``changed`` when it is another."""
        self.setText("" if day is None else self.written(day))
        if day != self._day:
            self._day = day
            self.changed.emit()

    def written(self, day: date) -> str:
        return QLocale().toString(QDate(day.year, day.month, day.day), self._format)

    def apply_typed(self) -> None:
        """Read what is typed now (Return and leaving the field do; a button pressed by its
        Alt key leaves the keys in the field, so it asks first)."""
        if self.text() != ("" if self._day is None else self.written(self._day)):
            self._typed()

    def _typed(self) -> None:
        text = self.text().strip()
        if not text and not self._required:
            self.set_day(None)
            return
        day = read_date(text, field_order(self._format), self._today()) if text else None
        if day is not None:
            self.set_day(day)
            return
        self._say_unread(text)
        if not text or not self.hasFocus():  # it shows again the date still applied
            self.setText("" if self._day is None else self.written(self._day))

    def _say_unread(self, text: str) -> None:
        example = self.written(date(self._today().year, 11, 30))
        if text:
            # Translators: under a date field of the history's filters; {example} is a date
            # as the language writes it.
            message = _("“{typed}” is not a date, so nothing changed. Type one such as {example}.")
        else:
            # Translators: under the first or last day of the history's Period, emptied;
            # {example} is a date as the language writes it.
            message = _(
                "A period needs a date here, so nothing changed. Type one such as {example}."
            )
        self.unread_notice = message.format(typed=text, example=example)
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), self.unread_notice, self)

    unread_notice = ""
    """The last notice of a date not understood (what the tip under the field said)."""

    # ---------------------------------------------------------- the calendar

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> QCalendarWidget:
        """A calendar under the field at the date applied (or today); Return, a click or a
        double click takes a day, Escape leaves the field as it was."""
        calendar = QCalendarWidget()
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.setLocale(QLocale())
        calendar.setLayoutDirection(self.layoutDirection())
        calendar.setAccessibleName(_("Choose a date from a calendar"))
        start = self._day or self._today()
        calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        calendar.clicked.connect(self._picked)
        calendar.activated.connect(self._picked)
        calendar.installEventFilter(self)
        hint = calendar.sizeHint()
        corner = (
            QPoint(self.width() - hint.width(), self.height())
            if self.isRightToLeft()
            else QPoint(0, self.height())
        )
        calendar.move(self.mapToGlobal(corner))
        self._calendar = calendar
        calendar.show()
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)
        return calendar

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._calendar
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self._close_calendar()
            return True
        return False

    def _picked(self, day: QDate) -> None:
        self._close_calendar()
        self.set_day(date(day.year(), day.month(), day.day()))

    def _close_calendar(self) -> None:
        if self._calendar is not None and shiboken6.isValid(self._calendar):
            self._calendar.close()
            self._calendar = None
        self.setFocus(Qt.FocusReason.PopupFocusReason)
