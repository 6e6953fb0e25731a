"""The real-display tier: the real app, in its own process, on Xvfb with a window manager.

The rest of the suite draws offscreen in this process; one process has one Qt platform, so the
app runs here as a child process with ``QT_QPA_PLATFORM=xcb`` (``tests/display/driver.py``)
and reports what it saw as JSON. With ``CI=true`` a missing display server fails the run; on a
developer machine without one these tests skip with a one-line reason.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.display.xserver import LAPTOP, PROJECTOR, SMALL, Layout, RealDisplay, missing_tools
from tests.display.xserver import real_display as start_display

ROOT = Path(__file__).resolve().parents[2]
SCENARIO_SECONDS = 120


def _require_tools() -> None:
    missing = missing_tools()
    if not missing:
        return
    reason = (
        f"real-display tier needs {', '.join(missing)} (Debian: xvfb openbox xdotool x11-utils)"
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def _display(layout: Layout) -> Iterator[RealDisplay]:
    _require_tools()
    with start_display(layout) as display:
        yield display


@pytest.fixture(scope="session")
def laptop() -> Iterator[RealDisplay]:
    """1366×768 with a 32 px panel: the commonest laptop screen."""
    yield from _display(LAPTOP)


@pytest.fixture(scope="session")
def small() -> Iterator[RealDisplay]:
    """1024×600 with a 32 px panel: a netbook or a laptop at 125 % scaling."""
    yield from _display(SMALL)


@pytest.fixture(scope="session")
def projector() -> Iterator[RealDisplay]:
    """The laptop's 1366×768 screen plus a 1920×1080 projector."""
    yield from _display(PROJECTOR)


@pytest.fixture(params=["laptop", "small"])
def screen(request: pytest.FixtureRequest) -> RealDisplay:
    """Each of the two single-screen sizes in turn."""
    return request.getfixturevalue(request.param)


def run_scenario(display: RealDisplay, name: str, tmp_path: Path, *args: str) -> dict[str, Any]:
    """Runs one scenario of the driver on ``display`` and returns its report."""
    report = tmp_path / f"{name}.json"
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tests.display.driver", name, str(report), str(tmp_path), *args],
            cwd=ROOT,
            env=display.env(),
            capture_output=True,
            text=True,
            timeout=SCENARIO_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as stuck:  # say which window it was waiting on
        said = stuck.stderr.decode(errors="replace") if isinstance(stuck.stderr, bytes) else ""
        (tmp_path / f"{name}.log").write_text(said)
        raise AssertionError(
            f"scenario {name} on {display.layout.name} still running after"
            f" {SCENARIO_SECONDS} s; its last steps:\n{said[-4000:]}"
        ) from None
    # What the probe said as it went (each window opened, pressed, closed), kept beside the
    # report: a passing run can be read back to see that every step took the window it meant.
    (tmp_path / f"{name}.log").write_text(done.stderr)
    if done.returncode != 0 or not report.exists():
        raise AssertionError(
            f"scenario {name} on {display.layout.name} failed ({done.returncode}):\n"
            f"{done.stdout[-3000:]}\n{done.stderr[-6000:]}"
        )
    return json.loads(report.read_text())
