"""The quick answer to PySide6's per-module question is the answer PySide6 itself gives."""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401  # loads shibokensupport.feature

import circlekeeper.session.engine
import circlekeeper.ui.main_window
from circlekeeper.ui.feature_scan import UPSTREAM_CHECK, install_quick_feature_scan


def test_every_loaded_module_gets_the_answer_pyside6_would_give() -> None:
    install_quick_feature_scan()
    assert not install_quick_feature_scan(), "installed once"
    quick = getattr(sys.modules["shibokensupport.feature"], UPSTREAM_CHECK)
    upstream = quick.upstream
    assert quick(circlekeeper.ui.main_window) is True
    assert quick(circlekeeper.session.engine) is False
    modules = [m for m in list(sys.modules.values()) if getattr(m, "__file__", None)]
    assert len(modules) > 100
    differ = [m.__name__ for m in modules if quick(m) != upstream(m)]
    assert differ == []
