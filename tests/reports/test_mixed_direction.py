"""Words that mix directions or fonts print in the order and shape a reader expects."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from circlekeeper.reports.bidi_order import direction_pieces, visual_piece_order
from circlekeeper.reports.fonts import fonts
from circlekeeper.reports.layout import stylesheet
from circlekeeper.reports.typeset import Typesetter
from tests.reports.conftest import pdf_text


def _printed(*lines: tuple[str, bool | None]) -> str:
    """The text read back from a PDF of ``lines`` (text, right-to-left frame or None)."""
    f = fonts()
    style = stylesheet(f).body
    setter = Typesetter(f)
    story = [p for text, rtl in lines for p in setter.line(text, style, 400, rtl_base=rtl)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return pdf_text(buffer.getvalue())


def _markup(text: str, rtl: bool | None) -> str:
    f = fonts()
    (paragraph,) = Typesetter(f).line(text, stylesheet(f).body, 400, rtl_base=rtl)
    return str(paragraph.text)


def test_a_word_is_cut_where_its_letters_change_direction_and_nowhere_else() -> None:
    assert direction_pieces("نور-Alex") == ["نور-", "Alex"]
    assert direction_pieces("Ali/علي") == ["Ali/", "علي"]
    assert direction_pieces("(نور)") == ["(نور)"]
    assert direction_pieces("here.") == ["here."]
    assert direction_pieces("Maya👩🏽\u200d🦱") == ["Maya👩🏽\u200d🦱"]


def test_pieces_of_one_word_are_placed_by_the_bidi_algorithm() -> None:
    words = [direction_pieces(w) for w in ("نور-Alex", "王小明", "here.")]
    shown = [words[w][p] for w, p in visual_piece_order(words, rtl_base=True)]
    assert shown == ["Alex", "王小明", "here.", "نور-"]


def test_latin_inside_an_arabic_word_is_not_printed_backwards() -> None:
    text = _printed(("نور-Alex 王小明 here.", None))
    assert "Alex" in text and "xelA" not in text


def test_arabic_after_latin_in_one_word_is_joined_and_reads_right_to_left() -> None:
    text = _printed(("Ali/علي and (نور)", False))
    assert "Ali/" in text
    assert "\ufecb\ufee0\ufef2" in text, "علي printed as separate letters"  # joined forms
    assert "يلع" not in text


def test_an_emoji_beside_an_arabic_name_sits_where_the_line_puts_it() -> None:
    # Left-to-right line: the rainbow follows the name on its right, before "Alex".
    ltr = _markup("محمد🌈 Alex", False)
    assert ltr.index("محمد") < ltr.index("🌈") < ltr.index("Alex")
    # Right-to-left line: it follows the name on its left.
    rtl = _markup("نور محمد🌈", None)
    assert rtl.index("🌈") < rtl.index("محمد") < rtl.index("نور")
    # Before the name in a left-to-right line it stays on the left.
    before = _markup("🌈محمد Alex", False)
    assert before.index("🌈") < before.index("محمد") < before.index("Alex")
