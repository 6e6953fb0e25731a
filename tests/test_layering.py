"""The session core must stay pure Python so it runs with a fake clock and from the CLI."""

from __future__ import annotations

import subprocess
import sys


def test_session_core_imports_no_qt_no_sqlalchemy_and_no_babel() -> None:
    code = (
        "import sys, circlekeeper.session, circlekeeper.session.order, "
        "circlekeeper.session.prompts, circlekeeper.session.summary, "
        "circlekeeper.session.interchange.session_file, circlekeeper.session.logcheck, "
        "circlekeeper.session.document\n"
        "heavy = {'PySide6', 'sqlalchemy', 'babel'}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in heavy)\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
