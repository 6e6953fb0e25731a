"""The period report's figure tables: a long label never runs into the figure beside it."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from circlekeeper.reports.figure_rows import FigureRows
from circlekeeper.reports.fonts import fonts

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


def test_a_label_too_long_for_its_room_wraps_at_a_space_and_its_figures_stay_on_line_one() -> None:
    font_set = fonts()
    rows = [
        ["", "Dieser Zeitraum", "Vorher"],
        [GERMAN, "1.234,5 Std.", "0,1 Std."],
        ["Kurz", "1", "2"],
    ]
    table = FigureRows(rows, [150.0, 100.0, 60.0], font_set, size=9)
    label = table.lines[1][0]
    assert len(label) >= 2, "too long for one line of its column"
    assert " ".join(label) == GERMAN and not any("…" in line for line in label)
    for line in label:
        assert stringWidth(line, font_set.regular, 9) <= table.widths[0] - 8
    assert table.lines[1][1:] == [["1.234,5 Std."], ["0,1 Std."]], "figures never wrap"
    assert table.heights[1] == table.heights[2] + (len(label) - 1) * table.leading
    assert table.height == sum(table.heights) + 2


def test_a_single_word_wider_than_its_column_is_cut_with_an_ellipsis() -> None:
    from circlekeeper.reports.figure_rows import label_lines

    font = fonts().regular
    lines = label_lines("Donaudampfschifffahrtsgesellschaft tagt", font, 9, 80.0)
    assert lines[0].endswith("…") and lines[0].startswith("Donau") and lines[1] == "tagt"
    assert stringWidth(lines[0], font, 9) <= 80.0
