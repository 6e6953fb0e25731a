"""Finds what ships in ``resources/`` whether the app runs from a checkout or a wheel.

In a wheel the folder is the package ``circlekeeper.resources``; in a plain checkout (tests,
``PYTHONPATH=.``) it is the ``resources/`` folder beside the package. Either is a folder on
disk (wheels are installed unzipped), found without ``importlib.resources``, whose import
costs the window's start-up several milliseconds; it is asked only for a package that is
not a folder (a zipped install).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT_RESOURCES = _PACKAGE.parent / "resources"
_INSTALLED_RESOURCES = _PACKAGE / "resources"


def resource_root() -> Traversable:
    for folder in (_INSTALLED_RESOURCES, _CHECKOUT_RESOURCES):
        if folder.is_dir():
            return folder
    from importlib import resources

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
