"""*Start a circle* on a real laptop screen and a 1024×600 one, in English and in German (the
longest of our languages): every button and choice reads in full, and a warning the dialog
opens with is in sight without scrolling."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.display.conftest import run_scenario
from tests.display.xserver import RealDisplay


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_round_plan_reads_in_full_and_the_budget_warning_is_in_sight(
    screen: RealDisplay, tmp_path: Path, language: str
) -> None:
    report = run_scenario(screen, "start_a_circle", tmp_path, f"lang={language}")
    assert "error" not in report, report["error"]
    assert not report.get("errors"), report["errors"]
    seen = report["setup"]
    assert seen["warnings"], "nine people's minimum turns outgrow the sharing round"
    assert seen["warning_in_sight"], "the warning is on screen as the dialog opens"
    assert not seen["cut"], "\n".join(seen["cut"])
    assert not seen["plan_scrolls_sideways"]
    assert report["windows"]["start a circle"]["fits"]
