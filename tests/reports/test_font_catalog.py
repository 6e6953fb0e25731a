"""The coverage index as stored: read lazily, it picks the very fonts the fonts themselves do."""

from __future__ import annotations

import json

from circlekeeper.bundled import resource_file
from circlekeeper.reports.font_catalog import (
    ALL_FONTS,
    INDEX_FILE,
    Coverage,
    CoverageIndex,
    decode_ranges,
    encode_ranges,
    measured_ranges,
)
from circlekeeper.reports.fonts import FontSet, split_clusters
from tests.reports.test_scripts import LATIN_NAMES, NAMES


def _stored() -> CoverageIndex:
    return CoverageIndex(json.loads(resource_file("fonts", INDEX_FILE).read_text(encoding="utf-8")))


def test_every_fonts_ranges_read_back_as_measured() -> None:
    stored = _stored()
    for font in ALL_FONTS:
        measured = measured_ranges(font)
        assert decode_ranges(encode_ranges(measured)) == measured, font.file
        assert decode_ranges(stored._raw[font.file]) == measured, font.file


def test_the_lazy_index_chooses_the_font_the_full_index_does_for_every_script() -> None:
    full = FontSet({font.file: Coverage(measured_ranges(font)) for font in ALL_FONTS})
    lazy = FontSet(_stored())
    for script, name in NAMES.items():
        for cluster in split_clusters(name + " ·–…"):
            for bold in (False, True):
                assert lazy.font_for(cluster, bold=bold) == full.font_for(cluster, bold=bold), (
                    script,
                    cluster,
                )


def test_a_latin_summary_reads_only_the_fonts_it_consults() -> None:
    index = _stored()
    fonts = FontSet(index)
    for name in LATIN_NAMES:
        for cluster in split_clusters(name + " · 6:00\u00a0PM–9:40\u00a0PM"):
            fonts.font_for(cluster)
    preferred = {f.file for f in ALL_FONTS if f.over_primary}
    assert set(index._built) == {"DejaVuSans.ttf", *preferred}
