"""Every text and cue of the light, dark and presenter themes meets WCAG 2.2 contrast."""

from __future__ import annotations

import re

import pytest

from circlekeeper.ui import theme
from circlekeeper.ui.contrast import CUE, LARGE_TEXT, TEXT, contrast_ratio
from circlekeeper.ui.live import timer_ring
from circlekeeper.ui.live.presenter_window import PresenterWindow
from circlekeeper.ui.live.view import LiveView

PRESENTER_BACKGROUND = theme.PRESENTER.background


def test_the_wcag_formula_gives_its_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("name", ["WINDOW_LIGHT", "WINDOW_DARK"])
def test_every_text_and_focus_ring_of_the_window_themes(name: str) -> None:
    colours = getattr(theme, name)
    low = [
        f"{fg} on {bg}: {contrast_ratio(colours[fg], colours[bg]):.2f}"
        for fg, bg in theme.TEXT_PAIRS
        if contrast_ratio(colours[fg], colours[bg]) < TEXT
    ]
    low += [
        f"focus ring {fg} on {bg}: {contrast_ratio(colours[fg], colours[bg]):.2f}"
        for fg, bg in theme.CUE_PAIRS
        if contrast_ratio(colours[fg], colours[bg]) < CUE
    ]
    assert not low, low


@pytest.mark.parametrize(
    ("ring", "backgrounds"),
    [
        (timer_ring.LIGHT, (theme.WINDOW_LIGHT["Window"], theme.WINDOW_LIGHT["Base"])),
        (timer_ring.DARK, (theme.WINDOW_DARK["Window"], PRESENTER_BACKGROUND)),
    ],
)
def test_the_rings_time_captions_and_cues(ring: timer_ring.RingColours, backgrounds) -> None:
    low = []
    for background in backgrounds:
        # Captions are written in the cue colour, so the cues are held to the text ratio.
        for role in ("text", "normal", "nearing", "over", "paused"):
            colour = getattr(ring, role).name()
            if contrast_ratio(colour, background) < TEXT:
                low.append(f"{role} {colour} on {background}")
    assert not low, low


def stylesheet_pairs(sheet: str, background: str) -> list[tuple[str, str, str]]:
    """(selector, colour, background) for every rule of ``sheet`` that sets a colour."""
    pairs = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", sheet):
        colour = re.search(r"(?<!-)color:\s*(#[0-9a-fA-F]{6})", body)
        ground = re.search(r"background:\s*(#[0-9a-fA-F]{6})", body)
        if colour:
            pairs.append(
                (selector.strip(), colour.group(1), ground.group(1) if ground else background)
            )
    return pairs


def test_the_presenter_screen_text(qtbot) -> None:
    from circlekeeper.ui.live.controller import LiveController
    from tests.ui.conftest import PEOPLE, PLAN, MemoryJournal, TestClock

    clock = TestClock()
    controller = LiveController(clock, MemoryJournal(), PLAN, wall=clock.wall)
    controller.start("Tuesday", PEOPLE, ["Sam"])
    window = PresenterWindow(controller)
    qtbot.addWidget(window)
    pairs = stylesheet_pairs(window.styleSheet(), PRESENTER_BACKGROUND)
    assert len(pairs) >= 3
    low = [p for p in pairs if contrast_ratio(p[1], p[2]) < LARGE_TEXT]  # all ≥ 22 px
    small = [p for p in pairs if contrast_ratio(p[1], p[2]) < TEXT]
    assert not low and not small, (low, small)
    controller.shutdown()


def test_the_live_views_banners_and_headings(qtbot) -> None:
    from circlekeeper.ui.live.controller import LiveController
    from tests.ui.conftest import PEOPLE, PLAN, MemoryJournal, TestClock

    clock = TestClock()
    controller = LiveController(clock, MemoryJournal(), PLAN, wall=clock.wall)
    controller.start("Tuesday", PEOPLE, ["Sam"])
    view = LiveView(controller)
    qtbot.addWidget(view)
    sheet = view.styleSheet()
    assert "palette(mid)" not in sheet, "no text in the faint 'mid' colour"
    pairs = stylesheet_pairs(sheet, theme.WINDOW_LIGHT["Window"])
    low = [p for p in pairs if contrast_ratio(p[1], p[2]) < TEXT]
    assert pairs and not low, low
    controller.shutdown()


def test_enter_on_a_focused_button_presses_it(qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

    app = QApplication.instance()
    from circlekeeper.ui.enter_key import EnterPressesButtons

    filter_ = EnterPressesButtons(app)
    app.installEventFilter(filter_)
    try:
        holder = QWidget()
        button = QPushButton("Pass", holder)
        QVBoxLayout(holder).addWidget(button)
        qtbot.addWidget(holder)
        holder.show()
        qtbot.waitExposed(holder)
        button.setFocus()
        with qtbot.waitSignal(button.clicked, timeout=2000):
            qtbot.keyClick(button, Qt.Key.Key_Return)
    finally:
        app.removeEventFilter(filter_)


@pytest.mark.parametrize(
    ("colours", "disabled"),
    [
        (theme.WINDOW_LIGHT, theme.DISABLED_LIGHT),
        (theme.WINDOW_DARK, theme.DISABLED_DARK),
    ],
)
def test_the_window_palette_is_the_same_whatever_palette_the_desktop_offers(
    qapp, colours, disabled
) -> None:
    """The theme fills the app's own palette (cheap at start-up) rather than the style's
    standard one; every role the style draws with is set in every group, so a desktop's
    garish palette leaves no trace, and the light theme keeps Fusion's bevels."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QStyleFactory

    garish = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Disabled):
        for role in QPalette.ColorRole:
            if role.name not in ("NoRole", "NColorRoles"):
                garish.setColor(group, role, QColor.fromString("#ff00ff"))
    fusion = QStyleFactory.create("Fusion").standardPalette()
    ours = theme.palette_for(colours, garish, disabled)
    reference = theme.palette_for(colours, fusion, disabled)
    differ = [
        f"{group.name} {role.name}"
        for group in (
            QPalette.ColorGroup.Active,
            QPalette.ColorGroup.Inactive,
            QPalette.ColorGroup.Disabled,
        )
        for role in QPalette.ColorRole
        if role.name not in ("NoRole", "NColorRoles")
        and ours.color(group, role) != reference.color(group, role)
    ]
    assert differ == []
    if colours is theme.WINDOW_LIGHT:
        bevels = ("Light", "Midlight", "Mid", "Dark", "Shadow")
        roles = [getattr(QPalette.ColorRole, name) for name in bevels]
        assert [ours.color(r).name() for r in roles] == [fusion.color(r).name() for r in roles]
