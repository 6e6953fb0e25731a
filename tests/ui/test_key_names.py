"""The keys printed on the live screen's buttons are named as keyboards in the facilitator's
language label them, as the keyboard help and the live screen's own sentences name them."""

from __future__ import annotations

import pytest

from circlekeeper.i18n import use_language
from circlekeeper.ui.key_names import key_text
from circlekeeper.ui.live.view import LiveView
from tests.ui.conftest import MemoryJournal, TestClock
from tests.ui.test_live_view import open_view


@pytest.mark.parametrize(
    ("language", "keys", "shown"),
    [
        ("en", "Ctrl+Shift+U", "Ctrl+Shift+U"),
        ("es", "Space", "Espacio"),
        ("es", "Ctrl+Shift+U", "Ctrl+Mayús+U"),
        ("fr", "Ctrl+Shift+F", "Ctrl+Maj+F"),
        ("de", "Ctrl+Z", "Strg+Z"),
        ("pt_BR", "Space", "Espaço"),
        ("ar", "Space", "المسافة"),
        ("es", "+", "+"),
        ("es", "F5", "F5"),
    ],
)
def test_key_names_in_each_language(
    english_afterwards, language: str, keys: str, shown: str
) -> None:
    use_language(language)
    assert key_text(keys) == shown


@pytest.fixture
def spanish_view(qtbot, clock: TestClock, journal: MemoryJournal, english_afterwards) -> LiveView:
    use_language("es")
    widget = open_view(qtbot, clock, journal)
    yield widget
    widget.controller.shutdown()


def test_a_spanish_live_screen_names_the_space_bar_in_spanish(spanish_view: LiveView) -> None:
    """It said "Pulsa N o Espacio para empezar" above a button reading "Empezar  [Space]"."""
    toggle = spanish_view.buttons["toggle"]
    assert toggle.text() == "Empezar  [Espacio]"
    texts = [button.text() for button in spanish_view.buttons.values()]
    assert not [text for text in texts if "Space" in text or "Shift" in text], texts
