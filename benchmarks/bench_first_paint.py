"""Start-up counted in CPU instructions: the app's first paint against a bare window and two
plain-PySide6 floors, each a whole process under ``valgrind --tool=callgrind``.

``python -m benchmarks startup`` times start-up on the wall clock and in CPU time, which a
machine shared with other work disturbs by tens of percent; counted instructions are the same
from one run to the next (within a fraction of a percent), so a change of a few milliseconds
shows. Each program runs once untimed first (it writes its bytecode, as an installed app has
it), then under callgrind until it reports its paint, then stops at once:

- the bare ``QMainWindow`` of the start-up benchmark;
- the bare window showing one word (a ``QLabel``): what drawing any text at all costs
  (fontconfig reads its configuration and the font list, one font is opened and shaped);
- the bare window showing one line, the demo circle's people (a ``QLabel``): their names in
  Latin, Cyrillic, Hebrew and Arabic, so fontconfig's fallback fonts are found and opened;
- the first screen painted, not built: one widget under the bare window draws the screen's
  texts with ``QPainter`` (menu titles, the circle list's four names and its buttons, the
  circle page's title, buttons, headings and wrapped sections, in the app's font and sizes);
  no layouts, no labels, no style sheets. The floor of a first page *drawn* by the app and
  replaced by its widgets just after (tried in the first-paint round: see
  ``docs/ARCHITECTURE.md``);
- the first screen's content as plain PySide6: the circle list's four names and the circle
  page's labels with the demo's names (several scripts, so fontconfig's fallback fonts and
  HarfBuzz's shaping are in it), no logic, no data;
- the same screen as the app draws it: Fusion, the app's 10-point font and style sheets, the
  window's widget tree (menu titles, status bar, stacked pages), the page's sections in a
  scroll area below its buttons, the page's labels selectable (each lays its text out as a
  text document) and the texts exactly as printed, isolates and all; still no CircleKeeper
  module, no data, no translations, palette, icon or saved place;
- ``circlekeeper --smoke-test`` up to ``MainWindow.content_painted`` on the demo's four circles
  and 200 sessions (as the start-up benchmark).

Needs valgrind (Debian package ``valgrind``); takes a few minutes.
"""

from __future__ import annotations

import inspect
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_startup import BARE_WINDOW, DEMO_SESSIONS
from circlekeeper.app import seconds_since_process_start

CONTENT = """
import os
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QApplication, QMainWindow, QListWidget, QLabel, QPushButton,
    QSplitter, QVBoxLayout, QWidget, QHBoxLayout)
class Window(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, report)
app = QApplication([])
window = Window()
window.resize(1200, 780)
side = QWidget(); sl = QVBoxLayout(side); sl.addWidget(QLabel("Circles"))
names = QListWidget()
for name in NAMES:
    names.addItem(name)
names.setCurrentRow(0)
sl.addWidget(names)
buttons = QHBoxLayout(); buttons.addWidget(QPushButton("New circle…"))
buttons.addWidget(QPushButton("Archive")); sl.addLayout(buttons)
page = QWidget(); pl = QVBoxLayout(page)
pl.addWidget(QLabel(TEXTS["title"])); pl.addWidget(QLabel(TEXTS["description"]))
pl.addWidget(QPushButton("Start a circle…")); pl.addWidget(QPushButton("Edit circle…"))
for heading in HEADINGS:
    pl.addWidget(QLabel(heading))
    label = QLabel(TEXTS[heading]); label.setWordWrap(True); pl.addWidget(label)
pl.addStretch(1)
splitter = QSplitter(); splitter.addWidget(side); splitter.addWidget(page)
window.setCentralWidget(splitter)
for title in ("&Circle", "&View", "&Go", "&Help"):
    window.menuBar().addMenu(title)
window.show()
def report():
    print("painted", flush=True)
    os._exit(0)
app.exec()
"""

AS_THE_APP_DRAWS_IT = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QApplication, QMainWindow, QListWidget, QListWidgetItem, QLabel,
    QPushButton, QScrollArea, QSplitter, QStackedWidget, QVBoxLayout, QWidget, QHBoxLayout)
class Window(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, report)
app = QApplication([sys.argv[0], "-style", "Fusion"])
font = app.font()
if font.pointSizeF() < 10:
    font.setPointSizeF(10)
    app.setFont(font)
app.setStyleSheet(APP_STYLE)
window = Window()
window.setWindowTitle("CircleKeeper")
window.resize(1200, 780)
side = QWidget(); sl = QVBoxLayout(side)
heading = QLabel("Circles"); heading.setObjectName("sectionTitle"); sl.addWidget(heading)
names = QListWidget(); names.setWordWrap(True)
for name in NAMES:
    item = QListWidgetItem(name); item.setToolTip(name + "\\n12 people · 50 sessions")
    names.addItem(item)
sl.addWidget(names, 1)
buttons = QHBoxLayout(); buttons.addWidget(QPushButton("New circle…"))
buttons.addWidget(QPushButton("Archive")); sl.addLayout(buttons)
pages = QStackedWidget()
splitter = QSplitter(); splitter.addWidget(side); splitter.addWidget(pages)
splitter.setStretchFactor(1, 1); splitter.setSizes([260, 940])
window.setCentralWidget(splitter)
for title in ("&Circle", "&View", "&Go", "&Help"):
    window.menuBar().addMenu(title)
window.statusBar()
page = QWidget(); pl = QVBoxLayout(page)
labels = {}
for key in TEXTS:
    label = QLabel(); label.setWordWrap(True)
    label.setProperty("textFormat", 0); label.setProperty("textInteractionFlags", 1)
    labels[key] = label
labels["title"].setObjectName("circleTitle")
start = QPushButton("Start a circle…"); start.setObjectName("startButton")
pl.addWidget(labels["title"]); pl.addWidget(labels["description"]); pl.addWidget(start)
pl.addWidget(QPushButton("Edit circle…"))
sections = QVBoxLayout(); sections.setContentsMargins(0, 0, 0, 0)
for heading in HEADINGS:
    title = QLabel(heading); title.setObjectName("sectionTitle")
    sections.addWidget(title); sections.addWidget(labels[heading])
sections.addStretch(1)
body = QWidget(); body.setLayout(sections)
area = QScrollArea(); area.setWidget(body); area.setWidgetResizable(True)
area.setProperty("frameShape", 0); area.setProperty("focusPolicy", 0)
pl.addWidget(area, 1)
page.setStyleSheet(PAGE_STYLE)
pages.addWidget(page)
for key, text in TEXTS.items():
    labels[key].setText(text)
names.setCurrentRow(0)
pages.setCurrentWidget(page)
window.show()
def report():
    print("painted", flush=True)
    os._exit(0)
app.exec()
"""

PAINTED = """
import os, sys
from PySide6.QtCore import QRect, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
# Qt's flag values spelled out: touching the Qt namespace builds all its enums (about 50 ms).
LEFT, CENTRE, MIDDLE, WRAP = 0x1, 0x4, 0x80, 0x1000
class Screen(QWidget):
    def paintEvent(self, event):
        p = QPainter(self)
        base = self.font(); bold = self.font(); bold.setBold(True)
        line = self.fontMetrics().height() + 4
        for i, title in enumerate(("Circle", "View", "Go", "Help")):
            p.drawText(QRect(8 + 60 * i, 0, 60, line), LEFT | MIDDLE, title)
        y = line + 8
        p.setFont(bold); p.drawText(QRect(10, y, 240, line), LEFT, "Circles"); p.setFont(base)
        p.drawRect(10, y + line, 240, 560)
        for i, name in enumerate(NAMES):
            p.drawText(QRect(14, y + line + 4 + line * i, 230, line), LEFT | WRAP, name)
        for i, text in enumerate(("New circle…", "Archive")):
            p.drawRoundedRect(10 + 122 * i, y + 580, 116, 30, 3, 3)
            p.drawText(QRect(10 + 122 * i, y + 580, 116, 30), CENTRE | MIDDLE, text)
        x, width = 270, self.width() - 280
        title = self.font(); title.setPixelSize(26); title.setBold(True)
        p.setFont(title); p.drawText(QRect(x, y, width, 40), LEFT | WRAP, TEXTS["title"])
        p.setFont(base); p.drawText(QRect(x, y + 44, width, 40), LEFT | WRAP, TEXTS["description"])
        start = self.font(); start.setPixelSize(18)
        p.drawRoundedRect(x, y + 80, width, 46, 3, 3)
        p.setFont(start)
        p.drawText(QRect(x, y + 80, width, 46), CENTRE | MIDDLE, "Start a circle…")
        p.setFont(base)
        p.drawRoundedRect(x, y + 132, width, 30, 3, 3)
        p.drawText(QRect(x, y + 132, width, 30), CENTRE | MIDDLE, "Edit circle…")
        y += 175
        for heading in HEADINGS:
            p.setFont(bold); p.drawText(QRect(x, y, width, line), LEFT, heading); p.setFont(base)
            area = QRect(x, y + line, width, 1000)
            used = p.boundingRect(area, LEFT | WRAP, TEXTS[heading])
            p.drawText(area, LEFT | WRAP, TEXTS[heading])
            y += line + used.height() + 10
        p.end()
class Window(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, report)
app = QApplication([sys.argv[0], "-style", "Fusion"])
font = app.font()
if font.pointSizeF() < 10:
    font.setPointSizeF(10)
    app.setFont(font)
window = Window()
window.setWindowTitle("CircleKeeper")
window.resize(1200, 780)
window.setCentralWidget(Screen())
window.show()
def report():
    if len(sys.argv) > 1:  # a test looks at what it drew
        window.grab().save(sys.argv[1])
    print("painted", flush=True)
    os._exit(0)
app.exec()
"""

APP_UNTIL_PAINTED = """
import os, sys
import circlekeeper.app as app

def report():
    print("painted", flush=True)
    os._exit(0)

app.seconds_since_process_start = report
app.UNPAINTED_WINDOW_WAIT_MS = 10**9  # under valgrind the paint is slow: the data waits for it
from circlekeeper.cli import main
main(["--db", sys.argv[1], "--smoke-test"])
"""

FIRST_SCREEN = {
    "NAMES": [
        "Grief Circle (demo)",
        "New in Town (demo)",
        "Parents Together (demo)",
        "Tuesday Evening Circle (demo)",
    ],
    "HEADINGS": ["People", "Group agreements", "Default round plan", "Meets"],
    "TEXTS": {
        # As the circle page prints them: typed text in its own direction (first-strong
        # isolates), each line started left to right in an English window.
        "title": "\u200e\u2068Grief Circle\u2069 (demo)",
        "description": "\u200e\u2068Time and space to speak about loss, at your own pace.\u2069",
        "People": (
            "\u200e\u2066דוד כהן\u2069 (\u2068הוא\u2069), \u2066Олена Шевченко\u2069 (вона),"
            " \u2066عمر خليل\u2069 (he/him), \u2066Jonas Becker\u2069 (he/him),"
            " \u2066Анна Смирнова\u2069 (she/her), \u2066Aoife Ní Bhriain\u2069 (she/her),"
            " \u2066يوسف الحسيني\u2069 (\u2068هو\u2069), \u2066Sam Rivera\u2069 (they/them),"
            " \u2066Chloé Martin\u2069 (she/her), \u2066Alex Kim\u2069 (they/them),"
            " and \u2066נועה לוי\u2069 (she/her)"
        ),
        "Group agreements": (
            "\u200e1. \u2068Listen to understand, not to reply.\u2069\n"
            "\u200e2. \u2068No advice unless someone asks for it.\u2069\n"
            "\u200e3. \u2068Speak from your own experience (“I”, not “you”).\u2069"
        ),
        "Default round plan": (
            "Check-in — fixed, 0:45 each\nSharing — open, no time limit\n"
            "Check-out — fixed, 0:45 each"
        ),
        "Meets": "Every week, on the weekday of the circle's first session",
    },
    "PAGE_STYLE": (
        "#circleTitle { font-size: 26px; font-weight: 600; }"
        "#sectionTitle { font-weight: 600; margin-top: 10px; }"
        "#startButton { font-size: 18px; padding: 10px; }"
    ),
}
"""What the demo database's first page shows and the circle page's style sheet (the app's own,
pasted in: the floors must not import CircleKeeper)."""


def _with_screen(program: str) -> str:
    from circlekeeper.ui.theme import STYLE_SHEET

    values = {**FIRST_SCREEN, "APP_STYLE": STYLE_SHEET}
    return "".join(f"{name} = {value!r}\n" for name, value in values.items()) + program


def _showing(bare: str, text: str) -> str:
    """The bare window with ``text`` as its only content (one ``QLabel``)."""
    return bare.replace(
        "window.show()",
        "from PySide6.QtWidgets import QLabel\n"
        f"window.setCentralWidget(QLabel({text!r}))\nwindow.show()",
    )


def _instructions(name: str, command: list[str], env: dict[str, str], folder: Path) -> int:
    """Instructions the whole process ran until it reported its paint (after a warm-up run)."""
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
    out = folder / f"{name}.callgrind"
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if "painted" not in run.stdout:
        raise SystemExit(f"{name} did not report its paint:\n{run.stderr[-2000:]}")
    totals = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.MULTILINE)
    assert totals is not None, "callgrind wrote its totals"
    return int(totals.group(1))


def floors() -> dict[str, str]:
    """The plain-PySide6 programs the app is weighed against, by label (each prints
    ``painted`` once its window has been painted, then stops at once)."""
    clock = inspect.getsource(seconds_since_process_start)
    # Stopped the moment it reports, as the others: Python's and Qt's teardown are not start-up.
    bare = (
        BARE_WINDOW.replace("{clock}", clock)
        .replace('print(f"{seconds_since_process_start() * 1000:.0f}", flush=True)', "")
        .replace("    app.quit()", '    print("painted", flush=True)\n    os._exit(0)')
    )
    assert "os._exit(0)" in bare, "the bare window's report is where this expects it"
    texts = FIRST_SCREEN["TEXTS"]
    assert isinstance(texts, dict)
    return {
        "bare QMainWindow": bare,
        "the same showing one word": _showing(bare, "Circles"),
        "the same showing the people's names": _showing(bare, texts["People"]),
        "the screen painted by one widget": _with_screen(PAINTED),
        "the content in plain PySide6": _with_screen(CONTENT),
        "the same, as the app draws it": _with_screen(AS_THE_APP_DRAWS_IT),
    }


def main() -> None:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian package valgrind): nothing counted")
        return
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CIRCLEKEEPER_MUTE": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        db = str(folder / "bench.sqlite3")
        circlekeeper = [sys.executable, "-m", "circlekeeper"]
        subprocess.run(
            [*circlekeeper, "--db", db, "demo", "--sessions", str(DEMO_SESSIONS)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        # Makes the day's backup and migrates nothing more: not start-up.
        subprocess.run(
            [*circlekeeper, "--db", db, "--smoke-test"],
            env=env,
            check=True,
            capture_output=True,
        )
        programs = {label: [sys.executable, "-c", source] for label, source in floors().items()}
        programs["circlekeeper"] = [sys.executable, "-c", APP_UNTIL_PAINTED, db]
        counted = {label: _instructions(label, cmd, env, folder) for label, cmd in programs.items()}
    base = counted["bare QMainWindow"]
    floor = counted["the same, as the app draws it"]
    for label, count in counted.items():
        print(
            f"{label}: {count / 1e6:.0f} M instructions to the first paint with content,"
            f" {count / base:.2f}x the bare window, {count / floor:.2f}x the app's screen"
            " in plain PySide6"
        )
    print("goal (issue #16): circlekeeper within 1.15x the bare window")


if __name__ == "__main__":
    main()
