"""The real app on a real display, driven as a facilitator would; writes what it saw as JSON.

``python -m tests.display.driver SCENARIO REPORT.json WORKDIR`` with ``DISPLAY`` set and
``QT_QPA_PLATFORM=xcb`` (``tests/display/conftest.py`` starts the display and runs this).
Each scenario is one facilitator's path through the app; the test asserts on the report.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from tests.display.live_geometry import overlapping_parts, queue_in_sight, speaking_time_in_sight
from tests.display.probe import Expect, Prober, global_rect, inside, rect, spin, spin_until, xdo
from tests.display.scenario_kit import (
    PASSPHRASE,
    SCENARIOS,
    action,
    build,
    choose_first,
    scenario,
    screenshot,
    set_fields,
    speak,
    with_circle,
)


def clock_watcher(prober: Prober, window_of: Callable[[], Any]) -> Callable[[QWidget], dict]:
    """Records whether a window covers the turn's clock (the ring on the facilitator's view)."""

    def watch(window: QWidget) -> dict[str, Any]:
        main = window_of()
        live = getattr(main, "live_view", None)
        if live is None or window is main:
            return {}

        def ring() -> QRect:
            area = live.ring.time_area()
            return QRect(live.ring.mapToGlobal(area.topLeft()), area.size())

        # The window manager places a new window after it is mapped, and the app then moves it
        # off the clock: on a loaded machine that takes a moment. A person sees the dialog step
        # aside within a second; one that still covers the time after that is a failure.
        clear = spin_until(lambda: not window.frameGeometry().intersects(ring()), seconds=1.5)
        return {
            "covers_clock": not clear,
            "clock": rect(ring()),
            "frame_beside_clock": rect(window.frameGeometry()),
        }

    return watch


def shot_of_each_window(window: QWidget) -> dict[str, Any]:
    """A screenshot of each window as it opens, when ``CK_SHOTS_DIR`` asks for them."""
    title = "".join(c if c.isalnum() else "-" for c in window.windowTitle())[:40]
    screenshot(f"window-{len(os.listdir(os.environ['CK_SHOTS_DIR']))}-{title}")
    return {}


@scenario
def dialogs(prober: Prober, workdir: Path) -> None:
    """Every window and dialog a facilitator meets in a first evening, opened and pressed."""
    from circlekeeper.i18n import _
    from circlekeeper.ui.catalog import CircleDetail, Member
    from circlekeeper.ui.setup.setup_dialog import default_plan

    parts = build(workdir)
    window = parts.window
    report = prober.report
    screenshot("main")
    report["main"] = {
        "frame": rect(window.frameGeometry()),
        "available": rect(window.screen().availableGeometry()),
        "fits": inside(window.frameGeometry(), window.screen().availableGeometry()),
        "status_visible": inside(
            global_rect(window.statusBar()), window.screen().availableGeometry()
        ),
    }
    welcome_text = window.welcome.text_label
    report["welcome"] = {
        "text_fits": welcome_text.height() >= welcome_text.heightForWidth(welcome_text.width()),
        "buttons_visible": all(
            inside(global_rect(b), window.screen().availableGeometry())
            and inside(global_rect(b), global_rect(window.centralWidget()))
            for b in window.welcome.buttons()
        ),
    }
    prober.watchers.append(clock_watcher(prober, lambda: window))
    if os.environ.get("CK_SHOTS_DIR"):
        prober.watchers.append(shot_of_each_window)
    prober.run(window.menus.show_shortcuts, Expect("shortcuts"))
    prober.run(window.open_settings, Expect("settings"))
    prober.run(window.new_circle, Expect("new circle", set_fields("Tuesday evening circle")))
    window.save_circle(
        CircleDetail(
            window.catalog.circles()[0].circle_id,
            "Tuesday evening circle",
            default_plan=default_plan(),
            members=tuple(
                Member(-i, name, pronouns)
                for i, (name, pronouns) in enumerate(
                    [("Amal", "she/her"), ("Jonas", ""), ("Priya", "she/her"), ("Wen", "")],
                    start=1,
                )
            ),
        )
    )
    prober.run(window.edit_circle, Expect("edit circle"))
    prober.run(window.open_prompt_library, Expect("prompt library"))
    prober.run(window.show_archived, Expect("archived circles"))
    bad = workdir / "not-a-session.json"
    bad.write_text("{}")
    prober.run(
        window.import_session_file,
        Expect("import", set_fields(str(bad))),
        Expect("import refused"),
    )
    prober.run(window.start_circle, Expect("start a circle"))
    live = window.live_view
    report["live"] = {"started": live is not None}
    if live is None:
        return
    while live.controller.turn_view() is None:  # Space until a turn runs
        live.controller.toggle()
    screenshot("live")
    prober.run(live._late, Expect("started late"))
    prober.run(live._arrival, Expect("late arrival", set_fields("Sam", "they/them")))
    prober.run(live._leaving, Expect("someone leaves", choose_first))
    bridge = parts.data.notes.bridge
    prober.run(
        lambda: bridge.request_unlock(window),
        Expect("passphrase set", set_fields(PASSPHRASE, PASSPHRASE)),
        Expect("passphrase confirmed"),
    )
    bridge.lock()
    prober.run(
        lambda: bridge.request_unlock(window), Expect("passphrase unlock", set_fields(PASSPHRASE))
    )
    prober.run(action(window, _("Notes of &this circle…")).trigger, Expect("notes"))
    report["live"]["status"] = live.status.text()
    report["live"]["offer_shown"] = live.overrun_offer.isVisible()
    report["live"]["fits"] = inside(window.frameGeometry(), window.screen().availableGeometry())
    screenshot("live-after-dialogs")
    live.end_circle()
    screenshot("summary")
    summary = window.summary_view
    report["summary"] = {
        "shown": summary is not None,
        "buttons_visible": summary is not None
        and all(
            inside(global_rect(b), window.screen().availableGeometry()) for b in summary.buttons()
        ),
    }
    history = window.options.extra_pages[_("&History")]
    summary.closed.emit("")
    window.show_page(history)
    spin(0.5)
    screenshot("history")
    report["history"] = {"fits": inside(global_rect(history), window.screen().availableGeometry())}
    window.close()
    parts.data.close()


@scenario
def crash(prober: Prober, workdir: Path) -> None:
    """A circle running when the app dies, for the resume offer of the next start."""
    parts = with_circle(workdir, (("Amal", "she/her"), "Jonas"))
    window = parts.window
    window.start_circle()
    window.controller.toggle()
    spin(0.3)
    prober.report["crashed"] = True
    Path(sys.argv[2]).write_text(json.dumps(prober.report))
    os._exit(0)


@scenario
def resume(prober: Prober, workdir: Path) -> None:
    parts = build(workdir, ask=lambda parent, title, question: True)
    if os.environ.get("CK_SHOTS_DIR"):
        prober.watchers.append(shot_of_each_window)
    prober.run(parts.window.offer_resume, Expect("resume offer"))
    prober.report["resumed"] = parts.window.controller is not None
    parts.window.close()
    parts.data.close()


def main() -> int:
    name, report_path, workdir = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    app = QApplication([sys.argv[0]])
    app.setApplicationName("CircleKeeper")
    report: dict[str, Any] = {"scenario": name, "args": sys.argv[4:]}
    for arg in sys.argv[4:]:
        if arg.startswith("lang="):
            speak(arg.removeprefix("lang="))
    import tests.display.history_scenarios
    import tests.display.room_scenarios  # noqa: F401  (register their scenarios)

    prober = Prober(report, report_path)
    try:
        SCENARIOS[name](prober, workdir)
    except Exception:  # the report says what broke; the test shows it
        report["error"] = traceback.format_exc()
    report_path.write_text(json.dumps(report, indent=1))
    del app
    return 0


@scenario
def export(prober: Prober, workdir: Path) -> None:
    """A PDF from the summary on a fresh account (no ~/Documents yet), then the offer to open."""
    parts = with_circle(workdir, (("Amal", "she/her"), "Jonas"))
    window = parts.window
    window.start_circle()
    window.live_view.end_circle()
    summary = window.summary_view
    prober.run(
        lambda: summary.export_requested.emit(""),
        Expect("export"),
        Expect("export done", title="saved"),
    )
    from circlekeeper.ui.export_memory import documents_folder

    saved = sorted(documents_folder().glob("*.pdf"))
    prober.report["exported"] = [str(p) for p in saved]
    prober.report["exported_is_pdf"] = all(p.read_bytes()[:5] == b"%PDF-" for p in saved)
    window.close()
    parts.data.close()


LONG_NAMES = (
    "Konstantinopoulou-Vanderbilt",
    "Maria Fernanda de los Santos Oyelaran-Whitfield Nakamura-Okoye",
    "Jo",
    "Amal",
    "Wen",
)


def live_overlaps(live: QWidget) -> list[str]:
    """Pairs of visible parts of the live screen that overlap each other, or leave the
    window, on the real display (each part in window coordinates)."""
    parts = {
        "round": live.round_label,
        "circle clock": live.circle_clock,
        "overrun offer": live.overrun_offer,
        "prompt": live.prompt_label,
        "policy": live.policy_label,
        "speaker": live.speaker_label,
        "ring": live.ring,
        "next": live.next_label,
        "passers": live.passers_bar,
        "reminder": live.reminder,
        "controls": live.controls,
        "status": live.status,
        "queue": live.queue,
        "fairness": live.fairness_area,
    }
    if live.notes_widget is not None:
        parts["notes"] = live.notes_widget
    window = live.window()
    shown = {
        name: QRect(w.mapTo(window, w.rect().topLeft()), w.size())
        for name, w in parts.items()
        if w.isVisible() and w.width() > 0 and w.height() > 0
    }
    problems = []
    names = list(shown)
    for i, first in enumerate(names):
        if not window.rect().contains(shown[first]):
            problems.append(f"{first} leaves the window: {rect(shown[first])}")
        for second in names[i + 1 :]:
            if shown[first].intersects(shown[second]):
                problems.append(
                    f"{first} {rect(shown[first])} overlaps {second} {rect(shown[second])}"
                )
    return problems


@scenario
def live_layout(prober: Prober, workdir: Path) -> None:
    """The live screen in the states that move things: long names, a running turn, passers
    invited to speak, the notes field locked and unlocked. Screenshots when asked."""
    import subprocess

    parts = with_circle(workdir, LONG_NAMES, ask=lambda parent, title, question: True)
    window = parts.window
    parts.data.notes.vault.create(PASSPHRASE)
    window.start_circle()
    window.activateWindow()
    spin(0.6)
    live = window.live_view
    controller = window.controller
    shots = os.environ.get("CK_SHOTS_DIR")
    states: dict[str, Any] = {}
    prober.report["states"] = states

    def look(name: str) -> None:
        spin(0.5)
        states[name] = {
            "ring": rect(
                QRect(live.ring.mapTo(window, live.ring.rect().topLeft()), live.ring.size())
            ),
            "overlaps": live_overlaps(live) + overlapping_parts(live),
            "fairness_scrolls": live.fairness_area.verticalScrollBar().isVisible(),
            "speaking time": speaking_time_in_sight(live),
            "queue": queue_in_sight(live),
        }
        if shots:
            subprocess.run(
                ["import", "-window", "root", str(Path(shots) / f"{name}.png")], check=False
            )

    look("ready")  # everyone waits in the queue
    controller.toggle()  # the round begins: the first person (a long name) speaks
    look("long name speaking")
    controller.move_on()
    look("longer name speaking")
    controller.move_on()
    look("short name speaking")
    parts.data.notes.vault.lock()
    look("notes locked")
    parts.data.notes.vault.unlock(PASSPHRASE)
    look("notes unlocked")
    while controller.progress().in_round and controller.session.state.current_round.queue:
        controller.pass_turn()
    if controller.turn_view() is not None:
        controller.move_on()
    look("passers invited")
    window.close()
    parts.data.close()


def focus_window_id() -> int:
    import subprocess

    out = subprocess.run(["xdotool", "getwindowfocus"], capture_output=True, text=True, check=False)
    return int(out.stdout.strip() or 0)


@scenario
def keys(prober: Prober, workdir: Path) -> None:
    """A circle driven from the keyboard, with the presenter up and focus in various places."""
    from PySide6.QtWidgets import QListWidget

    parts = with_circle(workdir, ("Amal", "Jonas", "Wen"), ask=lambda parent, title, question: True)
    window = parts.window
    parts.data.notes.vault.create(PASSPHRASE)  # private notes open, so the note field types
    window.start_circle()
    window.activateWindow()
    spin(0.5)
    controller = window.controller
    report = prober.report
    steps: list[dict[str, Any]] = []
    report["steps"] = steps

    def speaker() -> str:
        view = controller.turn_view()
        return f"{view.person_id}:{'running' if view.running else 'paused'}" if view else "-"

    def key(name: str, where: str) -> None:
        before = speaker()
        xdo("key", "--clearmodifiers", name)
        spin(0.4)
        steps.append({"key": name, "where": where, "before": before, "after": speaker()})

    key("F5", "main window")
    presenter = window.presenter
    spin(0.8)
    screenshot("presenter")
    main_id = int(window.winId())
    report["presenter"] = {
        "shown": presenter is not None and presenter.isVisible(),
        "took_focus": QApplication.activeWindow() is not window,
        "x_focus_is_main": focus_window_id() == main_id,
        "frame": rect(presenter.frameGeometry()) if presenter else None,
        "screen": QApplication.screens().index(presenter.screen()) if presenter else None,
        "main_screen": QApplication.screens().index(window.screen()),
        "screens": len(QApplication.screens()),
        "full_screen": presenter.isFullScreen() if presenter else None,
        "on_screen": bool(presenter)
        and inside(presenter.frameGeometry(), presenter.screen().availableGeometry()),
        "covers_controls": bool(presenter)
        and presenter.frameGeometry().intersects(global_rect(window.live_view.controls))
        and presenter.screen() is window.screen(),
    }
    key("space", "main window")  # the round begins and its first turn starts
    if controller.turn_view() is None:
        key("space", "main window")
    if presenter is not None and presenter.screen() is window.screen():
        centre = presenter.mapToGlobal(presenter.rect().center())
        x, y = str(centre.x()), str(centre.y())
        xdo("mousemove", x, y, "sleep", "0.15", "click", "1")
        spin(0.4)
        report["presenter"]["x_focus_is_main_after_click"] = focus_window_id() == main_id
    screenshot("presenter-turn")
    key("n", "after clicking the presenter")
    queue = window.live_view.queue.findChild(QListWidget) or window.live_view.queue
    queue.setFocus()
    spin(0.2)
    key("space", "the round's queue")
    key("space", "the round's queue")
    window.menuBar().setFocus()
    spin(0.2)
    key("n", "the menu bar")
    notes = window.live_view.notes_widget
    note = notes.findChild(QLineEdit) if notes is not None else None
    report["note_field"] = note is not None and note.isEnabled()
    if note is not None and note.isEnabled():
        note.setFocus()
        spin(0.2)
        key("n", "typing a note")
        report["note_text"] = note.text()
        key("Escape", "typing a note")
        key("n", "after Esc from the note")
    report["focus_is_main_at_end"] = focus_window_id() == main_id
    window.close()
    parts.data.close()


if __name__ == "__main__":
    os.environ.setdefault("CIRCLEKEEPER_MUTE", "1")
    sys.exit(main())
