"""One session's printed summary, read back with pypdf as an organization would file it."""

from __future__ import annotations

import re

import pytest

from circlekeeper.i18n.formats import format_duration as format_words
from circlekeeper.reports import Paper, Privacy, render_session
from circlekeeper.reports.demo import demo_summary
from circlekeeper.reports.session_words import fairness_sentence
from circlekeeper.session.model import format_duration
from circlekeeper.session.prompts import MoodCounts
from tests.reports.conftest import context, flat, pdf_pages, pdf_text, words


def test_figures_match_the_summary(latin_summary) -> None:
    text = pdf_text(render_session(latin_summary, context(privacy=Privacy.NAMES)))
    s = latin_summary
    assert f"{s.present_count} present" in text
    assert f"{s.late_count} arrived late" in text
    assert flat(fairness_sentence(s)) in flat(text)
    assert f"Total speaking {format_duration(s.total_spoken)}" in text
    assert f"equal share {format_duration(s.equal_share)}" in text
    for person in s.people:
        row = re.search(re.escape(person.name) + r"\s+([\d:]+)", text)
        assert row is not None, person.name
        assert row.group(1) == format_duration(s.shown_seconds()[person.person_id])
    for round_ in s.rounds:
        assert round_.plan.policy.describe().split(" (")[0] in text
    long_duration = format_words(s.duration_seconds, length="long")
    assert flat("duration " + long_duration) in flat(text)
    assert "Tuesday, November 24, 2026, 5:30 PM" in text  # London is UTC in November
    assert "Facilitator: Sam Rivera" in text


def test_the_spoken_column_adds_up_to_the_total_speaking() -> None:
    """Three people speaking 10.6 s each: rounded one by one the column read 0:11 three
    times (0:33) under "Total speaking 0:32", and their shares "33 %" three times."""
    from circlekeeper.session import Participant
    from tests.session.equal_turns import equal_turns

    people = [Participant("a", "Ada Lovelace"), Participant("g", "Grace Hopper")]
    people.append(Participant("t", "Alan Turing"))
    text = pdf_text(render_session(equal_turns(people), context(privacy=Privacy.NAMES)))
    assert "Total speaking 0:32" in text
    column = [re.search(re.escape(p.name) + r"\s+(\d+):(\d+)", text) for p in people]
    assert all(column), text
    assert sum(int(m.group(1)) * 60 + int(m.group(2)) for m in column if m) == 32
    # and the shares beside them add up to the whole time, not "33 %" three times (99 %)
    shares = [re.search(re.escape(p.name) + r"\s+\d+:\d+\s+(\d+)\s?%", text) for p in people]
    assert all(shares), text
    assert sorted(int(m.group(1)) for m in shares if m) == [33, 33, 34]


@pytest.mark.parametrize("privacy", list(Privacy))
def test_names_appear_only_where_the_privacy_level_allows(latin_summary, privacy) -> None:
    text = pdf_text(render_session(latin_summary, context(privacy=privacy)))
    for person in latin_summary.people:
        first, last = person.name.split()
        printed = person.name in text
        assert printed == (privacy is Privacy.NAMES)
        assert (last in text) == (privacy is Privacy.NAMES)
        if privacy is Privacy.INITIALS:
            assert re.search(rf"\b{first[0]}{last[0]}\b", text)
    if privacy is Privacy.COUNTS:
        assert "Person 1" in text
        assert "nobody is named" in text
        assert not re.search(r"\b(AL|GH|AT|KJ|ED)\b", text)


def test_counts_only_bars_are_sorted_by_time(latin_summary) -> None:
    text = pdf_text(render_session(latin_summary, context()))
    ordered = sorted(latin_summary.people, key=lambda p: -p.spoken_total)
    shown = latin_summary.shown_seconds()  # whole seconds adding up to the total
    for rank, person in enumerate(ordered, start=1):
        figure = format_duration(shown[person.person_id])
        assert f"{rank} Person {rank} {figure}" in words(text)  # the table row
    chart = words(text.split("nobody is named")[1])
    figures = " ".join(format_duration(shown[p.person_id]) for p in ordered)
    labels = " ".join(f"Person {rank}" for rank in range(1, len(ordered) + 1))
    assert figures in chart and labels in chart  # bars longest first, labelled in that order


def test_footer_on_every_page_says_confidential_page_x_of_y() -> None:
    long_text = "All of this is shareable. " * 800
    pages = pdf_pages(render_session(demo_summary(), context(shareable=long_text)))
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Confidential · page {number} of {len(pages)} · generated Nov 25, 2026" in page


def test_same_input_gives_byte_identical_output(latin_summary) -> None:
    ctx = context(privacy=Privacy.NAMES, shareable="Same every time.")
    assert render_session(latin_summary, ctx) == render_session(latin_summary, ctx)


def test_letter_and_a4_page_sizes(latin_summary) -> None:
    import io

    from pypdf import PdfReader

    for paper, width in ((Paper.A4, 595), (Paper.LETTER, 612)):
        data = render_session(latin_summary, context(paper=paper))
        box = PdfReader(io.BytesIO(data)).pages[0].mediabox
        assert round(float(box.width)) == width


MARKUP = [
    "<b>bold</b>",
    "Tom & Jerry &amp; co",
    '<font size="40" color="red">big</font>',
    '<a href="https://example.com">click</a>',
    "<img src=/etc/passwd/>",
    '<img src="/nonexistent/picture.png"/>',
    "<para>x</para> <br/> <unclosed",
]


@pytest.mark.parametrize("markup", MARKUP)
def test_markup_in_user_text_prints_literally(markup) -> None:
    summary = demo_summary(people=3, rounds=2, names=(markup, "B", "C"), circle=markup)
    ctx = context(
        privacy=Privacy.NAMES,
        organization=markup,
        agreements=(markup,),
        shareable=markup,
    )
    data = render_session(summary, ctx)
    text = pdf_text(data)
    assert flat(text).count(flat(markup)) >= 4  # organization, title, attendance, summary…
    assert b"/URI" not in data and b"/Link" not in data  # no link was made
    assert b"/Subtype /Image" not in data  # no file was read into the PDF


def test_scripts_print_in_their_own_fonts_and_unknown_characters_get_a_notice() -> None:
    names = ("محمد الأحمد", "李小龙", "דוד כהן", "Ольга", "김민준", "ሰላም ታደሰ")
    summary = demo_summary(people=6, rounds=2, names=names)
    data = render_session(summary, context(privacy=Privacy.NAMES))
    text = pdf_text(data)
    for font in (b"DejaVuSans", b"DroidSansFallback", b"NanumSquare", b"AbyssinicaSIL"):
        assert font in data, font
    assert "李小龙" in text and "Ольга" in text and "김민준" in text and "ሰላም" in text
    assert "[U+" not in text, "every script above has a bundled font"

    hieroglyphs = demo_summary(people=2, rounds=1, names=("𓀀𓀁", "B"))
    text = pdf_text(render_session(hieroglyphs, context(privacy=Privacy.NAMES)))
    assert "[U+13000 U+13001]" in text  # no bundled font has them: a visible notice
    assert "shown as [U+code] instead" in words(text)


def test_devanagari_and_tamil_names_are_shaped_in_their_own_fonts() -> None:
    names = ("प्रिया शर्मा", "கார்த்திக்", "Ana")
    data = render_session(
        demo_summary(people=3, rounds=1, names=names), context(privacy=Privacy.NAMES)
    )
    assert b"Lohit-Devanagari" in data and b"Lohit-Tamil" in data
    text = pdf_text(data)
    assert "[U+" not in text
    # Shaped with the wrong font (a bullet glued to the name), the glyphs read back as these.
    assert "\uffff" not in text and "Ġ" not in text
    assert "या" in text.split("Rounds")[0], "the attendance list prints the Devanagari name"


@pytest.mark.parametrize(
    ("name", "font"),
    [
        ("สมชาย ใจดี", b"NotoSansThai"),
        ("রবীন্দ্রনাথ", b"NotoSansBengali"),
        ("ਹਰਪ੍ਰੀਤ", b"NotoSansGurmukhi"),
        ("మల్లిక", b"NotoSansTelugu"),
        ("സുനിത", b"NotoSansMalayalam"),
        ("සුනිල්", b"NotoSansSinhala"),
        ("ဇော်ဇော်", b"NotoSansMyanmar"),
        ("សុខា", b"NotoSansKhmer"),
    ],
)
def test_names_in_south_and_southeast_asian_scripts_print_in_their_fonts(name, font) -> None:
    data = render_session(
        demo_summary(people=2, rounds=1, names=(name, "Ana")), context(privacy=Privacy.NAMES)
    )
    assert font in data
    text = pdf_text(data)
    assert "[U+" not in text and "\uffff" not in text


def test_ten_thousand_character_name_and_summary_wrap_across_pages() -> None:
    huge_name = ("Bartholomew" * 910)[:10_000]
    huge_summary = " ".join(["Wrapped"] * 1250)
    summary = demo_summary(people=3, rounds=2, names=(huge_name, "B", "C"), circle=huge_name)
    data = render_session(summary, context(privacy=Privacy.NAMES, shareable=huge_summary))
    pages = pdf_pages(data)
    assert len(pages) >= 4
    joined = flat(re.sub(r"-\s*\n", "", "\n".join(pages)))  # lines end in a hyphen: rejoin
    # title and attendance carry it in full (page footers interrupt a few words)
    assert joined.count("Bartholomew") >= 2 * 880
    assert joined.count("Wrapped") >= 1250


def test_ten_thousand_character_rtl_text_wraps() -> None:
    huge = " ".join(["مرحبا"] * 1700)
    data = render_session(demo_summary(people=3, rounds=2), context(shareable=huge))
    assert len(pdf_pages(data)) >= 3


def test_moods_and_prompts_are_printed(latin_summary) -> None:
    from circlekeeper.session.prompts import PromptUse

    ctx = context(
        moods=(MoodCounts("check-in", {1: 2, 5: 3}),),
        prompts_used=(PromptUse(1, 1, "What gave you hope this week?"),),
    )
    text = pdf_text(render_session(latin_summary, ctx))
    assert "Check-in 2 0 0 0 3 5 3.4" in words(text)
    assert "What gave you hope this week?" in text
    assert "How are you arriving today?" in text


def test_renderers_import_neither_the_vault_nor_the_store() -> None:
    import ast
    from pathlib import Path

    import circlekeeper.reports as reports

    for module in Path(reports.__file__).parent.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom | ast.Import):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                names += [alias.name for alias in node.names]
                for name in names:
                    assert not name.startswith(("circlekeeper.vault", "circlekeeper.store")), (
                        module.name
                    )


def test_every_user_field_at_ten_thousand_characters(tmp_path) -> None:
    from PIL import Image

    from circlekeeper.session.prompts import PromptUse

    logo = tmp_path / "logo.png"
    Image.new("RGB", (60, 30), (20, 90, 200)).save(logo)
    huge = "Long words wrap " * 625  # 10,000 characters
    summary = demo_summary(
        people=3, rounds=2, names=(huge, huge, huge), circle=huge, facilitators=(huge,)
    )
    ctx = context(
        privacy=Privacy.NAMES,
        organization=huge,
        logo_path=logo,
        agreements=(huge,),
        shareable=huge,
        prompts_used=(PromptUse(1, 0, huge),),
    )
    data = render_session(summary, ctx)
    pages = pdf_pages(data)
    assert len(pages) > 5
    assert b"/Subtype /Image" in data  # the logo was drawn
    assert "Long words wrap Long words" in words(pages[0])


def test_a_missing_logo_is_left_out_rather_than_failing(latin_summary, tmp_path) -> None:
    data = render_session(
        latin_summary, context(logo_path=tmp_path / "missing.png", organization="Org")
    )
    assert b"/Subtype /Image" not in data
    assert "Org" in pdf_text(data)


def test_the_report_package_loads_no_qt_and_no_database() -> None:
    import subprocess
    import sys

    code = (
        "import sys, circlekeeper.reports\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'sqlalchemy'})\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_arabic_is_shaped_into_joined_letter_forms() -> None:
    summary = demo_summary(people=2, rounds=1, names=("محمد الأحمد", "Ann"))
    text = pdf_text(render_session(summary, context(privacy=Privacy.NAMES)))
    # Shaped Arabic letters come back as contextual presentation forms (U+FE70–U+FEFF);
    # unshaped text would only hold the isolated base letters (U+0600–U+06FF).
    assert any("\ufe70" <= ch <= "\ufeff" for ch in text)


def test_rtl_words_are_ordered_by_the_bidi_algorithm() -> None:
    from circlekeeper.reports.bidi_levels import display

    assert display("مرحبا بالعالم Hello world 2024 سلام", rtl_base=True) == (
        "مالس Hello world 2024 ملاعلاب ابحرم"
    )
    assert display("Hello מה שלום world", rtl_base=False) == "Hello םולש המ world"


def test_unassigned_and_control_code_points_next_to_arabic_do_not_break_ordering() -> None:
    # Found by hypothesis: an unassigned code point has no bidi class at all.
    from circlekeeper.reports.bidi_levels import display

    for odd in ("\U00018cd6", "\u2029", "\u2066", "\u202b", "\x1f"):
        shown = display(f"؛ a{odd} مرحبا", rtl_base=False)
        assert sorted(shown.replace("\u2066", "")) == sorted(
            f"؛ a{odd} مرحبا".replace("\u2066", "")
        )
    summary = demo_summary(people=2, rounds=1, names=("؛ \U00018cd6", "Bea"))
    assert "Bea" in pdf_text(render_session(summary, context(privacy=Privacy.NAMES)))


def test_the_pdf_applies_the_fairness_rule_in_its_sentence_table_and_note() -> None:
    """A passer and a 0-s turn beside two speakers: index, sentence and "vs equal" agree."""
    from circlekeeper.session import CircleSession, FakeClock, Participant, RoundPlan, TimePolicy
    from circlekeeper.session.summary import FAIRNESS_RULE

    clock = FakeClock()
    session = CircleSession(clock)
    people = [Participant(p, n) for p, n in (("a", "Ada"), ("b", "Bea"), ("c", "Cy"), ("d", "Di"))]
    session.start("Rule", people)
    session.start_round(RoundPlan(policy=TimePolicy.fair_share(600, 30)))
    session.start_turn()
    clock.advance(100)
    session.end_turn()
    session.pass_turn()  # Bea passes: a right, not a mark against the circle
    session.start_turn()
    clock.advance(50)
    session.end_turn(start_next=True)  # Di's turn starts as the circle ends: 0 s, no time
    session.end_turn()
    session.end_round()
    session.end_session()
    summary = session.summary()
    text = words(pdf_text(render_session(summary, context(privacy=Privacy.NAMES))))
    assert summary.jain_index == pytest.approx(150**2 / (2 * (100**2 + 50**2)))
    assert f"Fairness index {summary.jain_index:.2f} among the 2 who spoke" in text
    assert "2 who passed or did not speak are not counted" in text
    assert re.search(r"Ada 1:40 67% \+0:25 1 0", text), text
    assert re.search(r"Cy 0:50 33% -0:25 1 0", text), text
    assert re.search(r"Bea 0:00 0% passed 0 1", text), text
    assert re.search(r"Di 0:00 0% no time 1 0", text), text
    assert words(FAIRNESS_RULE) in text
