"""Runs an installed CircleKeeper the way a facilitator's machine would: nothing of ours around.

Each command gets an empty environment (``env -i`` style: only ``HOME``, ``PATH`` with the
system folders, a UTF-8 locale and the display), a scratch working folder, and no virtual
environment, ``PYTHONPATH`` or checkout on any path, so whatever it finds it found inside the
installed bundle.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.display.xserver import LAPTOP, start_xvfb

SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


@dataclass(slots=True)
class InstalledApp:
    command: str
    """The path a facilitator would run (``/usr/bin/circlekeeper``, ``~/.local/bin/…``)."""
    home: Path
    display: str

    def env(self) -> dict[str, str]:
        return {
            "HOME": str(self.home),
            "PATH": SYSTEM_PATH,
            "LANG": "C.UTF-8",
            "DISPLAY": self.display,
            "CIRCLEKEEPER_MUTE": "1",
        }

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.command, *args],
            capture_output=True,
            text=True,
            env=self.env(),
            cwd=self.home,
            timeout=timeout,
            check=False,
        )


@contextmanager
def x_display() -> Iterator[str]:
    """A real X server (Xvfb, 1366x768) on a display no one else uses.

    Xvfb picks a free number itself (``-displayfd``), or the first free one of
    ``CIRCLEKEEPER_TEST_DISPLAYS`` (e.g. ``180-189``) when several test runs share a machine,
    as the display tier does (:mod:`tests.display.xserver`). A fixed range clashed there: two
    runs took the same numbers, and one's app drew on the other's screen.
    """
    if shutil.which("Xvfb") is None:
        raise RuntimeError("Xvfb is not installed (Debian package xvfb)")
    with tempfile.TemporaryDirectory(prefix="ck-installed-display-") as folder:
        server, number = start_xvfb(LAPTOP, Path(folder) / "xvfb.log")
        try:
            yield f":{number}"
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
