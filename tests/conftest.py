"""Suite-wide settings: Qt draws offscreen, so the tests run on machines with no screen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CIRCLEKEEPER_MUTE", "1")
