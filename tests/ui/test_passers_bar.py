"""The buttons of *Anyone who passed may speak now* show names as people gave them."""

from __future__ import annotations

from circlekeeper.ui.live.passers_bar import PassersBar
from tests.ui.mnemonics import mnemonic


def test_a_name_with_an_ampersand_is_shown_whole_and_claims_no_alt_letter(qtbot) -> None:
    """ "Zoë & Co." read "Zoë _Co." on its button, and Alt+C gave that person a turn."""
    bar = PassersBar()
    qtbot.addWidget(bar)
    bar.resize(900, 80)
    bar.show_passers(["1", "2"], {"1": "Zoë & Co.", "2": "Amal"}.__getitem__)
    texts = [button.text() for button in bar.buttons()]
    assert [mnemonic(text) for text in texts] == [None, None]
    assert [text.replace("&&", "&") for text in texts] == ["Zoë & Co.  [1]", "Amal  [2]"]
