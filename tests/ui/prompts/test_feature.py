"""The composition root's one-stop object: tools per circle, browser, recording, setting."""

from __future__ import annotations

from datetime import UTC, datetime

from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.ui.prompts.browser import PromptBrowser
from circlekeeper.ui.prompts.feature import PromptFeature, avoid_last_setting


def test_setting_values() -> None:
    assert avoid_last_setting(None) == 8
    assert avoid_last_setting("3") == 3
    assert avoid_last_setting("0") == 0
    assert avoid_last_setting("many") == 8
    assert avoid_last_setting("-2") == 8


def test_tools_draw_avoiding_what_the_circle_recorded(qtbot, repo) -> None:
    feature = PromptFeature(repo, avoid_last=50)
    library = feature.library
    assert len(library.prompts()) >= 150
    pool = [p for p in library.prompts() if p.category.value == "check-in"]
    started = datetime(2026, 5, 5, 18, tzinfo=UTC)
    for n, prompt in enumerate(pool[:-1]):
        repo.add_session(n, 4, started)
        plan = [RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), prompt.text)]
        feature.record_session(n, plan, started_at=started)
    tools = feature.tools_for(4, circle_name="Thursday", seed=1)
    assert tools.drawer.circle_id == 4 and tools.drawer.avoid_last == 50
    from circlekeeper.prompts import DrawRequest

    assert tools.drawer.draw(DrawRequest.for_round(RoundKind.CHECK_IN)).prompt == pool[-1]
    browser = feature.browser(None, circle_id=4, circle_name="Thursday")
    qtbot.addWidget(browser)
    assert isinstance(browser, PromptBrowser) and browser.used.rowCount() == len(pool) - 1


def test_a_spanish_circle_draws_in_spanish_and_avoids_what_it_heard_in_english(repo) -> None:
    """Prompt ids are shared across languages, so "heard recently" holds whatever was spoken."""
    from circlekeeper.prompts import DrawRequest

    feature = PromptFeature(repo, avoid_last=50)
    english = [p for p in feature.library.prompts() if p.category.value == "check-in"]
    started = datetime(2026, 5, 5, 18, tzinfo=UTC)
    for n, prompt in enumerate(english[:-1]):  # heard in English, one session each
        repo.add_session(n, 4, started)
        plan = [RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), prompt.text)]
        feature.record_session(n, plan, started_at=started)
    tools = feature.tools_for(4, circle_name="Jueves", seed=1, language="es")
    drawn = tools.drawer.draw(DrawRequest.for_round(RoundKind.CHECK_IN)).prompt
    assert drawn.prompt_id == english[-1].prompt_id
    assert drawn.text != english[-1].text and drawn.text == (
        feature.library_in("es").get(drawn.prompt_id).text
    )

    spanish_words = feature.library_in("es").get(english[0].prompt_id).text
    repo.add_session(99, 4, started)
    plan = [RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), spanish_words)]
    uses = feature.record_session(99, plan, started_at=started, language="es")
    assert [u.prompt_id for u in uses] == [english[0].prompt_id], "Spanish words are recognised"


def test_a_language_switch_while_running_gives_the_library_in_the_new_language(qtbot, repo) -> None:
    """Settings can switch the language while the app runs: the next browser speaks it, and a
    favourite marked before the switch is still a favourite after it (and after switching back)."""
    from circlekeeper.i18n import use_language

    feature = PromptFeature(repo, avoid_last=50)
    first = feature.library.prompts()[0]
    feature.library.set_favourite(first.prompt_id, True)
    try:
        use_language("de")
        browser = feature.browser(None)
        qtbot.addWidget(browser)
        assert browser.windowTitle() == "Fragensammlung"
        german = feature.library.get(first.prompt_id)
        assert german.text != first.text and feature.library.is_favourite(first.prompt_id)
        feature.library.set_favourite(first.prompt_id, False)
        use_language("en")
        assert feature.library.get(first.prompt_id).text == first.text
        assert not feature.library.is_favourite(first.prompt_id), "the mark made in German"
    finally:
        use_language("en")
