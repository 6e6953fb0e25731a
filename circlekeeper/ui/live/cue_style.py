"""How loudly each screen shows the phase of a turn: a setting the window reads at start-up.

Its own small module (no Qt) so the main window can know the setting without loading the
painted ring, which is only needed once a circle starts.
"""

from __future__ import annotations

from enum import StrEnum


class CueStyle(StrEnum):
    """How loudly a screen shows the phase of a turn."""

    FULL = "full"
    """Colour, shape and words (the default for the facilitator's screen)."""
    DISCREET = "discreet"
    """Words in small type and a thin accent, for a facilitator who wants less on screen."""
    NEUTRAL = "neutral"
    """No phase cues at all: the presenter screen in circles that prefer no visible pressure."""
