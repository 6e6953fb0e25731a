"""The live screen keeps its shape: the ring does not move or resize for a long name, and the
speaking-time list keeps its rows (no scroll bar, no name cut) when the notes field changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from circlekeeper.session.model import Participant
from circlekeeper.ui.live.controller import LiveController
from circlekeeper.ui.live.fitted_label import ELLIPSIS, wrap_words
from circlekeeper.ui.live.view import LiveView
from circlekeeper.ui.notes.factory import NotesFactory
from tests.ui.conftest import PLAN, MemoryJournal, TestClock
from tests.ui.notes_support import PASSPHRASE, make_kit

SIXTY = "Maria Fernanda de los Santos Oyelaran-Whitfield Nakamura-Oko"
LONG_WORD = "Konstantinopoulou-Vanderbilt"
PEOPLE = [
    Participant("1", "Jo", ""),
    Participant("2", SIXTY, ""),
    Participant("3", LONG_WORD, ""),
    Participant("4", "Amal", "she/her"),
]


def geometry(view: LiveView) -> QRect:
    ring = view.ring
    return QRect(ring.mapTo(view, ring.rect().topLeft()), ring.size())


@pytest.fixture
def kit():  # type: ignore[no-untyped-def]
    return make_kit()


@pytest.fixture(params=[(1366, 700), (1024, 540)], ids=["1366", "1024"])
def view(request, qtbot, clock: TestClock, journal: MemoryJournal, kit) -> LiveView:  # type: ignore[no-untyped-def]
    controller = LiveController(clock, journal, PLAN, wall=clock.wall)
    controller.start("Tuesday circle", PEOPLE, ["Sam"])
    notes = NotesFactory(kit.service, kit.bridge)(1, controller)
    widget = LiveView(controller, notes_widget=notes)
    qtbot.addWidget(widget)
    widget.resize(*request.param)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    controller.shutdown()


def test_sixty_characters_is_the_long_name_asked_for() -> None:
    assert len(SIXTY) == 60


def test_the_ring_stays_put_whoever_speaks(qtbot, view: LiveView, clock: TestClock) -> None:
    controller = view.controller
    controller.toggle()  # the round opens
    controller.toggle()  # Jo speaks
    qtbot.wait(50)
    assert view.speaker_label.text() == "Jo"
    where = geometry(view)
    assert where.height() >= 120
    for name in (SIXTY, LONG_WORD):
        clock.advance(5)
        controller.move_on()
        qtbot.wait(50)
        assert view.speaker_label.full_text() == name
        assert geometry(view) == where, name
        for line in view.speaker_label.text().split("\n"):
            width = view.speaker_label.fontMetrics().horizontalAdvance(line)
            assert width <= view.speaker_label.contentsRect().width(), line
    # The hyphenated name breaks after its hyphen, the 60-character one between words.
    controller.move_on()
    qtbot.wait(50)
    assert geometry(view) == where


def test_long_names_wrap_between_words_never_inside_one(view: LiveView) -> None:
    label = view.speaker_label
    label.set_full_text(SIXTY)
    shown = label.text()
    words = set(SIXTY.replace("-", "- ").split())
    for line in shown.split("\n"):
        for piece in line.replace("-", "- ").split():
            assert piece.rstrip(ELLIPSIS) and (piece in words or piece.endswith(ELLIPSIS)), (
                f"{piece!r} is part of a word"
            )
    if ELLIPSIS in shown:
        assert label.toolTip() == SIXTY


def test_a_word_too_wide_for_the_line_is_shortened_not_split() -> None:
    def advance(text: str) -> float:
        return 10.0 * len(text)

    assert wrap_words("Konstantinopoulou-Vanderbilt", 200, 2, advance) == [
        "Konstantinopoulou-",
        "Vanderbilt",
    ]
    assert wrap_words("Konstantinopoulou-Vanderbilt", 120, 1, advance) == ["Konstantino…"]
    assert wrap_words("Ready: Jo", 200, 2, advance) == ["Ready: Jo"]
    assert wrap_words("a b c d e f", 30, 2, advance) == ["a b", "c…"]
    assert wrap_words("Vander\u00adbilt", 200, 1, advance) == ["Vanderbilt"]


def test_the_speaking_time_list_keeps_its_rows_when_the_notes_field_changes(
    qtbot, view: LiveView, kit
) -> None:  # type: ignore[no-untyped-def]
    area = view.fairness_area
    ring = geometry(view)
    before = (area.geometry(), area.verticalScrollBar().isVisible())
    kit.vault.lock()
    qtbot.wait(50)
    assert (area.geometry(), area.verticalScrollBar().isVisible()) == before
    assert geometry(view) == ring
    kit.vault.unlock(PASSPHRASE)
    qtbot.wait(50)
    assert (area.geometry(), area.verticalScrollBar().isVisible()) == before
    assert geometry(view) == ring


ELEVEN = [
    Participant(str(i), name, "")
    for i, name in enumerate(
        ["Amal", "Jonas", "Olena", "Omar", "Anna", "Aoife", "Yusuf", "Sam", "Chloé", "Alex", "Noa"],
        1,
    )
]


def test_the_queue_gives_its_emptied_rows_to_the_speaking_time_list(
    qtbot, clock: TestClock, journal: MemoryJournal, kit
) -> None:
    """At 1366×768 with eleven people, the "Still to speak" box kept room for all eleven
    names as the round went on, and the speaking-time list below it scrolled, its last
    person cut in half. The box now holds the names waiting; the list takes the rest."""
    controller = LiveController(clock, journal, PLAN, wall=clock.wall)
    controller.start("Tuesday circle", ELEVEN, ["Sam"])
    notes = NotesFactory(kit.service, kit.bridge)(1, controller)
    view = LiveView(controller, notes_widget=notes)
    qtbot.addWidget(view)
    view.resize(1190, 640)  # the live screen in a maximised window at 1366×768
    view.show()
    qtbot.waitExposed(view)
    controller.toggle()  # the round opens with all eleven waiting
    for _turn in range(6):
        controller.move_on()
    qtbot.wait(50)
    listing = view.queue.queue
    waiting = listing.count()
    assert waiting == 5
    room = listing.height() - 2 * listing.frameWidth()
    assert room < (waiting + 1) * listing.row_height(), "no empty rows kept in the queue"
    strip, area = view.fairness, view.fairness_area
    assert not area.verticalScrollBar().isVisible(), "everyone's speaking time is in sight"
    seen = strip.visibleRegion().boundingRect()
    last_bottom = strip.top() + len(strip.bars()) * strip.row_height()
    assert last_bottom - 1 <= seen.bottom(), "the last person's row is whole"
    controller.shutdown()


def test_before_the_round_opens_the_queue_shows_who_will_speak_greyed(
    qtbot, view: LiveView
) -> None:
    """Before the first round the "Still to speak" box was empty, with "No round in
    progress." under it. It shows the round's order now, greyed and marked as not started,
    and opening the round changes neither its size nor its names, nor moves the ring."""
    from PySide6.QtCore import Qt

    controller, queue = view.controller, view.queue
    listing = queue.queue
    coming = listing.person_ids()
    assert coming and coming == controller.order_for_next_round()
    shown = [listing.item(i).text().replace("\N{SOFT HYPHEN}", "") for i in range(len(coming))]
    assert shown[:2] == ["Jo", SIXTY]
    assert not any(listing.item(i).flags() & Qt.ItemFlag.ItemIsEnabled for i in range(len(coming)))
    assert queue.heard.text() == "Not started: the round will begin in this order."
    ring, box = geometry(view), listing.height()
    controller.toggle()  # the round opens
    qtbot.wait(50)
    assert listing.person_ids() == coming == list(controller.current_round().queue)
    assert all(listing.item(i).flags() & Qt.ItemFlag.ItemIsDragEnabled for i in range(len(coming)))
    assert queue.heard.text() == "Heard: nobody yet"
    assert (geometry(view), listing.height()) == (ring, box)
