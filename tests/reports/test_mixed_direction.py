"""Lines that mix directions, digits, brackets and fonts print in the order a reader expects:
what is drawn on the page, read left to right, is what the Unicode Bidirectional Algorithm
says a reader sees (``display``, itself checked against python-bidi's implementation)."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from circlekeeper.reports.bidi_levels import display
from circlekeeper.reports.bidi_order import isolate
from circlekeeper.reports.fonts import fonts
from circlekeeper.reports.layout import stylesheet
from circlekeeper.reports.typeset import Typesetter
from tests.reports.conftest import pdf_text
from tests.reports.drawn import drawn_lines


def _drawn(*lines: tuple[str, bool | None], width: float = 400) -> list[str]:
    """Each printed line of a PDF of ``lines`` (text, right-to-left frame or None), as drawn."""
    f = fonts()
    style = stylesheet(f).body
    setter = Typesetter(f)
    story = [p for text, rtl in lines for p in setter.line(text, style, width, rtl_base=rtl)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return drawn_lines(buffer.getvalue())


def _markup(text: str, rtl: bool | None) -> str:
    f = fonts()
    (paragraph,) = Typesetter(f).line(text, stylesheet(f).body, 400, rtl_base=rtl)
    return str(paragraph.text)


@pytest.mark.parametrize(
    ("text", "rtl", "seen"),
    [
        # Word by word this printed "100 % 32) من (32": mirrored brackets, numbers swapped.
        ("32 من 100 (32 %)", True, "(% 32) 100 نم 32"),
        ("(٣٢)", True, "(٣٢)"),
        ("٣٢ شخصًا", True, "اًصخش ٣٢"),  # Arabic-Indic digits never come out as "٢٣"
        ("مرحبا (Alex) هنا", True, "انه (Alex) ابحرم"),
        ("نوعا לוי 32", True, "32 יול اعون"),
        # A number after a Hebrew name joins its right-to-left run (as in every browser);
        # where we print a count after a name, the name is isolated (see below).
        ("Hello שרה 2026", False, "Hello 2026 הרש"),
        ("1–31 مارس 2026", True, "2026 سرام 31–1"),
        ("الساعة 10:30", True, "10:30 ةعاسلا"),
        ("27 دقيقة و30 ثانية", True, "ةيناث 30و ةقيقد 27"),  # printed "و03" word by word
        ("We welcomed نور today (again).", None, "We welcomed رون today (again)."),
        ("abc ب) def", False, "abc ب) def"),
        ("محمد🌈 Alex", False, "دمحم🌈 Alex"),
        ("نور محمد🌈", None, "🌈دمحم رون"),
        ("Ali/علي and (نور)", False, "Ali/يلع and (رون)"),
    ],
)
def test_a_line_prints_in_the_order_the_bidi_algorithm_gives(
    text: str, rtl: bool | None, seen: str
) -> None:
    (line,) = _drawn((text, rtl))
    assert line == seen
    assert line == display(text, rtl_base=bool(rtl) if rtl is not None else text[0] > "\u0590")


def test_an_english_paragraph_with_one_arabic_name_stays_left_to_right() -> None:
    f = fonts()
    (paragraph,) = Typesetter(f).paragraphs(
        "Thank you, نور, for opening tonight.", stylesheet(f).body, 400
    )
    assert paragraph.style.alignment == 0  # flush left
    assert _drawn(("Thank you, نور, for opening tonight.", None)) == [
        "Thank you, رون, for opening tonight."
    ]


def test_a_prompt_line_keeps_its_question_mark_and_bullet_where_they_belong() -> None:
    # An English prompt set in an Arabic sentence: isolated, its full stop stays after it
    # (bare, the algorithm would send it to the line's far left, before "One").
    line = "الجولة 1 (جولة البداية): {prompt}".format(prompt=isolate("One word for you?"))
    (shown,) = _drawn((line, True))
    assert shown == "One word for you? :(ةيادبلا ةلوج) 1 ةلوجلا"
    bare = "الجولة 1 (جولة البداية): One word for you?"
    assert _drawn((bare, True)) == ["?One word for you :(ةيادبلا ةلوج) 1 ةلوجلا"]
    f = fonts()
    rtl = Typesetter(f).paragraphs(line, stylesheet(f).body, 400, prefix="•&nbsp; ", rtl_base=True)
    assert rtl[0].style.alignment == 2 and rtl[0].text.rstrip().endswith("•&nbsp;")


def test_numbers_and_brackets_keep_their_order_across_a_line_break() -> None:
    # The levels are resolved for the whole paragraph, then each printed line is reordered:
    # "Olu 4" wrapped between its name and its count still reads "4," at the next line's start.
    text = "التيسير: " + ", ".join(f"{name} {n}" for name, n in [("Ana", 8), ("Leila", 8)] * 6)
    lines = _drawn((text, True), width=180)
    assert len(lines) > 2
    joined = " ".join(lines)
    assert "Ana 8, Leila 8" in joined
    assert "8 Ana" not in joined and "Leila 8 8" not in joined


def test_isolated_names_in_an_arabic_list_read_right_to_left_with_their_counts() -> None:
    text = "التيسير: " + "، ".join(f"{isolate(n)} {c}" for n, c in [("Ana", 8), ("Noor", 4)])
    (line,) = _drawn((text, True))
    assert line == "4 Noor ،8 Ana :ريسيتلا"


def test_arabic_after_latin_in_one_word_is_joined_and_reads_right_to_left() -> None:
    text = pdf_text(_pdf(("Ali/علي and (نور)", False)))
    assert "Ali/" in text
    assert "\ufecb\ufee0\ufef2" in text, "علي printed as separate letters"  # joined forms


def _pdf(*lines: tuple[str, bool | None]) -> bytes:
    f = fonts()
    style = stylesheet(f).body
    setter = Typesetter(f)
    story = [p for text, rtl in lines for p in setter.line(text, style, 400, rtl_base=rtl)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def test_a_run_harfbuzz_would_turn_around_is_handed_over_pre_reversed() -> None:
    # A lone bracket at a right-to-left level: harfbuzz would run it left to right, unmirrored.
    markup = _markup("32 من 100 (32 %)", True)
    assert markup.startswith("(% ")
    # Arabic letters stay in logical order: harfbuzz reverses and joins them itself.
    assert "من" in markup and "نم" not in markup


def test_bidi_controls_steer_but_never_print() -> None:
    f = fonts()
    setter = Typesetter(f)
    setter.line(isolate("Alex") + " شكرا", stylesheet(f).body, 400, rtl_base=True)
    setter.line(isolate("Alex") + " thanks", stylesheet(f).body, 400)
    assert setter.missing == set()  # no "[U+2068]" stand-ins
    assert "\u2068" not in pdf_text(_pdf((isolate("Alex") + " thanks", None)))


@pytest.mark.parametrize(
    ("name", "own_side", "alignment", "seen"),
    [
        # An English report's attendance grid: every name at the start of its column, each
        # in its own order ("(נ.)" stays after the name, read from the right).
        ("נועה לוי", False, 0, "יול העונ"),
        ("Noa (נ.)", False, 0, "Noa (נ.)"),
        ("נועה (ל.)", False, 0, "(.ל) העונ"),
        # An Arabic report's attendance grid: a name sits on its own side of the cell.
        ("نور الهدى", True, 2, "ىدهلا رون"),
        ("Alex Kim", True, 0, "Alex Kim"),
        ("נועה 2", True, 2, "2 העונ"),
    ],
)
def test_a_name_cell_reads_in_its_own_direction(
    name: str, own_side: bool, alignment: int, seen: str
) -> None:
    f = fonts()
    style = stylesheet(f, rtl=own_side).cell
    cell = Typesetter(f).cell(name, style, 120, rtl_page=own_side, own_side=own_side)
    assert [p.style.alignment for p in cell] == [alignment]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(cell)
    assert drawn_lines(buffer.getvalue()) == [seen]


def test_a_name_in_an_arabic_table_sits_at_the_start_of_its_column() -> None:
    f = fonts()
    setter = Typesetter(f)
    style = stylesheet(f, rtl=True).cell
    for name in ("Alex Kim", "نور الهدى", "AC"):
        (line,) = setter.cell(name, style, 120, rtl_page=True)
        assert line.style.alignment == 2, name  # flush right, like the column's heading


def test_a_name_inside_our_english_sentence_reads_right_to_left() -> None:
    from reportlab.platypus import Paragraph

    from circlekeeper.reports.typeset import shaped

    f = fonts()
    setter = Typesetter(f)
    markup = "Facilitation: " + setter.inline("נועה לוי") + " 3, " + setter.inline("نور") + " 2"
    buffer = io.BytesIO()
    paragraph = Paragraph(markup, shaped(stylesheet(f).body))
    SimpleDocTemplate(buffer, pagesize=A4).build([paragraph])
    assert drawn_lines(buffer.getvalue()) == ["Facilitation: יול העונ 3, رون 2"]
