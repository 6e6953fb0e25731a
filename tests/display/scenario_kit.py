"""What every scenario of the real-display driver shares: the registry, the app as started,
the language it speaks, and the little hands that fill in fields and find menu commands.

Kept apart from ``driver.py`` (which runs as ``__main__``) so scenario modules can import it
without importing the driver a second time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from tests.display.probe import Prober, spin, spin_until

Scenario = Callable[[Prober, Path], None]
SCENARIOS: dict[str, Scenario] = {}

PASSPHRASE = "a long enough passphrase 42"


def scenario(function: Scenario) -> Scenario:
    SCENARIOS[function.__name__] = function
    return function


def speak(code: str) -> None:
    """The app in ``code`` (``de``, ``ar``…) as ``--lang`` starts it: our words and Qt's."""
    from circlekeeper.i18n import use_language
    from circlekeeper.ui.qt_language import apply_language

    app = QApplication.instance()
    use_language(code)
    apply_language(app, code)  # type: ignore[arg-type]


def build(workdir: Path, **overrides: Any):  # type: ignore[no-untyped-def]
    """The app as ``circlekeeper`` starts it: themed, placed, shown, then the data opened."""
    from circlekeeper.app import build_app, default_options
    from circlekeeper.ui.theme import apply_theme
    from circlekeeper.ui.window_place import restore_place

    app = QApplication.instance()
    apply_theme(app)  # type: ignore[arg-type]
    options = default_options()
    for key, value in overrides.items():
        setattr(options, key, value)
    parts = build_app(str(workdir / "circle.sqlite3"), options)
    restore_place(parts.window, parts.window.splitter)
    parts.window.show()
    spin_until(lambda: parts.window.windowHandle().isExposed())
    spin(0.4)
    return parts


def with_circle(workdir: Path, people: Sequence[str | tuple[str, str]], **overrides: Any):  # type: ignore[no-untyped-def]  # AppParts: imported lazily, as build's
    """The app as :func:`build` starts it, answering the start dialog itself, with one circle,
    "Tuesday", of ``people`` (names, or (name, pronouns)) on the default plan, ready to start."""
    from circlekeeper.ui.catalog import CircleDetail, Member
    from circlekeeper.ui.setup.setup_dialog import default_plan
    from tests.ui.conftest import AutoSetup

    parts = build(workdir, setup_dialog=AutoSetup, **overrides)
    members = tuple(
        Member(-i, *((person,) if isinstance(person, str) else person))
        for i, person in enumerate(people, 1)
    )
    parts.window.save_circle(
        CircleDetail(None, "Tuesday", default_plan=default_plan(), members=members)
    )
    return parts


def set_fields(*texts: str) -> Callable[[QWidget], None]:
    """Fills the window's visible line edits in order (names, passphrases)."""

    def prepare(window: QWidget) -> None:
        fields = [f for f in window.findChildren(QLineEdit) if f.isVisible() and f.isEnabled()]
        for field, text in zip(fields, texts, strict=False):
            field.setText(text)

    return prepare


def choose_first(window: QWidget) -> None:
    """*Someone leaves* opens on nobody, its OK greyed: the first person is chosen."""
    from PySide6.QtWidgets import QComboBox

    for combo in window.findChildren(QComboBox):
        if combo.isVisible() and combo.currentIndex() < 0 and combo.count():
            combo.setCurrentIndex(0)


def action(window: QWidget, text: str):  # type: ignore[no-untyped-def]
    """A menu command of the window, found by its text as a person finds it."""
    from PySide6.QtGui import QAction

    found = [a for a in window.findChildren(QAction) if a.text() == text]
    assert found, f"no menu command {text!r}"
    return found[0]


def screenshot(name: str) -> None:
    """The whole screen as a PNG in ``CK_SHOTS_DIR``, when asked (for a person to look at)."""
    import os
    import subprocess

    folder = os.environ.get("CK_SHOTS_DIR")
    if folder:
        spin(0.3)
        target = Path(folder) / f"{name}.png"
        subprocess.run(["import", "-window", "root", str(target)], check=False)
