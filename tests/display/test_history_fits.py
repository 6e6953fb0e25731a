"""History ▸ Sessions on the two laptop screens, in a long language and a right-to-left one.

At 1024×600 the filters, the count line and the detail's hint below the table left it three
sessions in sight, and choosing one grew the window under the desktop panel (to 1008×552 of
the 520 pixels there are). The filters now fold into one line on a short window, the detail
below the table is there only while a session is open (and closes again), and the window
keeps its size.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.display.conftest import run_scenario
from tests.display.xserver import RealDisplay

pytestmark = pytest.mark.xdist_group("real display")

FEWEST = {"small 1024x600": 8, "laptop 1366x768": 9}
"""Sessions in sight with none chosen (1366×768 keeps its filters unfolded)."""


@pytest.mark.parametrize("language", ["en", "de", "ar"])
def test_history_shows_many_sessions_and_stays_on_the_screen(
    screen: RealDisplay, tmp_path: Path, language: str
) -> None:
    report = run_scenario(screen, "history_rows", tmp_path, f"lang={language}")
    assert "error" not in report, report["error"]
    looks = {name: report[name] for name in ("nothing chosen", "chosen", "closed")}
    for name, seen in looks.items():
        assert seen["fits"], f"{name}: {seen['frame']} outside {seen['available']}"
        assert seen["status_visible"], f"{name}: the status bar is under the panel"
    fewest = FEWEST[screen.layout.name]
    assert looks["nothing chosen"]["rows"] >= fewest, looks["nothing chosen"]
    assert looks["closed"]["rows"] >= fewest, looks["closed"]
    chosen = looks["chosen"]
    assert chosen["detail_shown"] and chosen["detail_height"] >= 150, chosen
    assert not chosen["detail_cut"], "the detail's sentences run off its edge"
    assert chosen["rows"] >= (fewest if chosen["beside"] else 3), chosen
    if screen.layout.name.startswith("small"):
        assert not looks["nothing chosen"]["filters_unfolded"], "one line of filters"
    else:
        assert looks["nothing chosen"]["filters_unfolded"], "room for every filter"
