"""The user's configuration, data and cache folders, as ``platformdirs`` names them.

On Linux the answer is the XDG rule (``$XDG_CONFIG_HOME`` or ``~/.config``, ``$XDG_DATA_HOME``
or ``~/.local/share``, ``$XDG_CACHE_HOME`` or ``~/.cache``), worked out here without importing
``platformdirs``: it loads
``tempfile``, ``random`` and ``hashlib`` with it, a measurable part of showing the window,
which asks for the configuration folder before anything else (the saved language). Other
systems ask ``platformdirs``; a test holds both answers equal on Linux.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_FOLDER = "circlekeeper"
FOLLOWS_XDG = sys.platform.startswith("linux")
"""The XDG rule applies (a variable, so the type checker keeps both branches in view)."""

_XDG = {
    "config": ("XDG_CONFIG_HOME", "~/.config"),
    "data": ("XDG_DATA_HOME", "~/.local/share"),
    "cache": ("XDG_CACHE_HOME", "~/.cache"),
}


def user_config_folder() -> Path:
    """Where the app keeps small settings that must be read before the database opens."""
    return _folder("config")


def user_data_folder() -> Path:
    """Where the default database lives."""
    return _folder("data")


def user_cache_folder() -> Path:
    """Where the app keeps what it can work out again (the reports' font readings)."""
    return _folder("cache")


def _folder(kind: str) -> Path:
    if FOLLOWS_XDG:
        variable, fallback = _XDG[kind]
        base = os.environ.get(variable, "").strip() or os.path.expanduser(fallback)
        return Path(base) / APP_FOLDER
    import platformdirs

    found = {
        "config": platformdirs.user_config_dir,
        "data": platformdirs.user_data_dir,
        "cache": platformdirs.user_cache_dir,
    }[kind]
    return Path(found(APP_FOLDER))
