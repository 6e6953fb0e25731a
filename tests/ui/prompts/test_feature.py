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
