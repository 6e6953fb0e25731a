"""A circle left live by a crash is offered back, never dropped silently."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QMessageBox, QWidget

from circlekeeper.ui.catalog import LiveSessionInfo


class ResumeChoice(StrEnum):
    RESUME = "resume"
    CLOSE = "close"
    DISCARD = "discard"
    LATER = "later"


def ask_resume(parent: QWidget | None, info: LiveSessionInfo) -> ResumeChoice:
    local = info.started.astimezone()
    alive = info.last_alive.astimezone().strftime("%H:%M") if info.last_alive else "unknown"
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("A circle was interrupted")
    box.setText(
        f"The circle “{info.circle_name}” started at {local:%H:%M on %d %b %Y} was still running"
        f" when CircleKeeper stopped (last sign of life: {alive})."
    )
    box.setInformativeText(
        "Resume it where it was (the time the app was down counts as a pause), close it at the"
        f" last moment it was alive, or discard it. Its {info.events} recorded events are safe."
    )
    resume = box.addButton("Resume", QMessageBox.ButtonRole.AcceptRole)
    close = box.addButton("Close it", QMessageBox.ButtonRole.ActionRole)
    discard = box.addButton("Discard…", QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton("Decide later", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(resume)
    box.exec()
    clicked = box.clickedButton()
    if clicked is resume:
        return ResumeChoice.RESUME
    if clicked is close:
        return ResumeChoice.CLOSE
    if clicked is discard:
        sure = QMessageBox.warning(
            parent,
            "Discard the interrupted circle",
            f"Delete the interrupted circle “{info.circle_name}” with its log and notes?"
            " This cannot be undone.",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return (
            ResumeChoice.DISCARD
            if sure == QMessageBox.StandardButton.Discard
            else ResumeChoice.LATER
        )
    del later
    return ResumeChoice.LATER
