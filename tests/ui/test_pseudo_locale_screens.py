"""Every window and dialog in the pseudo-locale at 1366×768: no English left, no text cut off.

``qps`` turns every wrapped string into ``[Ŝåṽé ~~~]`` (accented, 35 % longer, bracketed), so
plain English on screen is a string nobody marked for translation and a ``~]`` that does not
fit is text a translation would lose. Each screen is opened the way a facilitator opens it
(menus, the circle's buttons, the live circle) and every offender is reported with its widget
class and object path (``tests/ui/pseudo_screens.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from circlekeeper.app import AppParts, build_app
from circlekeeper.i18n import PSEUDO_LANGUAGE, active_language, use_language
from circlekeeper.ui.about_dialog import version_details
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.settings_dialog import AppSettings, SettingsDialog
from circlekeeper.ui.setup.setup_dialog import SetupDialog, default_plan
from circlekeeper.ui.wrapping_button import WrappingButton
from tests.ui.conftest import AutoSetup, TestClock, app_options
from tests.ui.pseudo_screens import Offender, look_at_modal, offenders

WIDTH, HEIGHT = 1366, 768
CIRCLE = "[Ĉîŕçļé ~]"
PEOPLE = ("[Åñå ~]", "[Ɓö ~]", "[Çĥéñ ~]")
DATA = frozenset({CIRCLE, *PEOPLE})
"""What the facilitator typed: bracketed like pseudo text, so it is never taken for English."""

Screen = Callable[[AppParts, TestClock], list[Offender]]


def modal(name: str, open_it: Callable[[], object], data: frozenset[str] = DATA) -> list[Offender]:
    """Open a modal dialog, look at it for English and cut text, then close it."""
    return look_at_modal(lambda screen, dialog: offenders(screen, dialog, data), name, open_it)


def with_circle(parts: AppParts) -> None:
    window = parts.window
    window.save_circle(
        CircleDetail(
            None,
            CIRCLE,
            default_plan=default_plan(),
            members=tuple(Member(-n, name) for n, name in enumerate(PEOPLE, start=1)),
        )
    )


def live(parts: AppParts) -> None:
    with_circle(parts)
    window = parts.window
    window.start_circle()
    assert window.controller is not None
    window.controller.move_on()
    window.controller.move_on()


def welcome(parts: AppParts, clock: TestClock) -> list[Offender]:
    return offenders("main window (welcome)", parts.window, DATA)


def circle_page(parts: AppParts, clock: TestClock) -> list[Offender]:
    with_circle(parts)
    return offenders("main window (a circle)", parts.window, DATA, menus=False)


def history(parts: AppParts, clock: TestClock) -> list[Offender]:
    with_circle(parts)
    found: list[Offender] = []
    for title, page in parts.window.options.extra_pages.items():
        parts.window.show_page(page)
        QApplication.processEvents()
        # Each tab is opened as a person would: the history builds its views on first opening.
        for tabs in page.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
        found += offenders(f"page {title}", page, DATA)
    return found


def settings(parts: AppParts, clock: TestClock) -> list[Offender]:
    dialog = SettingsDialog(AppSettings(), parts.window, language="")
    dialog.show()
    try:
        return offenders("settings dialog", dialog, DATA)
    finally:
        dialog.close()


def circle_editor(parts: AppParts, clock: TestClock) -> list[Offender]:
    return modal("new circle dialog", parts.window.new_circle)


def setup_dialog(parts: AppParts, clock: TestClock) -> list[Offender]:
    with_circle(parts)
    parts.window.options.setup_dialog = SetupDialog
    return modal("start a circle dialog", parts.window.start_circle)


def archived(parts: AppParts, clock: TestClock) -> list[Offender]:
    return modal("archived circles dialog", parts.window.show_archived)


def prompt_library(parts: AppParts, clock: TestClock) -> list[Offender]:
    found = modal("prompt library", parts.window.open_prompt_library)
    # The prompts themselves are data (decks have no pseudo-locale): only the browser's words.
    return [o for o in found if "PromptPane" not in o.widget and "QListWidget" not in o.widget]


def shortcuts(parts: AppParts, clock: TestClock) -> list[Offender]:
    return modal("keyboard shortcuts", parts.window.menus.show_shortcuts)


def about(parts: AppParts, clock: TestClock) -> list[Offender]:
    # Product names and version numbers (Python 3.11.7, Qt 6.11.3, Linux … x86_64) read the
    # same in every language: the details a helper asks for are data, not words.
    details = frozenset(version_details().splitlines())
    return modal("about dialog", parts.window.menus.show_about, DATA | details)


def live_circle(parts: AppParts, clock: TestClock) -> list[Offender]:
    live(parts)
    clock.advance(20)
    QApplication.processEvents()
    return offenders("live circle", parts.window, DATA, menus=False)


def presenter(parts: AppParts, clock: TestClock) -> list[Offender]:
    live(parts)
    parts.window.toggle_presenter()
    screen = parts.window.presenter
    assert screen is not None
    screen.resize(WIDTH, HEIGHT)
    QApplication.processEvents()
    try:
        return offenders("presenter screen", screen, DATA)
    finally:
        screen.close()


def summary(parts: AppParts, clock: TestClock) -> list[Offender]:
    live(parts)
    clock.advance(30)
    view = parts.window.live_view
    assert view is not None
    view.end_circle()
    assert parts.window.summary_view is not None
    QApplication.processEvents()
    return offenders("circle summary", parts.window, DATA, menus=False)


SCREENS: dict[str, Screen] = {
    "welcome": welcome,
    "circle_page": circle_page,
    "history": history,
    "settings": settings,
    "circle_editor": circle_editor,
    "setup_dialog": setup_dialog,
    "archived": archived,
    "prompt_library": prompt_library,
    "shortcuts": shortcuts,
    "about": about,
    "live_circle": live_circle,
    "presenter": presenter,
    "summary": summary,
}


@pytest.fixture
def pseudo_app(qtbot, tmp_path: Path, clock: TestClock) -> Iterator[AppParts]:
    before = active_language()
    use_language(PSEUDO_LANGUAGE)
    options = app_options(clock, AutoSetup)
    parts = build_app(str(tmp_path / "pseudo.sqlite3"), options)
    qtbot.addWidget(parts.window)
    parts.window.resize(WIDTH, HEIGHT)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    try:
        yield parts
    finally:
        if parts.window.controller is not None:
            parts.window.controller.shutdown()
            parts.window.controller = None
        parts.window.close()
        parts.data.close()
        use_language(before)


@pytest.mark.parametrize("screen", list(SCREENS))
def test_no_english_and_no_clipped_text_in_the_pseudo_locale(
    screen: str, pseudo_app: AppParts, clock: TestClock
) -> None:
    found = SCREENS[screen](pseudo_app, clock)
    assert not found, f"{len(found)} offender(s):\n" + "\n".join(str(o) for o in found)


def test_the_check_catches_an_unwrapped_label_and_a_clipped_one(qtbot) -> None:
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    from circlekeeper.i18n.pseudo import pseudolocalize

    top = QWidget()
    qtbot.addWidget(top)
    layout = QVBoxLayout(top)
    plain = QLabel("Start the circle")
    plain.setObjectName("plain")
    cut = QLabel(pseudolocalize("A rather long sentence that will not fit"))
    cut.setObjectName("cut")
    cut.setFixedWidth(60)
    fine = QLabel(pseudolocalize("Fine"))
    wrapped = WrappingButton(pseudolocalize("Suggested: someone with a long name"))
    wrapped.setObjectName("wrapped")  # narrow, and as tall as its lines need: fine
    wrapped.setFixedWidth(120)
    squeezed = WrappingButton(pseudolocalize("Suggested: someone with a long name"))
    squeezed.setObjectName("squeezed")  # narrow and one line high: its words are cut
    squeezed.setFixedSize(120, squeezed.sizeHint().height())
    for widget in (plain, cut, fine, wrapped, squeezed):
        layout.addWidget(widget)
    top.show()
    found = offenders("sample", top)
    assert [(o.kind, o.widget.split("/")[-1]) for o in found] == [
        ("english", "plain:QLabel (text)"),
        ("clipped", "cut:QLabel"),
        ("clipped", "squeezed:WrappingButton"),
    ]
