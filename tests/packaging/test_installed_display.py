"""The installed app's tests draw on a display of their own, never a fixed one.

``x_display`` used the first free number of :30-:34 on every machine; where several test runs
share one machine those numbers belong to someone (or two runs took the same one and one's app
drew on the other's screen). Now Xvfb chooses (``-displayfd``), or the range in
``CIRCLEKEEPER_TEST_DISPLAYS`` is kept to.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.installed_app import x_display

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")


def _answers(display: str) -> bool:
    """An X client reaches the display (``xdpyinfo`` or ``xprop``, whichever is installed)."""
    tool = shutil.which("xdpyinfo") or shutil.which("xprop")
    if tool is None:
        pytest.skip("no X client (xdpyinfo, xprop) to ask the display")
    args = [tool] if tool.endswith("xdpyinfo") else [tool, "-root", "_NET_SUPPORTED"]
    done = subprocess.run(args, env={**os.environ, "DISPLAY": display}, capture_output=True)
    return done.returncode == 0


def _ours(display: str) -> bool:
    """The display's lock names an Xvfb this process started (a child of ours)."""
    pid = int(Path(f"/tmp/.X{display[1:]}-lock").read_text().strip())
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[1]) == os.getpid()


def test_the_range_given_to_a_shared_machine_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    first = 600 + os.getpid() % 300  # far from anyone's usual numbers, and from :30-:34
    monkeypatch.setenv("CIRCLEKEEPER_TEST_DISPLAYS", f"{first}-{first + 9}")
    with x_display() as display:
        assert first <= int(display[1:]) <= first + 9, display
        assert _ours(display) and _answers(display)
    assert not Path(f"/tmp/.X{display[1:]}-lock").exists()  # stopped, number freed


def test_without_a_range_xvfb_chooses_a_free_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CIRCLEKEEPER_TEST_DISPLAYS", raising=False)
    with x_display() as one, x_display() as two:  # two at once never share a number
        assert one != two
        assert _answers(one) and _answers(two)
    for display in (one, two):  # each was the server we started: gone with it
        assert not Path(f"/tmp/.X11-unix/X{display[1:]}").exists()
