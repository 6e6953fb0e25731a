"""The fairness strip: everyone in the circle has a row that can be seen, however big the circle."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QApplication, QScrollArea

from circlekeeper.ui.fairness_strip import FairnessStrip, ShareBar, scrollable


def _bars(count: int) -> list[ShareBar]:
    return [ShareBar(f"Person {i}", 30.0 + i) for i in range(count)]


def _shown(qtbot, people: int, height: int) -> tuple[FairnessStrip, QScrollArea]:
    strip = FairnessStrip()
    strip.set_bars(_bars(people), 40.0)
    area = scrollable(strip)
    qtbot.addWidget(area)
    area.resize(400, height)
    area.show()
    QApplication.processEvents()
    return strip, area


def test_a_small_circle_gets_roomy_rows(qtbot) -> None:
    strip, area = _shown(qtbot, people=5, height=400)
    assert strip.row_height() == FairnessStrip.ROW
    assert not area.verticalScrollBar().isVisible()


def test_a_big_circle_compacts_then_scrolls_instead_of_cutting_people_off(qtbot) -> None:
    strip, area = _shown(qtbot, people=20, height=250)
    row = strip.row_height()
    assert row < FairnessStrip.ROW, "rows shrink before anything scrolls"
    assert strip.height() >= FairnessStrip.TOP + 20 * row, "all twenty rows fit in the strip"
    assert area.verticalScrollBar().isVisible()
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    QApplication.processEvents()
    image = area.grab().toImage()
    from circlekeeper.ui.theme import colours_for

    bar_colours = {QColor(colours_for(strip.palette()).accent).rgb()}
    last_row_y = area.height() - 6 - int(row / 2)
    on_last_row = {image.pixel(x, last_row_y) for x in range(image.width())}
    assert on_last_row & bar_colours, "scrolled to the end, the last person's bar is painted"


def test_live_bars_compare_each_person_with_their_offer_and_never_turn_the_warning_colour(
    qtbot,
) -> None:  # type: ignore[no-untyped-def]
    """Issue #13: a fixed 1:30 check-in turned the first speaker magenta after six seconds."""
    from PySide6.QtGui import QColor

    from circlekeeper.session import CircleSession, FakeClock, RoundPlan, TimePolicy
    from circlekeeper.session.model import RoundKind
    from circlekeeper.session.offered import offered_seconds
    from circlekeeper.ui.fairness_strip import bar_value, bars_from_summary
    from circlekeeper.ui.theme import colours_for
    from tests.session.conftest import people

    clock = FakeClock()
    session = CircleSession(clock)
    session.start("Tuesday", people("AB"), ["Sam"])
    session.start_round(RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(90)))
    session.start_turn()
    clock.advance(100)  # A runs a little over, B has not spoken
    log, now = session.log, session.elapsed()
    bars, equal = bars_from_summary(session.summary(), offered_seconds(log, now=now))
    assert equal == 0.0  # no running-average line
    assert [bar_value(b) for b in bars] == ["1:40 of 1:30", "0:00"]

    strip = FairnessStrip()
    qtbot.addWidget(strip)
    strip.resize(420, 120)
    strip.set_bars(bars, equal)
    strip.show()
    qtbot.waitExposed(strip)
    image = strip.grab().toImage()
    warning = QColor(colours_for(strip.palette()).over).rgb()
    pixels = {image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(image.height())}
    assert warning not in pixels


def test_every_figure_after_its_bar_is_whole_in_every_language(qtbot) -> None:
    """The figures' column was measured on "59:59 · 2 passes": in Arabic one pass is a longer
    phrase than two ("تمريرة واحدة (1)"), and the summary cut it at the window's edge. The
    column also began six pixels later than it was measured from."""
    from PySide6.QtGui import QFontMetrics

    from circlekeeper.i18n import active_language, use_language
    from circlekeeper.ui.fairness_strip import bar_value

    before = active_language()
    try:
        for language in ("ar", "de", "fr", "en"):
            use_language(language)
            strip = FairnessStrip()
            bars = [ShareBar("김민준", 0.0, 1), ShareBar("Борис", 122.0), ShareBar("李伟", 76.0, 3)]
            strip.set_bars(bars, 67.0)
            qtbot.addWidget(strip)
            strip.resize(1180, 300)
            start, room = strip.value_column()
            assert start + room <= strip.width()
            metrics = QFontMetrics(strip.font())
            for bar in bars:
                assert metrics.horizontalAdvance(bar_value(bar)) <= room, (language, bar)
    finally:
        use_language(before)


def test_in_german_on_a_small_screen_the_live_bars_keep_their_length_clear_of_the_figures(
    qtbot,
) -> None:
    """At 1024×600 in German the live list's bars were a few pixels long and ran under
    "0:01 von 1:30": the figures' column was measured on an hour with two passes."""
    from circlekeeper.i18n import active_language, use_language
    from circlekeeper.ui.fairness_strip import SHORTEST_BAR

    before = active_language()
    try:
        use_language("de")
        strip = FairnessStrip()
        bars = [ShareBar("Анна Смирнова", 0.0, 1, 90.0), ShareBar("Tomasz Wiśniewski", 1, 0, 90)]
        strip.set_bars(bars, 0.0)
        qtbot.addWidget(strip)
        strip.resize(390, 200)  # the live list's width at 1024×600
        label_w, bar_x, bar_w = strip.columns()
        value_x, _room = strip.value_column()
        assert bar_w >= SHORTEST_BAR
        assert bar_x + bar_w < value_x, "the bar ends before its figures begin"
        assert label_w > 0
    finally:
        use_language(before)


def test_on_a_small_screen_names_take_the_room_they_need_before_the_bars(qtbot) -> None:
    """At 1024×600 the live list is about 390 pixels wide; names had a third of it whatever
    their length: "Ελένη Παπαδοπούλου" read "Ελένη Παπαδοπού…" beside bars of 90 pixels,
    "Oluwaseun Adeyemi-Okafor" "Oluwaseun Adey…". A name takes the room it needs while the
    bars keep :data:`SHORTEST_BAR`; short names leave the bars their room."""
    from circlekeeper.ui.fairness_strip import SHORTEST_BAR

    strip = FairnessStrip()
    qtbot.addWidget(strip)
    names = ["Amal Haddad", "Ελένη Παπαδοπούλου", "Oluwaseun Adeyemi-Okafor"]
    strip.set_bars([ShareBar(n, 4.0, 0, 90.0) for n in names], 0.0)
    strip.resize(390, 200)
    label_w, _bar_x, bar_w = strip.columns()
    metrics = QFontMetrics(strip.font())
    assert all(metrics.horizontalAdvance(n) <= label_w for n in names), label_w
    assert bar_w >= SHORTEST_BAR
    strip.set_bars([ShareBar(n, 4.0, 0, 90.0) for n in ("Jo", "Wen")], 0.0)
    short_label, _bar_x, longer_bars = strip.columns()
    assert short_label < label_w and longer_bars > bar_w, "short names leave the bars room"


def test_at_1366x768_a_long_name_reads_whole_beside_the_live_bars(qtbot) -> None:
    """The live list is about 470 pixels wide at 1366×768: "Konstantinopoulou-Vanderbilt"
    read "Konstantinopoulou-Vande…" with at most 180 pixels while its bar had 170."""
    strip = FairnessStrip()
    qtbot.addWidget(strip)
    names = ["Konstantinopoulou-Vanderbilt", "Ελένη Παπαδοπούλου-Νικολάου", "Oluwaseun Bello"]
    strip.set_bars([ShareBar(n, 4.0, 0, 90.0) for n in names], 0.0)
    strip.resize(470, 300)
    label_w, _bar_x, _bar_w = strip.columns()
    metrics = QFontMetrics(strip.font())
    assert all(metrics.horizontalAdvance(n) <= label_w for n in names), label_w


def test_in_arabic_a_name_starting_with_a_sign_keeps_its_own_direction(
    qtbot, english_afterwards
) -> None:
    """The strip drew "<b>Jonas</b> & Co" as "b>Jonas</b> & Co<" in the Arabic window: the
    name is isolated (after it is elided, so its ellipsis stays at its end)."""
    from circlekeeper.i18n import use_language
    from circlekeeper.ui.bidi_text import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE

    use_language("ar")
    strip = FairnessStrip()
    qtbot.addWidget(strip)
    shown = strip.shown_name("<b>Jonas</b> & Co", 400)
    assert shown == f"{FIRST_STRONG_ISOLATE}<b>Jonas</b> & Co{POP_DIRECTIONAL_ISOLATE}"
    cut = strip.shown_name("Maria Fernanda de los Santos Oyelaran-Whitfield", 80)
    assert cut.endswith(f"…{POP_DIRECTIONAL_ISOLATE}")
