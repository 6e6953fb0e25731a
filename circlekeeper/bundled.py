"""Finds what ships in ``resources/`` whether the app runs from a checkout or a wheel.

In a wheel the folder is the package ``circlekeeper.resources``; in a plain checkout (tests,
``PYTHONPATH=.``) it is the ``resources/`` folder beside the package.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

_CHECKOUT_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_root() -> Traversable:
    if _CHECKOUT_RESOURCES.is_dir():
        return _CHECKOUT_RESOURCES
    return resources.files("circlekeeper.resources")


def resource(*parts: str) -> Traversable:
    """A shipped file or folder, e.g. ``resource("fonts", "DejaVuSans.ttf")``."""
    node = resource_root()
    for part in parts:
        node = node / part
    return node


def resource_file(*parts: str) -> Path:
    """A shipped file as a real path (fonts and sounds need one); wheels are installed
    unzipped, so the traversable is a path on disk."""
    node = resource(*parts)
    return Path(str(node))
