"""The prompt library stays pure Python: the CLI and the store can use it without Qt."""

from __future__ import annotations

import subprocess
import sys


def test_prompts_package_imports_no_qt_and_no_sqlalchemy() -> None:
    code = (
        "import sys, circlekeeper.prompts, circlekeeper.prompts.memory\n"
        "circlekeeper.prompts.load_shipped_decks()\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'sqlalchemy'})\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
