"""Lists of names keep the UI's left-to-right flow even when the first name is Hebrew or Arabic."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontMetricsF, QTextLayout
from PySide6.QtWidgets import QApplication

from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.setup.circle_page import CirclePage


def _ink_columns(label) -> list[int]:
    image = label.grab().toImage()
    background = QColor(image.pixel(image.width() - 1, image.height() - 1)).lightness()
    return [
        x
        for x in range(image.width())
        if any(
            abs(QColor(image.pixel(x, y)).lightness() - background) > 60
            for y in range(image.height())
        )
    ]


def test_a_people_list_starting_with_a_hebrew_name_reads_left_to_right(qtbot) -> None:
    page = CirclePage()
    qtbot.addWidget(page)
    page.resize(900, 500)
    members = (Member(1, "דוד כהן", "הוא"), Member(2, "נועה לוי", "she/her"), Member(3, "Tom"))
    page.show_circle(CircleDetail(1, "Tuesday", members=members))
    page.show()
    QApplication.processEvents()
    ink = _ink_columns(page.people)
    assert ink, "the names are drawn"
    assert min(ink) < 10, "the list starts at the left edge, as every other line does"
    assert max(ink) < page.people.width() / 2, "and is not pushed to the right"


ADLAM = "\U0001e900\U0001e923\U0001e922\U0001e925\U0001e922"  # 𞤀𞤣𞤢𞤥𞤢


def test_each_name_in_the_people_line_is_its_own_left_to_right_isolate(qtbot) -> None:
    """A name that starts in Adlam and goes on in Latin keeps its words in the line's order
    (as the printed summary sets them), and no comma or next name joins it."""
    from circlekeeper.ui.bidi_text import (
        LEFT_TO_RIGHT_ISOLATE as LRI,
    )
    from circlekeeper.ui.bidi_text import (
        POP_DIRECTIONAL_ISOLATE as PDI,
    )
    from circlekeeper.ui.bidi_text import (
        plain,
    )

    page = CirclePage()
    qtbot.addWidget(page)
    members = (Member(1, f"{ADLAM} Diallo", "he/him"), Member(2, "Ana Lima"), Member(3, "نور"))
    page.show_circle(CircleDetail(1, "Tuesday", members=members))
    text = page.people.text()
    assert f"{LRI}{ADLAM} Diallo{PDI} (he/him), {LRI}Ana Lima{PDI}, and {LRI}نور{PDI}" in text
    assert plain(text) == f"{ADLAM} Diallo (he/him), Ana Lima, and نور"


def test_an_adlam_name_then_latin_is_drawn_in_reading_order(qtbot) -> None:
    """On screen: the Adlam word left of "Diallo", as typed in a left-to-right line (a
    first-strong isolate drew "Diallo" first)."""
    from circlekeeper.ui.bundled_fonts import register_bundled_fonts

    register_bundled_fonts()
    page = CirclePage()
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show_circle(CircleDetail(1, "Tuesday", members=(Member(1, f"{ADLAM} Diallo"),)))
    page.show()
    QApplication.processEvents()
    label = page.people
    assert _ink_columns(label), "the name is drawn"
    layout = QTextLayout(label.text(), label.font())
    layout.beginLayout()
    layout.createLine().setLineWidth(2000)
    layout.endLayout()
    adlam_x: list[float] = []
    latin_d_x: list[float] = []
    for run in layout.glyphRuns():
        font = run.rawFont()
        xs = [point.x() for point in run.positions()]
        if font.familyName() == "Noto Sans Adlam":
            adlam_x += xs
        d_glyph = font.glyphIndexesForString("D")[0]
        latin_d_x += [x for x, g in zip(xs, run.glyphIndexes(), strict=True) if g == d_glyph]
    assert adlam_x, "the Adlam word is drawn with the bundled Adlam font"
    assert latin_d_x, "and Diallo's D is drawn"
    assert min(latin_d_x) > max(adlam_x), "Diallo comes after the Adlam word, left to right"


def test_in_arabic_a_latin_name_that_starts_with_a_sign_keeps_the_sign_in_front(
    english_afterwards,
) -> None:
    """In the Arabic window "<b>Jonas</b> & Co 🎉 (they/them)" read "b>Jonas</b> & Co 🎉
    (they/them)<" in *Start a circle* and the queue: its first "<", which has no direction of
    its own, took the window's and was thrown to the far end, mirrored."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextOption

    from circlekeeper.i18n import use_language
    from circlekeeper.ui.bidi_text import person_label

    use_language("ar")
    text = person_label("<b>Jonas</b> & Co 🎉", "they/them")
    layout = QTextLayout(text, QApplication.font())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(2000)
    layout.endLayout()
    # The "<" glyph ends where "b" begins: some cursor position sits one "<" left of "b".
    before_b = line.cursorToX(text.index("b"))[0]
    sign = QFontMetricsF(QApplication.font()).horizontalAdvance("<")
    edges = [line.cursorToX(i)[0] for i in range(len(text) + 1)]
    assert any(abs(x - (before_b - sign)) <= 1.5 for x in edges), (before_b, sign, edges)
    use_language("en")
    assert person_label("<b>Jonas</b>") == "<b>Jonas</b>", "a left-to-right window needs none"
