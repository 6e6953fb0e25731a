"""The font reading kept in the user's cache: the same font, the same PDF, never in the way."""

from __future__ import annotations

import os
import subprocess
import sys
import time
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
    kept["_ttf_data"] = bytes(kept["_ttf_data"])  # the file's bytes, mapped or read
    for name in font_metrics.PACKED:  # packed arrays, read as reportlab reads its lists
        kept[name] = list(kept[name])
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
    # a tuple and numbers per glyph only when one is asked for; one number object per width
    assert not isinstance(second.face.hmetrics, list) and not isinstance(second.face.glyphPos, list)
    assert second.face.hmetrics[36] == parsed.face.hmetrics[36]
    widths = second.face.charWidths.values()
    assert len({id(w) for w in widths}) == len(set(widths)) < len(widths) / 2


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


@pytest.fixture
def own_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Copies of the two DejaVu faces the tests may touch, read in their place."""
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for font in (PRIMARY, PRIMARY_BOLD):
        (fonts / font.file).write_bytes(resource_file("fonts", font.file).read_bytes())
    monkeypatch.setattr(font_metrics, "resource_file", lambda _kind, name: fonts / name)
    return fonts


def _install(fonts: Path, version: int) -> None:
    """The font file as another installed copy of the app has it (its own file time)."""
    os.utime(fonts / PRIMARY.file, ns=(10**18, 10**18 + version * 10**9))


def _age(path: Path, days: float) -> None:
    then = time.time() - days * 86400
    os.utime(path, (then, then))


def test_two_installed_copies_keep_their_own_readings(cache: Path, own_fonts: Path) -> None:
    """A .deb and a tarball (or this version and the last) share the cache folder: each keeps
    its reading, instead of removing the other's and parsing its fonts again on every export."""
    for version in (1, 2):
        _install(own_fonts, version)
        assert type(font_metrics.load_font(PRIMARY)) is TTFont  # parsed once, kept
    for _round in range(3):
        for version in (1, 2):
            _install(own_fonts, version)
            assert type(font_metrics.load_font(PRIMARY)) is not TTFont  # read back
    assert len(list(cache.iterdir())) == 2


def test_a_reading_no_copy_uses_goes_and_other_fonts_stay(cache: Path, own_fonts: Path) -> None:
    """A reinstall gives the font file a new time: the old reading (about 340 KB) goes once no
    copy of the app has used it for a month, while other fonts' readings, one of them a name
    that begins with this font's, stay; a reading in use is marked used, at most once a day."""
    assert PRIMARY_BOLD.file.startswith(Path(PRIMARY.file).stem + "-")
    font_metrics.load_font(PRIMARY_BOLD)
    bold_entry = next(cache.iterdir())
    _install(own_fonts, 1)
    font_metrics.load_font(PRIMARY)
    old_entry = next(p for p in cache.iterdir() if p != bold_entry)
    _age(old_entry, 29)
    _age(bold_entry, 40)
    _install(own_fonts, 2)
    font_metrics.load_font(PRIMARY)
    assert old_entry.exists(), "used 29 days ago: another copy may still use it"
    _age(old_entry, 31)
    _install(own_fonts, 1)  # the old copy runs again: its reading is marked used...
    font_metrics.load_font(PRIMARY)
    assert time.time() - old_entry.stat().st_mtime < 60
    _age(old_entry, 31)  # ...then is not used for a month, while the new copy is
    new_entry = next(p for p in cache.iterdir() if p not in (bold_entry, old_entry))
    _age(new_entry, 2)
    _install(own_fonts, 2)
    font_metrics.load_font(PRIMARY)
    assert not old_entry.exists() and new_entry.exists()
    assert bold_entry.exists(), "another font's reading stays"


def test_many_reinstalls_leave_the_last_few_readings(cache: Path, own_fonts: Path) -> None:
    for version in range(1, 8):
        _install(own_fonts, version)
        font_metrics.load_font(PRIMARY)
    assert len(list(cache.iterdir())) == font_metrics.KEPT_PER_FONT
    assert str((own_fonts / PRIMARY.file).stat().st_mtime_ns) in " ".join(
        p.name for p in cache.iterdir()
    )


def test_a_write_a_crash_abandoned_is_cleared_and_one_under_way_is_not(cache: Path) -> None:
    cache.mkdir()
    abandoned, under_way = cache / "tmpold.part", cache / "tmpnew.part"
    for part in (abandoned, under_way):
        part.write_bytes(b"half a reading")
    long_ago = abandoned.stat().st_mtime - 2 * 3600
    os.utime(abandoned, (long_ago, long_ago))
    font_metrics.load_font(PRIMARY)
    assert not abandoned.exists()
    assert under_way.exists()
