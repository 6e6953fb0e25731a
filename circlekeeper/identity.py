"""Who the app is to the desktop: one name, one id and one summary for every place that shows them.

The window title, the About dialog, the desktop entry, the AppStream metainfo and the
installers all read these, so a facilitator sees the same CircleKeeper everywhere (and a
desktop can match a running window to its menu entry by ``APP_ID``).
"""

from __future__ import annotations

from circlekeeper import __version__
from circlekeeper.i18n import N_

APP_NAME = "CircleKeeper"
APP_ID = "org.circlekeeper.CircleKeeper"
"""Reverse-DNS id: the desktop file's name, the icon's name and the AppStream component id."""

SUMMARY = N_("A fair speaking-turn timer for peer-support circles")
"""In English for the desktop files; the About dialog shows it translated (``_(SUMMARY)``)."""
LICENSE = "MIT"
VERSION = __version__
