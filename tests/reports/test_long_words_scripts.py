"""A word thousands of letters long, in any script, breaks at each line's end between two
grapheme clusters, and the export never fails.

reportlab cannot break a shaped word (Devanagari, Tamil, Thai, Arabic, an emoji sequence): it
cut a 3,000-letter Devanagari name anywhere, then failed to fit the pieces ("LayoutError:
Splitting error"), and cut a long row of 👩🏽‍🦱 through its joiners (boxes in the PDF)."""

from __future__ import annotations

import html
import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.ttfonts import TTFont

from circlekeeper.reports import Privacy, render_session
from circlekeeper.reports import typeset as typeset_module
from circlekeeper.reports.demo import demo_summary
from circlekeeper.reports.fonts import fonts, split_clusters
from circlekeeper.reports.layout import stylesheet
from circlekeeper.reports.long_text import hyphen_between
from circlekeeper.reports.typeset import Typesetter, shaped
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.session.prompts import PromptUse
from tests.reports.conftest import context

SYLLABLES = {
    "devanagari": "नमस्ते क्षमा ",
    "tamil": "வணக்கம் ",
    "bengali": "নমস্কার ",
    "thai": "สวัสดีครับ",
    "chinese": "李小龍",
    "korean": "안녕하세요",
    "arabic": "مَرْحَبًا ",
    "hebrew": "שָׁלוֹם ",
    "emoji": "👩🏽\u200d🦱🇫🇷👍🏿",
    "combining": "e\u0301o\u0308",
    "latin": "Bartholomew ",
}
"""A few clusters of each script, made into one endless word (the spaces taken out)."""


def _word(script: str, letters: int) -> str:
    unit = SYLLABLES[script].replace(" ", "")
    return unit * (letters // len(unit) + 1)


@pytest.mark.parametrize("script", sorted(SYLLABLES))
def test_a_three_thousand_letter_word_exports_in_a_name_an_agreement_and_a_prompt(
    script: str,
) -> None:
    word = _word(script, 3000)
    plan = RoundPlan(RoundKind.SHARING, TimePolicy.fixed(60), prompt=word, title="T")
    summary = demo_summary(people=2, rounds=1, names=(word, "Bea"), circle=word, plans=[plan])
    ctx = context(privacy=Privacy.NAMES, agreements=(word,), prompts_used=(PromptUse(1, 0, word),))
    assert render_session(summary, ctx).startswith(b"%PDF-")


def _printed_lines(flowables: list[object]) -> list[str]:
    """The text of each paragraph, as the typesetter handed it to reportlab."""
    out = []
    for flowable in flowables:
        markup = flowable.text  # type: ignore[attr-defined]
        out.append(html.unescape(re.sub(r"<[^>]+>", "", markup)).replace("\u00ad", ""))
    return out


@pytest.mark.parametrize("script", sorted(SYLLABLES))
def test_each_printed_line_is_whole_clusters_that_fit_the_line(script: str) -> None:
    word = _word(script, 1500)
    text = Typesetter(fonts())
    style = stylesheet(fonts()).body
    width = 300.0
    flowables = text.paragraphs(word, style, width)
    lines = _printed_lines(flowables)
    assert len(lines) > 3
    hyphenated = [line.removesuffix("-") if line != lines[-1] else line for line in lines]
    assert "".join(hyphenated) == word  # nothing lost, nothing added but hyphens
    boundaries = set()
    offset = 0
    for cluster in split_clusters(word):
        offset += len(cluster)
        boundaries.add(offset)
    offset = 0
    for piece in hyphenated[:-1]:
        offset += len(piece)
        assert offset in boundaries, (script, piece[-3:])  # a line ends between clusters
    for flowable in flowables:  # reportlab sets each on one line: it never cuts them itself
        flowable.wrap(width, 10_000)  # type: ignore[attr-defined]
        assert len(flowable.blPara.lines) == 1  # type: ignore[attr-defined]


def test_flags_conjuncts_thai_am_and_hangul_jamo_are_one_cluster_each() -> None:
    assert split_clusters("🇫🇷🇩🇪") == ["🇫🇷", "🇩🇪"]
    assert split_clusters("क्षमा") == ["क्ष", "मा"]  # a conjunct (UAX #29, rule GB9c)
    assert split_clusters("क्\u200cष") == ["क्\u200c", "ष"]  # a non-joiner keeps them apart
    assert split_clusters("ทำ") == ["ทำ"]
    assert split_clusters("\u1100\u1161\u11a8") == ["\u1100\u1161\u11a8"]
    assert split_clusters("👩🏽\u200d🦱e\u0301") == ["👩🏽\u200d🦱", "e\u0301"]


def test_only_scripts_that_hyphenate_get_a_hyphen_at_a_break() -> None:
    assert hyphen_between("a", "b") and hyphen_between("न", "म")
    assert not hyphen_between("李", "小") and not hyphen_between("ส", "วั")
    assert not hyphen_between("م", "ر") and not hyphen_between("a", "1")


def test_a_ten_thousand_letter_arabic_name_is_measured_in_time_linear_in_its_length(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    measured = 0

    def counting(measure):  # type: ignore[no-untyped-def]
        def counted(text, *args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal measured
            measured += len(text)
            return measure(text, *args, **kwargs)

        return counted

    for name in ("stringWidth", "shaped_width"):
        if hasattr(typeset_module, name):
            monkeypatch.setattr(typeset_module, name, counting(getattr(typeset_module, name)))
    original = TTFont.stringWidth

    def font_width(self, text, size, encoding="utf8"):  # type: ignore[no-untyped-def]
        nonlocal measured
        measured += len(text)
        return original(self, text, size, encoding)

    monkeypatch.setattr(TTFont, "stringWidth", font_width)
    name = _word("arabic", 10_000)[:10_000]
    summary = demo_summary(people=3, rounds=2, names=(name, "B", "C"), circle=name)
    render_session(summary, context(privacy=Privacy.NAMES))
    # Letters measured by the typesetter and reportlab: 3.5 million before (each line's piece
    # found by measuring the whole rest of the name, each letter's font chosen again, at every
    # step of a binary search: 8 s of CPU); now about 300,000.
    assert measured < 1_000_000, measured


_CLUSTERS = st.sampled_from(
    [c for unit in SYLLABLES.values() for c in split_clusters(unit)] + [" ", "-", "1", "("]
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.lists(
        st.tuples(_CLUSTERS, st.integers(min_value=1, max_value=400)), min_size=1, max_size=5
    ).map(lambda runs: "".join(c * n for c, n in runs))
)
def test_text_of_any_scripts_and_lengths_always_exports(text: str) -> None:
    summary = demo_summary(people=2, rounds=1, names=(text, "Bea"), circle=text)
    ctx = context(privacy=Privacy.NAMES, agreements=(text,), organization=text)
    assert render_session(summary, ctx).startswith(b"%PDF-")


def test_a_right_to_left_word_drawn_from_a_raised_mark_exports() -> None:
    # reportlab failed (IndexError) to raise the first glyph it drew for a run: the fatha of
    # "مَ", which harfbuzz puts first right to left. Found by the property test above.
    summary = demo_summary(people=2, rounds=1, names=("-مَ", "Bea"), circle="-مَ")
    assert render_session(summary, context(privacy=Privacy.NAMES)).startswith(b"%PDF-")


@pytest.mark.parametrize("script", ["devanagari", "thai", "arabic", "emoji"])
def test_a_long_word_inside_a_sentence_of_ours_breaks_at_its_lines_ends(script: str) -> None:
    # The period report names facilitators and prompts inside its own sentences
    # (Kit.inline): a 3,000-letter Devanagari facilitator stopped it with a LayoutError.
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    text = Typesetter(fonts())
    style = stylesheet(fonts()).body
    width = 400.0
    word = _word(script, 3000)
    markup = "Facilitation: " + text.inline(word, style=style, width=width) + " 2"
    paragraph = Paragraph(markup, shaped(style))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=(width + 144, 600)).build([paragraph])  # 1-inch margins
    assert out.getvalue().startswith(b"%PDF-")
