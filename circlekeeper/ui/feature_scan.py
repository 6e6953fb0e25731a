"""PySide6's check of every module imported after it, answered from the file's bytes.

PySide6's ``__feature__`` support (PYSIDE-2029) asks of each module imported once PySide6 is
loaded whether its source mentions "PySide6", so that modules using Qt can switch features
such as ``snake_case``. It asks through ``inspect.getsource``, which finds the module's file,
checks the line cache and splits the source into lines, for every module: a few hundred
modules load when the data opens (SQLAlchemy, the store, the history), and the first page
imports dozens. Reading the file's bytes and looking for the same word gives the same answer
for a fraction of the cost. Anything other than a readable ``.py`` file is still asked the
upstream way, and a PySide6 without this internal hook is left as it is.
"""

from __future__ import annotations

import sys
from types import ModuleType

UPSTREAM_CHECK = "_mod_uses_pyside"
"""The function of ``shibokensupport.feature`` that PySide6 calls for each imported module."""


def install_quick_feature_scan() -> bool:
    """Replace PySide6's per-module source check by a file read; ``True`` when replaced."""
    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, UPSTREAM_CHECK, None)
    if feature is None or upstream is None or getattr(upstream, "quick", False):
        return False

    def uses_pyside(module: ModuleType) -> bool:
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and file.endswith(".py"):
            try:
                with open(file, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(upstream(module))

    uses_pyside.quick = True  # type: ignore[attr-defined]  # marks it as installed
    uses_pyside.upstream = upstream  # type: ignore[attr-defined]  # for the test comparing them
    setattr(feature, UPSTREAM_CHECK, uses_pyside)
    return True
