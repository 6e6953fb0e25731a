"""The summary PDF with a prompt for each person: listed, and attributed only as privacy allows."""

from __future__ import annotations

import pytest

from circlekeeper.reports import Privacy, render_session
from circlekeeper.reports.bidi_order import without_controls
from circlekeeper.reports.demo import demo_summary
from circlekeeper.reports.people import person_prompt_lines
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from tests.reports.conftest import context, flat, pdf_text, words

NAMES = ("Ada Lovelace", "Grace Hopper", "Alan Turing")
OWN = {"1": "Zebra question: what moves you?", "2": "<b>Apple</b> & pear?", "3": "Middle one"}


@pytest.fixture(scope="module")
def summary():
    plans = [
        RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(90), person_prompts=tuple(OWN.items())),
        RoundPlan(RoundKind.CHECK_OUT, TimePolicy.fixed(60), "One word to leave with."),
    ]
    return demo_summary(people=3, rounds=2, names=NAMES, plans=plans)


def test_counts_only_lists_the_prompts_without_anyone_attached(summary) -> None:
    text = pdf_text(render_session(summary, context(privacy=Privacy.COUNTS)))
    assert "Round 1 (Check-in): a prompt for each person" in words(text)
    assert "One word to leave with." in text
    for prompt in OWN.values():
        assert flat(prompt) in flat(text)
    for name in NAMES:
        assert name.split()[0] not in text
    lines = person_prompt_lines(summary.rounds[0].plan, summary, Privacy.COUNTS)
    assert lines == ["<b>Apple</b> & pear?", "Middle one", "Zebra question: what moves you?"]


@pytest.mark.parametrize(
    ("privacy", "who"), [(Privacy.NAMES, "Grace Hopper"), (Privacy.INITIALS, "GH")]
)
def test_names_or_initials_say_who_had_which(summary, privacy, who) -> None:
    text = pdf_text(render_session(summary, context(privacy=privacy)))
    assert flat(f"{who}: <b>Apple</b> & pear?") in flat(text)


def test_a_shared_prompt_beside_personal_ones_is_for_everyone_else(summary) -> None:
    plan = RoundPlan(prompt="For latecomers", person_prompts=(("1", "Yours"),))
    assert _plain(person_prompt_lines(plan, summary, Privacy.NAMES)) == [
        "Ada Lovelace: Yours",
        "Everyone else: For latecomers",
    ]
    assert _plain(person_prompt_lines(plan, summary, Privacy.COUNTS)) == [
        "Yours",
        "Everyone else: For latecomers",
    ]


def _plain(lines: list[str]) -> list[str]:
    """The lines as read (names and prompts sit in invisible bidi isolates)."""
    return [without_controls(line) for line in lines]
