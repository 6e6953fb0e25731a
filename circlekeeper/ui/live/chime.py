"""A soft chime at phase changes, played with Qt Multimedia when it can load.

Sound is a nicety: a machine without audio libraries (or tests, with ``CIRCLEKEEPER_MUTE=1``)
simply stays silent, and the mute switch is always honoured.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:  # loaded on first use: it needs the PulseAudio client library
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)


class Chime(QObject):
    """Plays the bundled chime; loads Qt Multimedia lazily and only if sound is wanted."""

    def __init__(self, *, muted: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._muted = muted or os.environ.get("CIRCLEKEEPER_MUTE") == "1"
        self._effect: QSoundEffect | None = None
        self._unavailable = False
        self.played = 0
        """How many times the chime was asked to sound while not muted (for tests)."""

    @property
    def muted(self) -> bool:
        return self._muted

    def set_muted(self, muted: bool) -> None:
        self._muted = muted

    def play(self) -> None:
        if self._muted:
            return
        self.played += 1
        effect = self._load()
        if effect is not None:
            effect.play()

    def _load(self) -> QSoundEffect | None:
        if self._effect is not None or self._unavailable:
            return self._effect
        # Loaded on first use: QUrl's enums and importlib.resources would cost start-up time.
        from PySide6.QtCore import QUrl

        from circlekeeper.bundled import resource_file

        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as error:  # no PulseAudio client library, for instance
            log.info("Sound is unavailable, the chime stays silent: %s", error)
            self._unavailable = True
            return None
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(resource_file("sounds", "chime.wav"))))
        effect.setVolume(0.5)
        self._effect = effect
        return effect
