"""Renders the README's screenshots from the real app on a throw-away database.

``python -m tests.ui.screenshots docs/screenshots`` — run it on the real display the README
shows (``DISPLAY=:N QT_QPA_PLATFORM=xcb`` on a 1366×768 Xvfb with openbox and a 32 px panel, as
``tests/display`` starts one), so every window has the size it gets on a laptop: the setup
dialog (seating order, roles, the one-step fix when minimum turns outgrow a round), the live
screen in each phase with the whole circle's clock, the passers' second chance, the presenter
view and the summary, with a fake clock so every picture is reproducible. The PNGs are then
reduced to 256 colours (``pngquant``) to keep the repository small.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CIRCLEKEEPER_MUTE", "1")


def main(target: Path) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from circlekeeper.app import build_app
    from circlekeeper.prompts.drawer import PromptMode
    from circlekeeper.ui.catalog import CircleDetail, Member
    from circlekeeper.ui.main_window import WindowOptions
    from circlekeeper.ui.screen_fit import fit_to_screen
    from circlekeeper.ui.setup.setup_dialog import SetupDialog, default_plan
    from circlekeeper.ui.theme import apply_theme
    from tests.ui.conftest import AutoSetup, TestClock

    target.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    apply_theme(app)  # type: ignore[arg-type]
    clock = TestClock()

    def snap(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        app.processEvents()
        widget.grab().save(str(target / f"{name}.png"))
        print(target / f"{name}.png")

    class ShotSetup(SetupDialog):
        def exec(self) -> int:
            # the dialog's own default size, fitted to the screen it opens on
            self.show()
            snap(self, "setup")
            # Minimum turns that outgrow a round: the warning and its one-step fixes, undone.
            sharing = next(
                row
                for row in range(self.plan.table.rowCount())
                if self.plan.round_at(row).kind.value == "sharing"
            )
            before = self.plan.length(sharing).seconds()
            self.plan.length(sharing).set_seconds(4 * 60)
            app.processEvents()
            snap(self, "setup-budget")
            self.plan.length(sharing).set_seconds(before)
            check_in = self.plan.cell(0)
            if check_in is not None:  # one prompt for each person, then back to one for all
                check_in.set_mode(PromptMode.PER_PERSON)
                check_in.people.draw()
                snap(self, "setup-per-person")
                check_in.set_mode(PromptMode.SHARED)
            return AutoSetup.exec(self)  # type: ignore[arg-type]

    with tempfile.TemporaryDirectory() as folder:
        options = WindowOptions(
            clock_factory=lambda: clock,
            wall=clock.wall,
            setup_dialog=ShotSetup,
            muted=True,
            ask=lambda parent, title, question: True,
        )
        parts = build_app(str(Path(folder) / "shots.sqlite3"), options)
        window = parts.window
        fit_to_screen(window, 1366, 768)  # the laptop's screen less its panel and frame
        window.show()
        snap(window, "welcome")
        members = (
            Member(-1, "Amal", "she/her"),
            Member(-2, "Jonas", ""),
            Member(-3, "نور", "she/her"),
            Member(-4, "山田 花子", "they/them"),
            Member(-5, "נועה", ""),
        )
        window.save_circle(
            CircleDetail(
                None,
                "Tuesday evening circle",
                "Peer support for carers",
                agreements=(
                    "Everyone may pass, and come back later.",
                    "What is said here stays here.",
                    "We speak from our own experience.",
                ),
                default_plan=default_plan(),
                members=members,
            )
        )
        snap(window, "circle")
        window.start_circle()
        live = window.live_view
        assert live is not None
        window.activateWindow()  # offscreen windows are not activated by themselves
        app.processEvents()
        live.setFocus()
        QTest.keyClick(live, Qt.Key.Key_N)
        QTest.keyClick(live, Qt.Key.Key_N)
        clock.advance(30)
        QTest.keyClick(live, Qt.Key.Key_N)
        QTest.keyClick(live, Qt.Key.Key_P)
        clock.advance(25)
        window.controller.tick()
        snap(window, "live-normal")
        clock.advance(50)
        window.controller.tick()
        snap(window, "live-nearing-end")
        clock.advance(30)
        window.controller.tick()
        snap(window, "live-over-time")
        window.toggle_presenter()
        presenter = window.presenter
        presenter.resize(1280, 720)
        presenter.show()
        snap(presenter, "presenter")
        presenter.close()
        for seconds in (70, 40):
            QTest.keyClick(live, Qt.Key.Key_N)
            clock.advance(seconds)
        QTest.keyClick(live, Qt.Key.Key_N)  # the round's queue is empty: passers get a chance
        window.controller.tick()
        if live.passers_bar.isVisible():
            snap(window, "live-passers")
        live.end_circle()
        window.summary_view.shareable.setPlainText(
            "A warm circle. We welcomed نور and practised passing without apology."
        )
        snap(window, "summary")
        window.summary_view.closed.emit(window.summary_view.shareable.toPlainText())
        window.open_demo()
        window.show_page(window.options.extra_pages["&History"])
        history = window.pages.currentWidget()
        deadline = time.monotonic() + 10
        while history.model.rowCount() < 9 and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        history.table.selectRow(1)
        deadline = time.monotonic() + 10
        while (
            history.detail_stack.currentWidget() is history.detail_placeholder
            and time.monotonic() < deadline
        ):
            app.processEvents()
            time.sleep(0.02)
        snap(window, "history")
        QTimer.singleShot(0, app.quit)
        window.close()
        parts.data.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
