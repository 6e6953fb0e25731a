"""A whole circle from the keyboard, wherever the focus is, with the presenter screen up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.display.conftest import run_scenario
from tests.display.xserver import RealDisplay

# With the suite on several workers (scripts/check), one worker runs the whole tier, one scenario
# at a time, and starts its displays once: two scenarios at once would race each other for the
# processor while their windows have seconds to appear.
pytestmark = pytest.mark.xdist_group("real display")


def steps_where(report: dict[str, Any], where: str) -> list[dict[str, Any]]:
    return [step for step in report["steps"] if step["where"] == where]


def check_keys(report: dict[str, Any]) -> None:
    assert "error" not in report, report["error"]
    presenter = report["presenter"]
    assert presenter["shown"]
    assert not presenter["took_focus"] and presenter["x_focus_is_main"], "F5 kept the keyboard"
    if "x_focus_is_main_after_click" in presenter:
        assert presenter["x_focus_is_main_after_click"], "a click on the presenter kept it too"
    assert report["steps"][2]["after"].endswith(":running"), "Space began the first turn"
    after_click = steps_where(report, "after clicking the presenter")[0]
    assert after_click["after"] != after_click["before"], "N moved on after the presenter click"
    paused, resumed = steps_where(report, "the round's queue")
    assert paused["after"].endswith(":paused") and resumed["after"].endswith(":running")
    menu = steps_where(report, "the menu bar")[0]
    assert menu["after"] != menu["before"], "N works with focus on the menu bar"
    assert report["note_field"]
    typing = steps_where(report, "typing a note")[0]
    assert typing["after"] == typing["before"] and report["note_text"] == "n", "N typed an n"
    after_note = steps_where(report, "after Esc from the note")[0]
    assert after_note["after"] != after_note["before"], "Esc gave the live keys back"
    assert report["focus_is_main_at_end"]


def test_live_keys_work_wherever_focus_is_and_the_presenter_never_takes_it(
    screen: RealDisplay, tmp_path: Path
) -> None:
    report = run_scenario(screen, "keys", tmp_path)
    check_keys(report)
    presenter = report["presenter"]
    assert not presenter["full_screen"], "one screen: the presenter is a window"
    assert presenter["on_screen"], f"its title bar within reach: {presenter['frame']}"
    assert not presenter["covers_controls"], "and it leaves the live controls uncovered"


def test_with_a_projector_the_presenter_fills_it_and_the_laptop_keeps_the_keys(
    projector: RealDisplay, tmp_path: Path
) -> None:
    report = run_scenario(projector, "keys", tmp_path)
    check_keys(report)
    presenter = report["presenter"]
    assert presenter["screens"] == 2
    assert presenter["full_screen"] and presenter["screen"] != presenter["main_screen"]


def test_on_one_screen_the_presenter_stays_in_front_after_a_dialog(
    screen: RealDisplay, tmp_path: Path
) -> None:
    """Ctrl+K's dialog raised the facilitator's window over the presenter window, which then
    stayed hidden behind it; F5, pressed to bring it back, closed it without a word."""
    report = run_scenario(screen, "presenter_over_dialogs", tmp_path)
    assert "error" not in report, report["error"]
    assert not report["full_screen"]
    assert report["in_front_when_opened"]
    assert report["in_front_after_dialog"], "the presenter came back over the window"
    assert report["keys_still_main"], "and the facilitator's window kept the keyboard"
    assert report["closed_by_f5"]
    assert report["status"] == "Presenter screen closed; F5 opens it again."
