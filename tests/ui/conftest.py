"""Shared pieces for UI tests: a fake clock with a wall clock that moves with it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from circlekeeper.app import AppParts, build_app
from circlekeeper.i18n import use_language
from circlekeeper.session import FakeClock, Participant, RoundPlan, TimePolicy
from circlekeeper.session import events as ev
from circlekeeper.session.model import RoundKind
from circlekeeper.ui.main_window import WindowOptions
from circlekeeper.ui.setup.setup_dialog import SetupDialog


class TestClock(FakeClock):
    """Monotonic and wall time advancing together, as on a laptop that does not sleep."""

    __test__ = False

    def __init__(self) -> None:
        super().__init__()
        self.origin = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
        self.start = self.now()

    def wall(self) -> datetime:
        return self.origin + timedelta(seconds=self.now() - self.start)


@dataclass
class MemoryJournal:
    entries: list[ev.Entry] = field(default_factory=list)
    beats: list[tuple[datetime, float]] = field(default_factory=list)
    fail: bool = False

    def append(self, entry: ev.Entry) -> None:
        if self.fail:
            raise OSError("disk full")
        self.entries.append(entry)

    def heartbeat(self, wall: datetime, elapsed: float) -> None:
        if self.fail:
            raise OSError("disk full")
        self.beats.append((wall, elapsed))


PEOPLE = [
    Participant("1", "Amal", "she/her"),
    Participant("2", "Jonas", ""),
    Participant("3", "山田 花子", "they/them"),
    Participant("4", "נועה", "she/her"),
]

PLAN = [
    RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), "What are you bringing today?"),
    RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(480, minimum=30)),
    RoundPlan(RoundKind.CHECK_OUT, TimePolicy.fixed(30), "One word to leave with"),
]


class AutoSetup(SetupDialog):
    """The real setup dialog, accepted as soon as it opens (as if the facilitator clicked)."""

    def exec(self) -> int:
        self.start_button.click()
        return 1


def app_options(clock: TestClock, setup_dialog: type[SetupDialog] = AutoSetup) -> WindowOptions:
    """The real window's options with a fake clock, a setup dialog that starts at once and
    every yes/no question answered yes."""
    return WindowOptions(
        clock_factory=lambda: clock,
        wall=clock.wall,
        setup_dialog=setup_dialog,
        muted=True,
        ask=lambda parent, title, question: True,
        exported=lambda parent, path: None,
    )


@pytest.fixture
def real_app(qtbot, tmp_path: Path, clock: TestClock) -> Iterator[Callable[..., AppParts]]:
    """Builds the real app on a SQLite file in ``tmp_path`` (as ``circlekeeper`` does) and
    closes it after the test."""
    built: list[AppParts] = []

    def build(setup_dialog: type[SetupDialog] = AutoSetup) -> AppParts:
        parts = build_app(str(tmp_path / "circle.sqlite3"), app_options(clock, setup_dialog))
        built.append(parts)
        qtbot.addWidget(parts.window)
        parts.window.show()
        qtbot.waitExposed(parts.window)
        return parts

    yield build
    for parts in built:
        parts.window.close()
        parts.data.close()


@pytest.fixture
def english_afterwards(qapp: QApplication) -> Iterator[QApplication]:
    """Switching language changes the whole process; later tests expect English, LTR, and
    Qt's own words untranslated ("Shift", not a leftover "Mayúsculas" in shortcut tooltips).
    """
    yield qapp
    use_language("en")
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale("en"))
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def clock() -> TestClock:
    return TestClock()


@pytest.fixture
def journal() -> MemoryJournal:
    return MemoryJournal()


def when_dialog_opens(dialog_type: type, act: Callable[[object], None]) -> None:
    """Act on the next modal dialog of ``dialog_type`` as soon as it is on screen (a modal
    ``exec()`` blocks the test until the person in ``act`` closes it)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def act_when_shown() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, dialog_type):
            QTimer.singleShot(10, act_when_shown)
            return
        try:
            act(dialog)
        finally:  # a failed assertion must not leave a modal dialog waiting forever
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, act_when_shown)
