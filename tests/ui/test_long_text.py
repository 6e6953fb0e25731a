"""Names and texts of any length, in any script, never make a window wider than the screen.

A facilitator may paste a link as an agreement or a newcomer may type a name without spaces;
the windows must stay usable (the full text stays in the record, the editor and tooltips).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QWidget

from circlekeeper.session.model import Participant
from circlekeeper.ui.bidi_text import (
    BREAK_AFTER,
    NAME_ON_SCREEN,
    SOFT_HYPHEN,
    ZERO_WIDTH_SPACE,
    breakable,
    display_name,
    person_label,
    plain,
)
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.setup.setup_dialog import CircleBrief, SetupDialog, default_plan

LONG = "Λ" * 10_000
SCREEN = 1400


def test_long_runs_get_invisible_break_points_and_nothing_else_changes() -> None:
    assert breakable("Amal, Jonas and نور") == "Amal, Jonas and نور"
    assert breakable("Vanderbilt Ekaterina") == "Vanderbilt Ekaterina"  # words that fit
    broken = breakable("山" * 60)
    assert broken.count(ZERO_WIDTH_SPACE) == 2
    assert max(len(part) for part in broken.split(ZERO_WIDTH_SPACE)) == BREAK_AFTER
    assert plain(broken) == "山" * 60
    hyphenable = breakable("Konstantinopoulou")
    assert hyphenable.startswith("Ko" + SOFT_HYPHEN) and hyphenable.endswith(SOFT_HYPHEN + "ou")
    assert plain(hyphenable) == "Konstantinopoulou"


def _printed_lines(text: str, width: int) -> list[str]:
    """The lines Qt lays ``text`` out in, in a label ``width`` pixels wide."""
    layout = QTextLayout(text, QApplication.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def test_a_long_name_wraps_between_words_or_at_a_hyphen_never_mid_word(qtbot) -> None:
    name = "Vanderbilt-Konstantinopoulou Wolfeschlegelsteinhausenbergerdorff"
    width = QFontMetrics(QApplication.font()).horizontalAdvance("Konstantinop")
    lines = _printed_lines(breakable(name), width)
    assert len(lines) > 2
    for line in lines[:-1]:
        assert line.endswith((" ", "-", SOFT_HYPHEN)), lines  # a space, a hyphen, or a "-" shown
    assert plain("".join(lines)) == name


def test_names_are_kept_to_a_screen_length_with_an_ellipsis() -> None:
    shown = plain(display_name(LONG))
    assert len(shown) == NAME_ON_SCREEN and shown.endswith("…")
    assert plain(display_name("山田 花子")) == "山田 花子"
    assert plain(person_label("نور", "she/her")) == "نور (she/her)"


def _widest(root: QWidget) -> int:
    return max(w.minimumSizeHint().width() for w in [root, *root.findChildren(QWidget)])


def test_live_circle_presenter_and_summary_stay_on_screen_with_a_huge_name(qtbot, real_app) -> None:
    window = real_app().window
    window.resize(1280, 800)
    window.show()
    members = (Member(-1, LONG, LONG[:60]), Member(-2, "Jonas", ""))
    window.save_circle(
        CircleDetail(
            None, LONG, LONG, agreements=(LONG,), default_plan=default_plan(), members=members
        )
    )
    QApplication.processEvents()
    assert window.width() <= SCREEN, "circle page"
    window.start_circle()
    live = window.live_view
    window.activateWindow()
    live.setFocus()
    qtbot.keyClick(live, Qt.Key.Key_N)
    qtbot.keyClick(live, Qt.Key.Key_N)
    QApplication.processEvents()
    assert window.width() <= SCREEN, "live circle"
    assert live.speaker_label.text().startswith("ΛΛΛ")
    window.toggle_presenter()
    presenter = window.presenter
    presenter.resize(1280, 720)
    QApplication.processEvents()
    assert presenter.width() <= SCREEN and _widest(presenter) <= SCREEN, "presenter"
    presenter.close()
    live.end_circle()
    QApplication.processEvents()
    assert window.width() <= SCREEN, "summary"


def test_setup_dialog_stays_on_screen_with_huge_names_and_agreements(qtbot) -> None:
    brief = CircleBrief(
        LONG,
        (Participant("1", LONG, LONG), Participant("2", "Jo", "")),
        (LONG,),
        default_plan(),
        (LONG,),
    )
    dialog = SetupDialog(brief, seed=1)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert dialog.width() <= SCREEN
    assert _widest(dialog) <= SCREEN
