"""The session core must stay pure Python so it runs with a fake clock and from the CLI."""

from __future__ import annotations

import subprocess
import sys


def test_session_core_imports_no_qt_no_sqlalchemy_and_no_babel() -> None:
    # Every module of the package, those added later included (session/live/ among them).
    code = (
        "import importlib, pkgutil, sys, circlekeeper.session as core\n"
        "for found in pkgutil.walk_packages(core.__path__, 'circlekeeper.session.'):\n"
        "    importlib.import_module(found.name)\n"
        "assert 'circlekeeper.session.live.reading' in sys.modules\n"
        "heavy = {'PySide6', 'shiboken6', 'sqlalchemy', 'babel'}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in heavy)\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
