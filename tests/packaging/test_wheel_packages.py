"""Every package of the source tree ships in the wheel (and so in the .deb and the tarball).

``[tool.setuptools] packages`` lists them by hand. ``circlekeeper.ui.restore`` was left out:
a checkout (an editable install) had it, every built copy did not, and the installed app,
once its data had opened, stopped on ``ModuleNotFoundError`` before it offered to resume a
circle a crash had cut off (and *Restore from backup…* failed). This runs in a moment,
without building anything; ``test_linux_installers.py`` checks the built packages.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _listed() -> set[str]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        config = tomllib.load(handle)
    return set(config["tool"]["setuptools"]["packages"])


def _in_the_tree() -> set[str]:
    source = ROOT / "circlekeeper"
    return {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in source.rglob("__init__.py")
        if "__pycache__" not in init.parts
    }


def test_every_package_of_the_tree_is_listed_for_the_wheel() -> None:
    missing = _in_the_tree() - _listed()
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"


def test_every_listed_package_exists() -> None:
    tree = _in_the_tree() | {"circlekeeper.resources"}  # resources/, mapped by package-dir
    assert _listed() <= tree, sorted(_listed() - tree)
