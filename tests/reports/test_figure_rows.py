"""The period report's figure tables: a long label never runs into the figure beside it."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from circlekeeper.reports.fonts import fonts
from circlekeeper.reports.period_flowables import FigureRows

GERMAN = "Stunden gegenseitiger Unterstützung (Dauer × Anwesende)"


def test_a_long_label_gets_room_and_the_figures_keep_theirs() -> None:
    font_set = fonts()
    rows = [
        ["", "Dieser Zeitraum", "Vorheriger Zeitraum", "Veränderung"],
        [GERMAN, "1,0", "0", "neu"],
    ]
    table = FigureRows(rows, [240.0, 120.0, 120.0, 80.0], font_set, size=9)
    label_room = table.widths[0] - 4
    assert stringWidth(GERMAN, font_set.regular, 9) <= label_room
    assert table.widths[0] > 240.0  # it took room the figures did not need
    assert abs(sum(table.widths) - 560.0) < 0.01  # the table keeps its width
    for column in (1, 2, 3):  # each figure and heading still fits its column
        for row in rows:
            font = font_set.bold if row is rows[0] else font_set.regular
            assert stringWidth(row[column], font, 9) + 4 <= table.widths[column]


def test_short_labels_leave_the_columns_as_given() -> None:
    table = FigureRows([["", "Now"], ["People", "3"]], [200.0, 100.0], fonts(), size=9)
    assert table.widths == [200.0, 100.0]


def test_a_label_too_long_for_any_room_is_cut_with_an_ellipsis_not_drawn_over_figures() -> None:
    from circlekeeper.reports.period_flowables import _elided

    font = fonts().regular
    shown = _elided(GERMAN, font, 9, 150.0)
    assert shown.endswith("…") and shown.startswith("Stunden")
    assert stringWidth(shown, font, 9) <= 150.0
