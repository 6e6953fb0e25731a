"""The font reading kept in the user's cache: the same font, the same PDF, never in the way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from circlekeeper.bundled import resource_file
from circlekeeper.reports import font_metrics
from circlekeeper.reports.font_catalog import PRIMARY, PRIMARY_BOLD

RENDER = """
import sys
from datetime import UTC, datetime
from circlekeeper.reports import Privacy, ReportContext, render_session
from circlekeeper.reports.demo import demo_summary
summary = demo_summary(people=5, rounds=3, names=("Ada Lovelace", "Zoë", "محمد علي", "Ана", "Bo"))
when = datetime(2026, 11, 25, 9, tzinfo=UTC)
context = ReportContext(privacy=Privacy.NAMES, generated=when, invariant=True)
sys.stdout.buffer.write(render_session(summary, context))
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "font-metrics"
    monkeypatch.setattr(font_metrics, "cache_folder", lambda: folder)
    return folder


def _attributes(font: TTFont) -> dict[str, object]:
    for name in font_metrics.LATER:  # unpacked on first use
        getattr(font.face, name)
    kept = dict(font.face.__dict__)
    kept["_pdfScale"] = kept["_pdfScale"](2048)  # a function: compare what it does
    return kept


@pytest.mark.parametrize("font", [PRIMARY, PRIMARY_BOLD], ids=lambda f: f.file)
def test_a_cached_font_is_the_font_reportlab_parses(cache: Path, font) -> None:
    first = font_metrics.load_font(font)
    assert len(list(cache.iterdir())) == 1, "the first report keeps the reading"
    second = font_metrics.load_font(font)
    assert type(second) is not TTFont, "the second one loads it"
    assert not set(font_metrics.LATER) & set(second.face.__dict__), "kept packed until asked for"
    parsed = TTFont(font.name, str(resource_file("fonts", font.file)), shapable=font.shaping)
    assert _attributes(second) == _attributes(parsed) == _attributes(first)
    assert second.shapable == parsed.shapable
    assert second.stringWidth("Ada Lovelace Zoë", 10) == parsed.stringWidth("Ada Lovelace Zoë", 10)


def test_a_damaged_or_unwritable_cache_changes_nothing(cache: Path) -> None:
    font_metrics.load_font(PRIMARY)
    (entry,) = cache.iterdir()
    entry.write_bytes(b"\x00not marshal at all")
    assert type(font_metrics.load_font(PRIMARY)) is TTFont  # parsed again
    entry.unlink()
    cache.rmdir()
    cache.write_text("a file where the folder should be", encoding="utf-8")
    assert type(font_metrics.load_font(PRIMARY)) is TTFont


def test_the_pdf_is_identical_with_and_without_the_cache(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}

    def render() -> bytes:
        done = subprocess.run(
            [sys.executable, "-c", RENDER], capture_output=True, env=env, timeout=180, check=True
        )
        return done.stdout

    parsed = render()
    assert list((tmp_path / "cache").rglob("*.marshal")), "the first run kept the readings"
    assert render() == parsed
    assert parsed.startswith(b"%PDF")
