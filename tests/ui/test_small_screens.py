"""A small laptop (1024 pixels wide, or 1280 at 125 % scaling) fits every page of the app."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.live.button_grid import FEWEST_COLUMNS, MOST_COLUMNS, ButtonGrid
from circlekeeper.ui.setup.setup_dialog import default_plan

SMALL_LAPTOP = 1024


def test_controls_take_as_many_columns_as_fit(qtbot) -> None:
    buttons = [QPushButton(f"Button number {i}  [Ctrl+{i}]") for i in range(11)]
    grid = ButtonGrid(buttons)
    qtbot.addWidget(grid)
    grid.show()
    QApplication.processEvents()
    widest = max(b.sizeHint().width() for b in buttons)
    grid.resize(widest * 8, 200)
    QApplication.processEvents()
    assert grid.columns() == MOST_COLUMNS
    grid.resize(int(widest * 4.5), 200)
    QApplication.processEvents()
    assert grid.columns() == 4
    assert grid.minimumSizeHint().width() < widest * (FEWEST_COLUMNS + 1)
    assert all(b.isVisible() for b in buttons)


def test_every_page_fits_a_small_laptop_screen(qtbot, real_app) -> None:
    window = real_app().window
    window.save_circle(
        CircleDetail(
            None,
            "Tuesday",
            default_plan=default_plan(),
            members=(Member(-1, "Amal", "she/her"), Member(-2, "Jonas")),
        )
    )
    assert window.minimumSizeHint().width() <= SMALL_LAPTOP, "circles and history"
    window.start_circle()
    window.resize(SMALL_LAPTOP, 700)
    QApplication.processEvents()
    assert window.width() <= SMALL_LAPTOP, "the live circle"
    assert not window.side.isVisible(), "the circles list makes room during a circle"
    next_button = window.live_view.buttons["next"]
    assert next_button.isVisible() and next_button.width() >= next_button.sizeHint().width()
    window.live_view.end_circle()
    window.summary_view.closed.emit("")
    assert window.side.isVisible(), "and comes back after it"


def test_a_circles_history_fits_its_area_without_sideways_scrolling(qtbot, real_app) -> None:
    window = real_app().window
    window.resize(SMALL_LAPTOP, 700)
    window.open_demo()
    window.show_page(window.options.extra_pages["&History"])
    history = window.pages.currentWidget()
    circle_id = window.catalog.circles()[0].circle_id
    history.show_circle(circle_id)
    qtbot.waitUntil(lambda: history.circle_area.widget().accessibleName() != "", timeout=10_000)
    qtbot.waitUntil(lambda: "Loading" not in history.status.text(), timeout=10_000)
    view = history.circle_area.widget()
    assert view.minimumSizeHint().width() <= history.circle_area.viewport().width()


SMALL_SCREEN_HEIGHT = 600 - 32 - 25
"""What a 1024×600 screen leaves a window: less a 32-pixel desktop panel and the window
manager's frame (openbox: a 20-pixel title bar and a 5-pixel bottom edge)."""


@pytest.fixture
def themed() -> Iterator[None]:
    """The app's font and style sheet (its buttons' padding), as ``circlekeeper`` runs; the
    rest of the suite runs unthemed, so both are put back afterwards."""
    from circlekeeper.ui.theme import STYLE_SHEET

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font, sheet = app.font(), app.styleSheet()
    themed_font = app.font()
    themed_font.setPointSizeF(max(10.0, themed_font.pointSizeF()))
    app.setFont(themed_font)
    app.setStyleSheet(STYLE_SHEET)
    try:
        yield
    finally:
        app.setStyleSheet(sheet)
        app.setFont(font)


def test_the_live_circle_with_its_prompt_fits_a_small_screen_s_height(
    qtbot, real_app, themed
) -> None:
    """Walking a circle at 1024×600 with a panel: once the round's prompt showed, the live
    screen asked for 569 pixels, 26 more than the screen leaves, so the window grew under
    the panel and the status line ("Amal spoke 0:40, then passed…") sat behind it."""
    from circlekeeper.session.model import RoundPlan

    window = real_app().window
    plan = tuple(
        RoundPlan(p.kind, p.policy, "What do you need from this circle tonight?")
        for p in default_plan()
    )
    people = tuple(Member(-i, f"Person {i}") for i in range(1, 12))
    window.save_circle(CircleDetail(None, "Tuesday", default_plan=plan, members=people))
    window.start_circle()
    window.resize(SMALL_LAPTOP, SMALL_SCREEN_HEIGHT)
    window.live_view.controller.toggle()  # the check-in opens, its prompt shows
    window.live_view.controller.toggle()  # Amal speaks
    QApplication.processEvents()
    assert window.live_view.prompt_label.isVisible()
    assert window.minimumSizeHint().height() <= SMALL_SCREEN_HEIGHT
    assert window.live_view.status.isVisible()
    window.live_view.end_circle()
