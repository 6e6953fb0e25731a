"""A circle left live by a crash is offered back, never dropped silently."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QMessageBox, QWidget

from circlekeeper.i18n import _, ngettext
from circlekeeper.i18n.formats import format_date, format_date_and_time, format_time
from circlekeeper.ui.bidi_text import display_name
from circlekeeper.ui.catalog import LiveSessionInfo


class ResumeChoice(StrEnum):
    RESUME = "resume"
    CLOSE = "close"
    DISCARD = "discard"
    LATER = "later"


def last_sign_of_life(info: LiveSessionInfo) -> str:
    """When the circle was last known alive, on the same clock as its start ("4:40 PM" in
    English, "16:40" in German); with the date too when that was another day."""
    if info.last_alive is None:
        return _("unknown")
    alive = info.last_alive.astimezone()
    if alive.date() == info.started.astimezone().date():
        return format_time(alive)
    return format_date_and_time(alive)


def ask_resume(parent: QWidget | None, info: LiveSessionInfo) -> ResumeChoice:
    local = info.started.astimezone()
    alive = last_sign_of_life(info)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("A circle was interrupted"))
    box.setText(
        _(
            "The circle “{circle}” started at {time} on {date} was still running when"
            " CircleKeeper stopped (last sign of life: {alive})."
        ).format(
            circle=display_name(info.circle_name),
            time=format_time(local),
            date=format_date(local, "medium"),
            alive=alive,
        )
    )
    box.setInformativeText(
        ngettext(
            "Resume it where it was (the time the app was down counts as a pause), close it at"
            " the last moment it was alive, or discard it. Its {count} recorded event is safe.",
            "Resume it where it was (the time the app was down counts as a pause), close it at"
            " the last moment it was alive, or discard it. Its {count} recorded events are safe.",
            info.events,
        ).format(count=info.events)
    )
    # Translators: & marks the Alt+letter; each must differ from this dialog's others.
    resume = box.addButton(_("&Resume"), QMessageBox.ButtonRole.AcceptRole)
    # Translators: & marks the Alt+letter; each must differ from this dialog's others.
    close = box.addButton(_("&Close it"), QMessageBox.ButtonRole.ActionRole)
    # Translators: & marks the Alt+letter; each must differ from this dialog's others.
    discard = box.addButton(_("&Discard…"), QMessageBox.ButtonRole.DestructiveRole)
    # Translators: & marks the Alt+letter; each must differ from this dialog's others.
    later = box.addButton(_("Decide &later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(resume)
    box.exec()
    clicked = box.clickedButton()
    if clicked is resume:
        return ResumeChoice.RESUME
    if clicked is close:
        return ResumeChoice.CLOSE
    if clicked is discard:
        return ResumeChoice.DISCARD if sure_to_delete(parent, info) else ResumeChoice.LATER
    del later
    return ResumeChoice.LATER


def sure_to_delete(parent: QWidget | None, info: LiveSessionInfo) -> bool:
    """The last word before an interrupted circle is deleted; Cancel is the default.

    The button names the deed in our own words: Qt's own *Discard* reads «ارفض» ("refuse") in
    Arabic and «Ne pas tenir compte» ("disregard") in French, which is not what it does here.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Discard the interrupted circle"))
    box.setText(
        _(
            "Delete the interrupted circle “{circle}” with its log and notes?"
            " This cannot be undone."
        ).format(circle=info.circle_name)
    )
    # Translators: & marks the Alt+letter; it must differ from Qt's Cancel beside it.
    delete = box.addButton(_("&Delete the circle"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete
