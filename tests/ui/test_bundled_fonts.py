"""Names in every script the PDF prints show on screen too, from the bundled fonts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QTextLayout
from PySide6.QtWidgets import QLabel

from circlekeeper.ui.bundled_fonts import register_bundled_fonts

NAMES = {
    "ᏣᎳᎩ": "Noto Sans Cherokee",
    "𞤀𞤣𞤤𞤢𞤥": "Noto Sans Adlam",
    "ᱥᱟᱱᱛᱟᱲᱤ": "Noto Sans Ol Chiki",
    "ꕙꔤ": "Noto Sans Vai",
    "王小明": "Droid Sans Fallback",
    "🌈": "Noto Emoji",
}


def glyph_runs(text: str, font: QFont) -> list[tuple[str, list[int]]]:
    """(font family, glyph numbers) of each run Qt lays ``text`` out in; glyph 0 is a box."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine().setLineWidth(2000)
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def system_draws(text: str) -> bool:
    """Whether a font installed on this machine (not ours) has every character of ``text``."""
    from PySide6.QtGui import QFontDatabase, QRawFont

    bundled = set(register_bundled_fonts())
    for family in QFontDatabase.families():
        if family in bundled:
            continue
        raw = QRawFont.fromFont(QFont(family))
        if (
            raw.isValid()
            and raw.familyName() == family
            and all(raw.supportsCharacter(ord(ch)) for ch in text)
        ):
            return True
    return False


def rendered(label: QLabel) -> QImage:
    image = QImage(label.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    label.render(image)
    return image


def test_the_app_registers_the_bundled_fonts_with_qt(real_app) -> None:
    from PySide6.QtGui import QFontDatabase

    real_app()
    families = set(QFontDatabase.families())
    assert set(NAMES.values()) <= families
    assert register_bundled_fonts() == register_bundled_fonts()  # once per process


@pytest.mark.parametrize("name", list(NAMES))
def test_a_name_in_each_script_is_drawn_with_a_bundled_font(qtbot, name: str) -> None:
    register_bundled_fonts()
    label = QLabel(f"{name} Wilma")
    qtbot.addWidget(label)
    runs = glyph_runs(name, label.font())
    assert runs, "Qt laid nothing out"
    for family, glyphs in runs:
        assert glyphs and 0 not in glyphs, f"{name} shows boxes in {family}"
    if not system_draws(name):  # this machine has no font of its own for the script
        assert {family for family, _ in runs} == {NAMES[name]}


def test_cherokee_letters_are_three_different_glyphs_not_three_boxes(qtbot) -> None:
    """Rendered as a person sees it: boxes (tofu) would all look alike; letters do not."""
    register_bundled_fonts()
    images = []
    for letter in "ᏣᎳᎩ":
        label = QLabel(letter)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.resize(80, 60)
        font = label.font()
        font.setPointSize(28)
        label.setFont(font)
        qtbot.addWidget(label)
        images.append(rendered(label))
    tofu = QLabel("\u0378")  # an unassigned code point: every font draws its box
    tofu.setAlignment(Qt.AlignmentFlag.AlignCenter)
    tofu.resize(80, 60)
    tofu.setFont(label.font())
    qtbot.addWidget(tofu)
    box = rendered(tofu)
    assert images[0] != images[1] != images[2] != images[0]
    assert all(image != box for image in images)
    blank = QLabel("")
    blank.resize(80, 60)
    qtbot.addWidget(blank)
    assert all(image != rendered(blank) for image in images), "nothing drawn at all"


FIRST_PAGE_THEN_FONTS = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from circlekeeper.ui.bundled_fonts import register_bundled_fonts
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.setup.circle_page import CirclePage
names = ["נועה לוי", "Alex Kim", "Борис Петров", "山田 花子", "Zeynep Yılmaz", "Sam Rivera",
         "𞤀𞤣𞤢𞤥𞤢 Diallo", "ᏣᎳᎩ Sequoyah", "ᱥᱟᱱᱛᱟᱲᱤ Murmu"]
detail = CircleDetail(1, "Tuesday", members=tuple(
    Member(i, n, "they/them") for i, n in enumerate(names, 1)))
page = CirclePage()
page.resize(900, 600)
page.show_circle(detail)  # the first page, before the data (and the bundled fonts) open
page.show()
for _ in range(5):
    app.processEvents()
register_bundled_fonts()  # the data opens
page.show_circle(detail)  # and the catalog shows the same circle again
for _ in range(5):
    app.processEvents()
label = page.people
print(json.dumps({"height": label.height(), "needs": label.heightForWidth(label.width())}))
"""


def test_a_line_shown_before_the_fonts_opened_wraps_with_them(tmp_path) -> None:
    """In some starts the window painted the circle page before the data (and these fonts)
    opened: its People line kept the line breaks measured without them and ran past the
    right edge. Registering the fonts makes shown text measure itself again."""
    import json
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAGE_THEN_FONTS],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["height"] >= shown["needs"], shown


FIRST_PAINT_FONTS = """
import json, sys
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from circlekeeper.app import first_page
from circlekeeper.ui.bundled_fonts import register_fonts_for
before = set(QFontDatabase.families())
register_fonts_for(repr(first_page(sys.argv[1])))  # what run_gui does before the window
print(json.dumps({
    "added": sorted(set(QFontDatabase.families()) - before),
    "reports": sorted(m for m in sys.modules if m.startswith("circlekeeper.reports")),
}))
"""


def _fonts_before_the_window(tmp_path, circle: str, member: str) -> dict[str, list[str]]:
    import json
    import os
    import subprocess
    import sys

    from circlekeeper.store import CircleRecord, open_store

    db = tmp_path / f"{len(circle)}.sqlite3"
    with open_store(db) as store:
        circle_id = store.circles.save(CircleRecord(None, circle))
        store.people.add(member, circle_ids=[circle_id])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_FONTS, str(db)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_first_page_with_emoji_and_chinese_has_their_fonts_before_the_first_paint(
    tmp_path,
) -> None:
    """The first page is painted from the first look at the file, before the data (and all the
    bundled fonts) open: "🌈 火曜日" and 李小龍 showed as boxes until then."""
    shown = _fonts_before_the_window(tmp_path, "🌈 火曜日", "李小龍")
    assert "Noto Emoji" in shown["added"] and "Droid Sans Fallback" in shown["added"], shown
    assert len(shown["added"]) == 2, "only the fonts the page needs: start-up stays quick"


def test_a_first_page_in_latin_hebrew_and_arabic_adds_no_font_and_reads_no_index(
    tmp_path,
) -> None:
    shown = _fonts_before_the_window(tmp_path, "Tuesday Борис", "נועה ليلى")
    assert shown == {"added": [], "reports": []}
