"""The command line entry points a facilitator or a packager touches first."""

from __future__ import annotations

import subprocess
import sys

from circlekeeper import __version__


def test_version_flag_prints_the_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "circlekeeper", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert __version__ in out.stdout
