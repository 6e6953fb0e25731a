"""A count of none is said in words, in every shipped language.

CLDR counts 0 with 1 in French and Brazilian Portuguese, so a session without passes read
"0 passe" in the summary's key figures and on the printed totals line, and a new circle's
tooltip "0 sessão" (one session, to a Brazilian reader); Arabic's zero form read "0 تمريرات".
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from circlekeeper.i18n import SHIPPED_LANGUAGES, use_language
from circlekeeper.reports.demo import demo_summary
from circlekeeper.reports.session_words import totals_line
from circlekeeper.session.summary import SessionSummary
from circlekeeper.ui.circle_tooltip import circle_tooltip
from circlekeeper.ui.count_words import session_count
from circlekeeper.ui.facts import passes, session_facts

NONE = {
    "en": ("no passes", "no sessions yet"),
    "es": ("ningún pase", "aún sin sesiones"),
    "fr": ("aucune passe", "pas encore de séance"),
    "de": ("nie gepasst", "noch keine Sitzung"),
    "pt_BR": ("nenhum passe", "nenhuma sessão ainda"),
    "ar": ("لا تخطّي", "لا جلسات بعد"),
}
A_ZERO = re.compile(r"(?<![\d:,.])0(?![\d:,.])")
"""A bare 0 count (not the 0 of 10, 0:45 or 1,05)."""


def without_passes() -> SessionSummary:
    summary = demo_summary(people=3, rounds=1, names=("Ana", "Bia", "Caio"))
    people = tuple(replace(person, passes=0) for person in summary.people)
    return replace(summary, people=people)


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_no_passes_and_no_sessions_are_said_in_words(language: str) -> None:
    use_language(language)
    no_passes, no_sessions = NONE[language]
    assert passes(0) == no_passes
    assert session_count(0) == no_sessions
    assert no_sessions in circle_tooltip("Tuesday", 3, 0)
    assert passes(12) != no_passes and "12" in passes(12)  # Arabic says two in words
    assert "12" in session_count(12) and "1,200" in session_count(1200, "1,200")


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_a_session_without_passes_says_so_on_screen_and_paper(language: str) -> None:
    use_language(language)
    summary = without_passes()
    assert summary.passes == 0
    figures = session_facts(summary)
    assert NONE[language][0] in figures
    line = totals_line(summary, 0.0)
    assert NONE[language][0] in line
    assert not any(A_ZERO.search(fact) for fact in figures), figures
