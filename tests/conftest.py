"""Suite-wide settings: Qt draws offscreen, so the tests run on machines with no screen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CIRCLEKEEPER_MUTE", "1")
# Tests read English messages whatever the machine's language; tests of other languages ask
# for them explicitly (tests/i18n).
os.environ["CIRCLEKEEPER_LANG"] = "en"
