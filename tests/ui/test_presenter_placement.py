"""The presenter screen finds the projector, follows it, and never covers the facilitator."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from circlekeeper.ui.live.controller import LiveController
from circlekeeper.ui.live.presenter_window import WINDOWED_SIZE, PresenterWindow, projector_screen
from tests.ui.conftest import PEOPLE, PLAN, MemoryJournal, TestClock

LAPTOP, PROJECTOR, TV = object(), object(), object()


def test_the_projector_is_the_first_screen_that_is_not_the_facilitators() -> None:
    assert projector_screen([LAPTOP, PROJECTOR], LAPTOP) is PROJECTOR
    assert projector_screen([PROJECTOR, LAPTOP], LAPTOP) is PROJECTOR
    assert projector_screen([LAPTOP], LAPTOP) is None
    assert projector_screen([LAPTOP, PROJECTOR, TV], LAPTOP, gone=PROJECTOR) is TV
    assert projector_screen([LAPTOP, PROJECTOR], LAPTOP, gone=PROJECTOR) is None


@pytest.fixture
def presenter(qtbot, clock: TestClock, journal: MemoryJournal) -> PresenterWindow:
    controller = LiveController(clock, journal, PLAN, wall=clock.wall)
    controller.start("Tuesday circle", PEOPLE, ["Sam"])
    window = PresenterWindow(controller)
    qtbot.addWidget(window)
    yield window
    window.close()
    controller.shutdown()


def test_with_only_the_laptop_screen_the_presenter_is_a_window(presenter) -> None:
    said: list[str] = []
    presenter.placed.connect(said.append)
    laptop = QGuiApplication.primaryScreen()
    presenter.show_beside(lambda: laptop)
    assert presenter.isVisible() and not presenter.isFullScreen()
    area = laptop.availableGeometry()
    assert presenter.width() <= min(WINDOWED_SIZE[0], area.width() // 2), "beside, not over"
    assert area.contains(presenter.geometry()), "entirely on the one screen"
    assert presenter.geometry().bottom() < area.bottom(), "the controls below stay clear"
    assert said == ["The presenter screen is a window; F11 makes it full screen."]


def test_full_screen_on_another_screen_and_a_window_again_when_it_is_unplugged(
    presenter,
) -> None:
    said: list[str] = []
    presenter.placed.connect(said.append)
    other = QGuiApplication.primaryScreen()
    facilitator = {"screen": None}  # the facilitator's screen is elsewhere: ``other`` is free
    presenter.show_beside(lambda: facilitator["screen"])
    assert presenter.isFullScreen()
    assert presenter.screen() is other

    app = QGuiApplication.instance()
    app.screenRemoved.emit(other)  # what Qt says while the projector is being unplugged
    assert not presenter.isFullScreen(), "never left full screen over the facilitator's screen"
    assert said[-1].startswith("The presenter screen is a window")

    app.screenAdded.emit(other)  # plugged back in
    assert presenter.isFullScreen()
    assert said[-1].startswith("The presenter screen is full screen")


def test_a_closed_presenter_stops_following_the_screens(presenter) -> None:
    laptop = QGuiApplication.primaryScreen()
    presenter.show_beside(lambda: laptop)
    presenter.close()
    app = QGuiApplication.instance()
    app.screenAdded.emit(laptop)  # would re-show the window if it still followed
    assert not presenter.isVisible()


def test_its_title_names_the_app_once(presenter) -> None:
    """The window manager shows the title with the app's name after it (Qt adds the
    application's display name): "CircleKeeper — presenter — CircleKeeper" said it twice."""
    assert "CircleKeeper" not in presenter.windowTitle()
    assert presenter.windowTitle() == "Presenter screen"


def test_f11_in_the_facilitator_s_window_makes_the_presenter_full_screen_and_back(
    qtbot, presenter
) -> None:
    """The presenter never takes the keyboard (it is looked at, not typed into), so an F11
    meant for it can only be pressed in the facilitator's window, the one with the keys."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

    facilitator = QWidget()
    qtbot.addWidget(facilitator)
    facilitator.show()
    facilitator.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is facilitator)
    said: list[str] = []
    presenter.placed.connect(said.append)
    laptop = QGuiApplication.primaryScreen()
    presenter.show_beside(lambda: laptop)
    assert said == ["The presenter screen is a window; F11 makes it full screen."]
    qtbot.keyClick(facilitator, Qt.Key.Key_F11)
    assert presenter.isFullScreen()
    qtbot.keyClick(facilitator, Qt.Key.Key_F11)
    assert not presenter.isFullScreen()
    presenter.close()  # F5 closes it; F11 then must not bring it back
    qtbot.keyClick(facilitator, Qt.Key.Key_F11)
    assert not presenter.isVisible()


def test_as_a_window_beside_the_facilitator_s_the_ring_is_whole_and_clear_of_the_words(
    qtbot, clock: TestClock, journal: MemoryJournal
) -> None:
    """On one screen the presenter is a window of 45 % of it (614×331 on a laptop): the
    words kept their projector sizes and the ring was squeezed under "Next: …", cut in
    half."""
    from dataclasses import replace

    from PySide6.QtWidgets import QApplication

    from circlekeeper.ui.live.timer_ring import MINIMUM_SIDE

    plan = [replace(PLAN[0], prompt="What do you need from this circle tonight?"), *PLAN[1:]]
    controller = LiveController(clock, journal, plan, wall=clock.wall)
    controller.start("Tuesday circle", PEOPLE, ["Sam"])
    window = PresenterWindow(controller)
    qtbot.addWidget(window)
    controller.move_on()  # the round begins
    controller.move_on()  # Amal speaks
    window.resize(614, 331)
    window.show()
    QApplication.processEvents()
    assert window.speaker_label.text() and window.next_label.text()
    ring = window.ring.geometry()
    assert ring.height() >= MINIMUM_SIDE and ring.width() >= MINIMUM_SIDE
    labels = (window.round_label, window.prompt_label, window.speaker_label, window.next_label)
    for label in labels:
        assert not ring.intersects(label.geometry()), label.accessibleName()
        assert window.rect().contains(label.geometry()), label.accessibleName()
    window.close()
    controller.shutdown()


def test_the_status_line_names_the_projector_by_its_model_and_size_never_its_connector() -> None:
    """Xvfb (and some drivers) call every output "screen": the status line read "The
    presenter screen is full screen on screen."."""
    from circlekeeper.ui.live.presenter_window import where_full_screen

    assert where_full_screen("", 1920, 1080) == (
        "The presenter screen is full screen on the other screen (1920×1080)."
    )
    assert where_full_screen("DELL U2419H", 1920, 1080) == (
        "The presenter screen is full screen on DELL U2419H (1920×1080)."
    )


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_on_one_screen_the_window_takes_the_corner_over_the_queue_never_the_ring(
    presenter, direction: Qt.LayoutDirection
) -> None:
    """The live screen's ring leads it: on the left, on the right in Arabic. The presenter
    window went to the top right in every language, and in Arabic covered the facilitator's
    clock and the speaker's name."""
    app = QGuiApplication.instance()
    before = app.layoutDirection()
    app.setLayoutDirection(direction)
    try:
        laptop = QGuiApplication.primaryScreen()
        presenter.show_beside(lambda: laptop)
        area = laptop.availableGeometry()
        on_the_left = presenter.geometry().center().x() < area.center().x()
        ring_on_the_left = direction == Qt.LayoutDirection.LeftToRight
        assert on_the_left != ring_on_the_left
        assert area.contains(presenter.geometry()), "entirely on the one screen"
    finally:
        app.setLayoutDirection(before)


@pytest.mark.parametrize("height", [1080, 2160])
def test_on_a_big_projector_the_words_grow_with_the_screen_as_the_ring_does(
    presenter, height: int
) -> None:
    """Read from the back of the room: the prompt keeps its share of the wall's height on a
    1080- or 2160-pixel projector (it stayed 30 pixels, 2.8 % then 1.4 % of the height), and
    the ring still has the room it had."""
    from PySide6.QtGui import QFontInfo
    from PySide6.QtWidgets import QApplication

    def shares(window: PresenterWindow) -> tuple[float, float]:
        QApplication.processEvents()
        prompt = QFontInfo(window.prompt_label.font()).pixelSize() / window.height()
        ring = window.ring.height() / window.height()
        return prompt, ring

    presenter.resize(1280, 720)
    presenter.show()
    prompt_720, ring_720 = shares(presenter)
    presenter.resize(height * 16 // 9, height)
    prompt_big, ring_big = shares(presenter)
    assert prompt_big >= 0.95 * prompt_720, (prompt_720, prompt_big)
    assert ring_big >= 0.95 * ring_720, (ring_720, ring_big)


def test_f5_closing_the_presenter_says_so_and_how_to_bring_it_back(qtbot, real_app) -> None:
    """F5 toggles the presenter. Closing it only cleared the status line: a facilitator who
    pressed F5 to bring back a presenter hidden behind their window saw it gone, unexplained."""
    from circlekeeper.ui.catalog import CircleDetail, Member
    from circlekeeper.ui.setup.setup_dialog import default_plan

    window = real_app().window
    window.save_circle(
        CircleDetail(None, "Tuesday", default_plan=default_plan(), members=(Member(-1, "Amal"),))
    )
    window.start_circle()
    window.toggle_presenter()
    assert window.presenter is not None and window.presenter.isVisible()
    window.toggle_presenter()
    assert not window.presenter.isVisible()
    assert window.statusBar().currentMessage() == "Presenter screen closed; F5 opens it again."
