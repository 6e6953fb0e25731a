"""The chime: silent when muted, and when it does sound, it is the bundled file."""

from __future__ import annotations

import pytest

from circlekeeper.ui.live.chime import Chime


def test_muted_chime_stays_silent_and_loads_nothing(qtbot, monkeypatch) -> None:
    monkeypatch.delenv("CIRCLEKEEPER_MUTE", raising=False)
    chime = Chime(muted=True)
    chime.play()
    assert chime.played == 0
    assert chime._effect is None


def test_unmuted_chime_plays_the_bundled_sound(qtbot, monkeypatch) -> None:
    monkeypatch.delenv("CIRCLEKEEPER_MUTE", raising=False)
    chime = Chime(muted=False)
    chime.play()
    assert chime.played == 1
    if chime._unavailable:
        pytest.skip("Qt Multimedia cannot load on this machine")
    source = chime._effect.source().toLocalFile()  # type: ignore[attr-defined]
    assert source.endswith("sounds/chime.wav")
    chime.set_muted(True)
    chime.play()
    assert chime.played == 1, "the mute switch is honoured at once"
