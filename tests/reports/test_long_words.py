"""Words longer than a line: hyphenated where a line fills up, and a name many lines long is
set in time linear in its length (reportlab measured a 10,000-letter name 227,000 times)."""

from __future__ import annotations

import re

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from circlekeeper.reports import Privacy, render_session
from circlekeeper.reports.demo import demo_summary
from circlekeeper.reports.long_text import HARD_BREAK_LINES, hyphenated, line_ends, pieces
from tests.reports.conftest import context, pdf_pages


def _binary_search_ends(widths: list[float], limit: float) -> list[int]:
    """The line ends as the old code found them: a binary search over the whole rest."""
    ends, start = [], 0
    while start < len(widths):
        low, high, cut = start + 1, len(widths), start + 1
        while low <= high:
            mid = (low + high) // 2
            if sum(widths[start:mid]) <= limit:
                cut, low = mid, mid + 1
            else:
                high = mid - 1
        if cut >= len(widths):
            break
        ends.append(cut)
        start = cut
    return ends


@pytest.mark.parametrize("limit", [0.5, 3, 7.5, 40, 1000])
def test_line_ends_are_the_most_that_fit_as_a_binary_search_finds_them(limit) -> None:
    widths = [1.0 + (i * 7 % 5) / 2 for i in range(300)]
    tried: list[int] = []

    def fits(start: int, end: int) -> bool:
        tried.append(end - start)
        return sum(widths[start:end]) <= limit

    assert line_ends(len(widths), fits) == _binary_search_ends(widths, limit)
    # each try measures about a line (at most twice the widest), not the rest of the word
    assert max(tried) <= max(2 * (limit + 1), 2)


def test_a_word_of_a_few_lines_gets_soft_hyphens_near_each_line_end() -> None:
    word = "abcdefghij" * 3
    clusters = list(word)
    out = hyphenated(word, clusters, lambda s, e: e - s <= 10, lambda s: len(word) - s <= 11)
    assert out.replace("\u00ad", "") == word
    assert "\n" not in out and out.count("\u00ad") >= 2


def test_a_word_many_lines_long_is_broken_at_each_line_end_with_a_hyphen() -> None:
    word = "abcdefghij" * (HARD_BREAK_LINES + 2) + "xy"
    clusters = list(word)
    out = hyphenated(word, clusters, lambda s, e: e - s <= 10, lambda s: len(word) - s <= 12)
    lines = out.split("\n")
    assert lines[:-1] == ["abcdefghij-"] * (HARD_BREAK_LINES + 1)
    assert lines[-1] == "abcdefghijxy"  # the short rest joins the last line that holds it
    assert "\u00ad" not in out


def test_a_break_beside_a_digit_or_hyphen_adds_no_hyphen() -> None:
    word = "12345-789-" * (HARD_BREAK_LINES + 2)
    out = hyphenated(word, list(word), lambda s, e: e - s <= 10, lambda s: False)
    assert out.replace("\n", "") == word


def test_an_endless_word_is_left_whole_for_the_typesetter_to_break_at_its_line_ends() -> None:
    # (cut here by characters, it was broken mid-line, and through a letter's marks)
    assert pieces("x" * 4000) == ["x" * 4000]
    cut = pieces("a " * 500 + "x" * 4000 + " b")
    assert "x" * 4000 in cut and "".join(cut).count("x") == 4000


def test_a_ten_thousand_letter_name_is_measured_a_number_of_times_linear_in_its_length(
    monkeypatch,
) -> None:
    measured = 0
    original = TTFont.stringWidth

    def counting(self, text, size, encoding="utf8"):  # type: ignore[no-untyped-def]
        nonlocal measured
        measured += len(text)
        return original(self, text, size, encoding)

    monkeypatch.setattr(TTFont, "stringWidth", counting)
    name = ("Bartholomew" * 910)[:10_000]
    summary = demo_summary(people=3, rounds=2, names=(name, "B", "C"), circle=name)
    data = render_session(summary, context(privacy=Privacy.NAMES))
    # Letters measured (reportlab's and ours): 660 million before (223,000 measurements, most
    # of them of the rest of the name each time a line broke); now under 300,000.
    assert measured < 2_000_000, measured
    pages = pdf_pages(data)
    title_lines = [
        line
        for page in pages[:3]
        for line in page.splitlines()[1:-1]
        if "…" not in line  # the running head of pages after the first: the name cut short
    ]
    assert all(line.endswith("-") for line in title_lines), title_lines[:3]
    # every page of the title is full: no empty line where a page broke it
    assert len(pages[1].splitlines()) == len(pages[2].splitlines())
    joined = re.sub(r"-\s*\n", "", "\n".join(pages))
    assert joined.count("Bartholomew") >= 2 * 900
