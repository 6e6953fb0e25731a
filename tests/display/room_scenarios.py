"""Scenarios of the real-display tier for what a facilitator meets in the room on a small
screen: *Start a circle* in a long language, the ring from Ready to the first turn, the
resume offer's date. Registered with the driver through ``scenario_kit``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from tests.display.probe import Expect, Prober, global_rect, inside, rect, spin, spin_until
from tests.display.scenario_kit import build, choose_first, scenario, screenshot, with_circle

ROOM = ("Amal", "Jonas", "Priya", "Wen", "Konstantin", "Maria Fernanda", "Sam", "Noor", "Ilse")


def shown_text_cut(widget: QWidget) -> bool:
    """A button narrower than its text (and icon) needs, or a choice whose chosen words are
    wider than its text field: its words are cut."""
    if isinstance(widget, QComboBox):
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        field = widget.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            widget,
        )
        return widget.fontMetrics().horizontalAdvance(widget.currentText()) > field.width()
    return widget.width() < widget.sizeHint().width()


def cut_controls(area: QWidget, *, scrolled: QWidget | None = None) -> list[str]:
    """Every visible button and choice in ``area`` whose text is cut, or that its table cell
    or the window cuts off (named as a person reads it: by its text or accessible name).
    Controls inside ``scrolled`` (a scrolling body, shown part by part) are held to their
    text only."""
    problems = []
    for widget in area.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QComboBox) or not widget.isVisible():
            continue
        if scrolled is not None and scrolled.isAncestorOf(widget):
            if shown_text_cut(widget):
                problems.append(f"{widget.accessibleName()!r} is cut ({widget.width()} px)")
            continue
        name = (
            widget.text() if isinstance(widget, QAbstractButton) else widget.currentText()
        ) or widget.accessibleName()
        if shown_text_cut(widget):
            problems.append(f"{name!r} is cut ({widget.width()} px wide)")
        seen = widget.visibleRegion().boundingRect()
        if seen.width() and seen.width() < widget.width():
            problems.append(f"{name!r} shows {seen.width()} of its {widget.width()} px")
        if not inside(global_rect(widget), global_rect(area.window())) and seen.height():
            problems.append(f"{name!r} leaves the window")
    return problems


def room_plan():  # type: ignore[no-untyped-def]
    """Check-in, a sharing round too short for nine people's minimum turns, check-out."""
    from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy

    return (
        RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(90)),
        RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(6 * 60, minimum=60)),
        RoundPlan(RoundKind.CHECK_OUT, TimePolicy.fixed(60)),
    )


@scenario
def start_a_circle(prober: Prober, workdir: Path) -> None:
    """*Start a circle* for nine people whose sharing round is too short for their minimum
    turns: the dialog opens with the budget warning, and every control reads in full."""
    from circlekeeper.prompts.drawer import PromptMode
    from circlekeeper.ui.catalog import CircleDetail, Member

    parts = build(workdir, ask=lambda parent, title, question: True)
    window = parts.window
    window.save_circle(
        CircleDetail(
            None,
            "Tuesday",
            default_plan=room_plan(),
            members=tuple(Member(-i, name) for i, name in enumerate(ROOM, 1)),
        )
    )
    seen: dict[str, Any] = {}
    prober.report["setup"] = seen

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog)
        offer = dialog.budget_offer  # type: ignore[attr-defined]
        body = dialog.findChild(QScrollArea)
        seen["warnings"] = offer.warnings()
        seen["warning_in_sight"] = offer.isVisible() and inside(
            global_rect(offer), dialog.screen().availableGeometry()
        )
        if body is not None and body.isAncestorOf(offer):
            seen["warning_in_sight"] = seen["warning_in_sight"] and inside(
                global_rect(offer), global_rect(body.viewport())
            )
        screenshot("start-a-circle")
        plan = dialog.plan  # type: ignore[attr-defined]
        table = plan.table
        sight = global_rect(body.viewport() if body is not None else dialog)
        sight = sight.intersected(global_rect(table.viewport()))
        seen["rounds"] = table.rowCount()
        seen["rounds_in_sight"] = sum(  # as the dialog opens, before anyone scrolls
            1
            for row in range(table.rowCount())
            if inside(global_rect(table.cellWidget(row, 0)), sight)
            and table.cellWidget(row, 0).isVisible()
        )
        seen["plan_scrolls_sideways"] = table.horizontalScrollBar().isVisible()
        body_area = body.viewport() if body is not None else dialog
        cut = []
        for row in range(table.rowCount()):  # each round in view in turn, as a person scrolls
            if body is not None:
                body.ensureWidgetVisible(table.cellWidget(row, 0), 0, 0)
            table.scrollTo(table.model().index(row, 0))
            spin(0.1)
            for widget in cut_controls(table.cellWidget(row, 5) or table):
                cut.append(f"round {row + 1}: {widget}")
        if body is not None:
            body.ensureWidgetVisible(plan, 0, 0)
            spin(0.1)
        screenshot("start-a-circle-plan")
        check_in = plan.cell(0)  # one prompt for each person: the list's own buttons
        check_in.set_mode(PromptMode.PER_PERSON)
        check_in.people.draw()
        spin(0.2)
        screenshot("start-a-circle-per-person")
        cut += [f"round 1, each person: {problem}" for problem in cut_controls(check_in)]
        check_in.set_mode(PromptMode.SHARED)
        cut += cut_controls(dialog, scrolled=body)
        seen["cut"] = sorted(set(cut))
        seen["body_visible"] = rect(QRect(global_rect(body_area)))

    prober.run(window.start_circle, Expect("start a circle", look))
    window.close()
    parts.data.close()


def window_rect(widget: QWidget) -> list[int]:
    window = widget.window()
    return rect(QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size()))


@scenario
def ring_from_ready(prober: Prober, workdir: Path) -> None:
    """The live screen from "Ready" (the circle open, nobody speaking yet) through the first
    turns: where the ring is in each state, and where the words around it are."""
    parts = with_circle(workdir, ROOM[:5], ask=lambda parent, title, question: True)
    window = parts.window
    window.start_circle()
    window.activateWindow()
    live = window.live_view
    controller = window.controller
    states: dict[str, Any] = {}
    prober.report["states"] = states

    def look(name: str) -> None:
        spin(0.6)
        states[name] = {
            "ring": window_rect(live.ring),
            "round": window_rect(live.round_label),
            "circle clock": window_rect(live.circle_clock),
            "prompt": window_rect(live.prompt_label),
            "policy": window_rect(live.policy_label),
            "speaker": window_rect(live.speaker_label),
            "controls": window_rect(live.controls),
            "status": window_rect(live.status),
            "status text": live.status.text(),
            "live": window_rect(live),
            "live min": [live.minimumSizeHint().width(), live.minimumSizeHint().height()],
            "window": rect(window.geometry()),
            "queue": window_rect(live.queue),
            "queue min": live.queue.minimumSizeHint().height(),
            "fairness min": live.fairness_area.minimumSizeHint().height(),
            "controls min": live.controls.minimumSizeHint().height(),
            "window status": window_rect(window.statusBar()),
            "window status text": window.statusBar().currentMessage(),
            "offer": window_rect(live.overrun_offer) if live.overrun_offer.isVisible() else None,
            "round text": live.round_label.text(),
            "circle clock text": live.circle_clock.text(),
            "speaker text": live.speaker_label.text(),
        }
        screenshot(f"ring-{len(states)}-{name.replace(' ', '-')}")

    look("ready")
    controller.toggle()  # Space: the round begins and its first turn runs
    if controller.turn_view() is None:
        controller.toggle()
    look("first turn")
    spin(1.5)
    look("first turn a moment later")
    controller.move_on()
    look("second turn")
    from circlekeeper.session.model import Participant

    for number in (1, 2):  # two walk in: the plan now heads past its end
        controller.join(Participant(f"late-{number}", f"Late {number}"))
    spin_until(live.overrun_offer.isVisible, 6)  # the circle's clock looks about once a second
    look("plan runs over")
    states["plan runs over"]["offer shown"] = live.overrun_offer.isVisible()
    states["plan runs over"]["fits"] = inside(
        window.frameGeometry(), window.screen().availableGeometry()
    )
    live.overrun_offer.keep()
    look("plan kept")
    window.close()
    parts.data.close()


def column_report(table: Any) -> dict[str, Any]:
    """How the past-sessions table fits: a sideways scroll bar, each column's width, and the
    cells whose words are cut without a tooltip saying them whole."""
    from PySide6.QtCore import Qt

    header = table.horizontalHeader()
    model = table.model()
    metrics = table.fontMetrics()
    cut_silently = []
    for row in range(min(model.rowCount(), 20)):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            text = str(model.data(index, Qt.ItemDataRole.DisplayRole) or "")
            room = header.sectionSize(column) - 8  # the cell's margins
            if metrics.horizontalAdvance(text) > room:
                tip = str(model.data(index, Qt.ItemDataRole.ToolTipRole) or "")
                if text not in tip:
                    cut_silently.append(f"row {row + 1}, column {column + 1}: {text!r}")
    return {
        "scrolls_sideways": table.horizontalScrollBar().isVisible(),
        "columns": [header.sectionSize(c) for c in range(model.columnCount())],
        "viewport": table.viewport().width(),
        "cut_silently": cut_silently,
    }


@scenario
def history_columns(prober: Prober, workdir: Path) -> None:
    """The history's past sessions, a demo circle's and one with a long name and long
    facilitators' names: the table's columns fit its width."""
    from circlekeeper.demo.seeding import seed_demo_circle
    from circlekeeper.i18n import _
    from circlekeeper.ui.catalog import CircleDetail, Member
    from circlekeeper.ui.setup.setup_dialog import default_plan
    from tests.ui.conftest import AutoSetup

    parts = build(workdir, setup_dialog=AutoSetup, ask=lambda parent, title, question: True)
    window = parts.window
    seed_demo_circle(parts.data.store.engine, sessions=6, seed=4)
    window.save_circle(
        CircleDetail(
            None,
            "Wednesday evening peer support circle for carers (north side)",
            default_plan=default_plan(),
            facilitators=("Maria Fernanda de los Santos", "Konstantinopoulou-Vanderbilt"),
            members=tuple(Member(-i, n) for i, n in enumerate(ROOM[:4], 1)),
        )
    )
    window.refresh_circles()
    window.start_circle()
    window.live_view.end_circle()
    window.summary_view.closed.emit("")
    history = window.options.extra_pages[_("&History")]
    window.show_page(history)
    spin_until(lambda: history.model.rowCount() >= 7, 10)
    spin(0.5)
    screenshot("history")
    prober.report["history"] = column_report(history.table)
    window.close()
    parts.data.close()


def keys_in(window: QWidget, field: QWidget) -> bool:
    """``window`` shown and active with the keyboard in ``field``, as a person would have it
    before pressing a key; False when the window manager never gave it the keys."""
    window.show()
    window.activateWindow()
    field.setFocus()
    spin_until(field.hasFocus, seconds=3)
    return field.hasFocus()


@scenario
def notes_keys(prober: Prober, workdir: Path) -> None:
    """The notes window's keys pressed where its keyboard starts, in the search box. On a real
    X display Qt's line editor claims Ctrl+E (end of line, as in Emacs); offscreen it does not,
    so only this tier sees the key reach the panel or not."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from circlekeeper.ui.notes.panel import NotesPanel
    from tests.ui.notes_support import make_kit

    kit = make_kit()
    kit.service.add("Amal mentioned the food bank", 7, person_id=None, elapsed=65.0)
    panel = NotesPanel(kit.service, kit.bridge, session_id=7)
    panel.resize(700, 400)
    prober.report["search_had_focus"] = keys_in(panel, panel.search)
    QTest.keyClick(panel.search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    spin(0.2)
    prober.report["ctrl_e_edits"] = not panel.viewer.isReadOnly()
    prober.report["ctrl_e_focus_in_note"] = panel.viewer.hasFocus()
    QTest.keyClick(panel.viewer, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(panel.viewer, " today")
    QTest.keyClick(panel.viewer, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    spin(0.2)
    prober.report["ctrl_s_saved"] = [n.text for n in kit.service.for_session(7)]
    panel.close()


@scenario
def quick_note_keys(prober: Prober, workdir: Path) -> None:
    """The live screen's private-note field holding the keys, Ctrl+E pressed: on X11 the
    field kept it (end of line), so *End circle…* never asked. Its parent stands in for the
    live screen, with the same window shortcut."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from circlekeeper.ui.notes.quick_note import QuickNoteField
    from tests.ui.notes_support import make_kit

    kit = make_kit()
    screen = QWidget()
    field = QuickNoteField(kit.service, kit.bridge, session_id=7, parent=screen)
    QVBoxLayout(screen).addWidget(field)
    asked: list[str] = []
    QShortcut(QKeySequence("Ctrl+E"), screen).activated.connect(lambda: asked.append("end"))
    screen.resize(600, 200)
    prober.report["field_had_focus"] = keys_in(screen, field.edit)
    QTest.keyClicks(field.edit, "Jonas: call")
    QTest.keyClick(field.edit, Qt.Key.Key_Home)
    QTest.keyClick(field.edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    spin(0.2)
    prober.report["ctrl_e_asked"] = asked
    QTest.keyClick(field.edit, Qt.Key.Key_End)
    prober.report["end_moves"] = field.edit.cursorPosition() == len("Jonas: call")
    prober.report["kept"] = field.edit.text()
    screen.close()


def stacked() -> list[int]:
    """The display's windows bottom to top, as the window manager stacks them."""
    import subprocess

    out = subprocess.run(
        ["xprop", "-root", "_NET_CLIENT_LIST_STACKING"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return [int(word, 16) for word in out.split("#", 1)[-1].replace(",", " ").split()]


@scenario
def presenter_over_dialogs(prober: Prober, workdir: Path) -> None:
    """One screen: F5 opens the presenter as a window over the facilitator's, a dialog of
    the live circle comes and goes (the window manager raises the facilitator's window with
    it), and the presenter is still in front; F5 then closes it and says so."""
    from tests.display.probe import xdo, xdo_later

    parts = with_circle(workdir, ROOM[:4], ask=lambda parent, title, question: True)
    window = parts.window
    window.start_circle()
    window.activateWindow()
    spin_until(window.isActiveWindow, 3)
    report = prober.report
    xdo("key", "--clearmodifiers", "F5")
    spin_until(lambda: window.presenter is not None and window.presenter.isVisible(), 5)
    spin(0.8)
    presenter = window.presenter
    main_id, presenter_id = int(window.winId()), int(presenter.winId())

    def in_front() -> bool:
        order = stacked()
        return presenter_id in order and order.index(presenter_id) > order.index(main_id)

    report["full_screen"] = presenter.isFullScreen()
    report["in_front_when_opened"] = in_front()
    screenshot("presenter-opened")
    prober.run(
        lambda: xdo_later("key", "--clearmodifiers", "ctrl+k"),
        Expect("someone leaves", choose_first),
    )
    spin_until(window.isActiveWindow, 3)
    spin(0.8)
    screenshot("presenter-after-dialog")
    report["in_front_after_dialog"] = in_front()
    report["keys_still_main"] = QApplication.activeWindow() is window
    xdo("key", "--clearmodifiers", "F5")
    spin(0.5)
    report["closed_by_f5"] = not presenter.isVisible()
    report["status"] = window.statusBar().currentMessage()
    window.close()
    parts.data.close()
