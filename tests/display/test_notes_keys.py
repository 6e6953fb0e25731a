"""The private notes window's keys on a real X display, where the search box has the keys first."""

from __future__ import annotations

from pathlib import Path

from tests.display.conftest import run_scenario
from tests.display.xserver import RealDisplay


def test_ctrl_e_edits_the_note_even_from_the_search_box(
    laptop: RealDisplay, tmp_path: Path
) -> None:
    """Ctrl+E, shown on the Edit button's tooltip, moved the search box's cursor to the end of
    its line instead (Qt's line editor claims it on X11), so it never edited a note."""
    report = run_scenario(laptop, "notes_keys", tmp_path)
    assert "error" not in report, report["error"]
    assert report["search_had_focus"]
    assert report["ctrl_e_edits"] and report["ctrl_e_focus_in_note"], "Ctrl+E edited nothing"
    assert report["ctrl_s_saved"] == ["Amal mentioned the food bank today"]


def test_ctrl_e_ends_the_circle_even_from_the_private_note_field(
    laptop: RealDisplay, tmp_path: Path
) -> None:
    """Walked on a real server: the keys in the live screen's note field, Ctrl+E (*End
    circle…*, on its button) moved the field's cursor instead and the circle went on."""
    report = run_scenario(laptop, "quick_note_keys", tmp_path)
    assert "error" not in report, report["error"]
    assert report["field_had_focus"]
    assert report["ctrl_e_asked"] == ["end"]
    assert report["end_moves"] and report["kept"] == "Jonas: call"  # the field still edits
