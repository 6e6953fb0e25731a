"""Lists of names read the way the window's language joins a list: "Ana, Bo, and Chen" in
English, «أمل وبو وتشن» in Arabic (read from the right), never a Latin ", " in Arabic."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest

from circlekeeper.i18n import use_language
from circlekeeper.ui.bidi_text import LEFT_TO_RIGHT_MARK, RIGHT_TO_LEFT_MARK, plain
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.live.round_queue import RoundQueue
from circlekeeper.ui.setup.circle_page import CirclePage

MEMBERS = (Member(1, "أمل حداد"), Member(2, "Bo"), Member(3, "نور"))


@pytest.fixture
def arabic() -> Iterator[None]:
    use_language("ar")
    try:
        yield
    finally:
        use_language("en")


def _people_line(qtbot) -> str:
    page = CirclePage()
    qtbot.addWidget(page)
    page.show_circle(CircleDetail(1, "Tuesday", members=MEMBERS))
    return page.people.text()


def test_the_people_line_in_arabic_is_joined_with_waw_and_reads_from_the_right(
    qtbot, arabic
) -> None:
    text = _people_line(qtbot)
    assert text.startswith(RIGHT_TO_LEFT_MARK), "a right-to-left paragraph: first name rightmost"
    assert plain(text) == "أمل حداد وBo ونور"
    assert "," not in text


def test_the_people_line_in_english_keeps_its_commas_and_and(qtbot) -> None:
    text = _people_line(qtbot)
    assert text.startswith(LEFT_TO_RIGHT_MARK)
    assert plain(text) == "أمل حداد, Bo, and نور"


def test_who_was_heard_and_who_passed_in_arabic(qtbot, arabic) -> None:
    queue = RoundQueue()
    qtbot.addWidget(queue)
    names = {"a": "أمل", "b": "Bo", "c": "نور", "d": "Dana"}
    round_ = SimpleNamespace(
        queue=(), spoke=("a", "b", "c"), passed=("d", "b"), deferred=(), skipped=()
    )
    queue.show_round(round_, names.__getitem__, None)
    heard, passed = plain(queue.heard.text()).splitlines()
    assert heard.endswith("أمل وBo ونور") and passed.endswith("Dana وBo")
    assert "," not in queue.heard.text() and "،" not in queue.heard.text()
