"""Runs an installed CircleKeeper the way a facilitator's machine would: nothing of ours around.

Each command gets an empty environment (``env -i`` style: only ``HOME``, ``PATH`` with the
system folders, a UTF-8 locale and the display), a scratch working folder, and no virtual
environment, ``PYTHONPATH`` or checkout on any path, so whatever it finds it found inside the
installed bundle.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
DISPLAYS = range(30, 35)
"""X display numbers these tests may take (the suite's range; the first free one is used)."""


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
    """A real X server (Xvfb, 1366x768) on the first free display of :data:`DISPLAYS`."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise RuntimeError("Xvfb is not installed (Debian package xvfb)")
    for number in DISPLAYS:
        if Path(f"/tmp/.X{number}-lock").exists():
            continue
        server = subprocess.Popen(
            [xvfb, f":{number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + 15
        while not socket.exists() and server.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        if server.poll() is not None or not socket.exists():
            server.kill()
            server.wait()
            continue
        try:
            yield f":{number}"
        finally:
            server.terminate()
            server.wait(timeout=10)
        return
    raise RuntimeError(f"no free X display in :{DISPLAYS.start}-:{DISPLAYS.stop - 1}")
