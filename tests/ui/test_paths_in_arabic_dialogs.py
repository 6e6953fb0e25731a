"""Arabic error dialogs that quote a path show it whole and in order, as Qt lays it out.

Before, "/home/user/…/not-a-folder" in an Arabic sentence lost its first slash to the far end
of the path and took the sentence's brackets with it; the order checked here is the one Qt's
own text layout draws (its glyphs' x positions), in the message box's font and direction.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QGuiApplication, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from circlekeeper.i18n import use_language
from circlekeeper.i18n.isolates import LEFT_TO_RIGHT_ISOLATE as LRI
from circlekeeper.i18n.isolates import POP_DIRECTIONAL_ISOLATE as PDI
from circlekeeper.i18n.translation import Sentence
from circlekeeper.store import open_store
from circlekeeper.store.errors import DatabaseCorrupted
from circlekeeper.ui.export_dialog import ExportDialog
from circlekeeper.ui.plain_clipboard import install_plain_clipboard
from circlekeeper.ui.qt_language import apply_language

ARABIC_SAVED = Sentence("حُفظ الملخص في {path}.")


@pytest.fixture
def arabic(english_afterwards: QApplication) -> QApplication:
    use_language("ar")
    apply_language(english_afterwards, "ar")
    return english_afterwards


def drawn_left_to_right(label: QLabel) -> list[int]:
    """The indexes of ``label``'s characters in the order Qt draws them, left to right, on
    one line, in the label's font and direction."""
    text = label.text()
    layout = QTextLayout(text, label.font())
    option = QTextOption()
    option.setTextDirection(label.layoutDirection())
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()
    flags = QTextLayout.GlyphRunRetrievalFlag
    wanted = flags.RetrieveGlyphPositions | flags.RetrieveStringIndexes
    x_of: dict[int, float] = {}
    for run in layout.glyphRuns(-1, -1, wanted):
        for index, position in zip(run.stringIndexes(), run.positions(), strict=True):
            x_of.setdefault(index, position.x())
    drawn = [index for index in x_of if unicodedata.category(text[index]) != "Cf"]
    return sorted(drawn, key=lambda index: x_of[index])  # (controls draw nothing)


def assert_whole_and_in_order(label: QLabel, path: str) -> None:
    """The path's characters drawn side by side, first to last, nothing of the sentence among
    them; the sentence's last character drawn at the far left (it reads right to left)."""
    text = label.text()
    start = text.index(path)
    inside = range(start, start + len(path))
    order = drawn_left_to_right(label)
    drawn = [index for index in order if index in inside]
    assert drawn == sorted(drawn), "the path is drawn out of its order"
    first, last = order.index(drawn[0]), order.index(drawn[-1])
    assert all(index in inside for index in order[first : last + 1]), (
        "words of the sentence are drawn inside the path: "
        + repr("".join(text[index] for index in order[first : last + 1]))
    )
    assert "".join(text[index] for index in drawn) == path.replace("fi", "f")  # (ligature)


def message_box(parent, title: str, text: str) -> QMessageBox:
    """What ``QMessageBox.warning`` shows, left open for the test to read."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.show()
    return box


def test_an_unwritable_export_folder_is_named_whole_in_arabic(qtbot, arabic, tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    shown: list[QMessageBox] = []
    dialog = ExportDialog(
        None,
        path=blocker / "summary.pdf",
        warn=lambda parent, title, text: shown.append(message_box(parent, title, text)),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert shown, "the export was not refused"
    box = shown[-1]
    qtbot.addWidget(box)
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert box.isRightToLeft() and label.isRightToLeft()
    assert f"{LRI}{blocker}{PDI}" in label.text()
    assert_whole_and_in_order(label, str(blocker))


def test_a_damaged_database_at_start_up_is_named_whole_in_arabic(qtbot, arabic, tmp_path) -> None:
    """The message the window shows when its database cannot be opened (``app.open_data``)."""
    db = tmp_path / "circles" / "circlekeeper.sqlite3"
    db.parent.mkdir()
    db.write_bytes(b"My shopping list: apples, pears\n" * 100)
    with pytest.raises(DatabaseCorrupted) as caught:
        open_store(db)
    seen: list[str] = []
    problems: list[BaseException] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return  # not shown yet: the timer asks again
        timer.stop()
        try:
            label = box.findChild(QLabel, "qt_msgbox_label")
            assert label.isRightToLeft()
            assert_whole_and_in_order(label, str(db))
            seen.append(label.text())
        except BaseException as problem:  # said after the box closes, never left open
            problems.append(problem)
        finally:
            box.close()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(read_and_close)
    timer.start()
    QMessageBox.critical(None, "CircleKeeper", str(caught.value))
    if problems:
        raise problems[0]
    assert seen and f"{LRI}{db}{PDI}" in seen[0]


def test_a_path_copied_from_an_arabic_message_is_the_path(qtbot, arabic, tmp_path) -> None:
    """A copy of a message (Ctrl+C on a box, a selected label) pasted in a terminal or a file
    dialog: the path must be the path, not "⁦/tmp/…⁩"."""
    install_plain_clipboard()
    path = tmp_path / "نور" / "summary.pdf"
    box = message_box(None, "CircleKeeper", ARABIC_SAVED.format(path=path))
    qtbot.addWidget(box)
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert LRI in label.text()
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(label.text())  # what QMessageBox's and QLabel's copy put there
    assert clipboard.text() == f"حُفظ الملخص في {path}."
    assert Path(clipboard.text().removeprefix("حُفظ الملخص في ").removesuffix(".")) == path
    mime = QMimeData()
    mime.setHtml(f"<b>{label.text()}</b>")
    clipboard.setMimeData(mime)
    assert LRI not in clipboard.mimeData().html() and str(path) in clipboard.mimeData().html()


def test_an_english_dialog_is_unchanged(qtbot, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    warned: list[str] = []
    dialog = ExportDialog(
        None, path=blocker / "summary.pdf", warn=lambda _p, _t, text: warned.append(text)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert str(blocker) in warned[-1] and LRI not in warned[-1]
