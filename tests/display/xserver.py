"""A real X display for the tests: Xvfb, a window manager (openbox) and a reserved panel.

Offscreen Qt cannot see a dialog taller than a laptop screen, a window manager placing windows,
or a window that takes the keyboard. These displays are what a facilitator's laptop has: a
screen of a given size, a desktop panel the window manager keeps free (``_NET_WORKAREA``),
and optionally a projector as a second screen.

The display number is chosen by Xvfb itself (``-displayfd``) unless
``CIRCLEKEEPER_TEST_DISPLAYS`` names a range such as ``20-29`` (for machines shared by several
test runs that each keep to their own numbers).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

TOOLS = ("Xvfb", "openbox", "xdotool", "xprop")
"""What the tier runs; Debian packages xvfb, openbox, xdotool, x11-utils (``.ci/run``)."""

PANEL = 32
"""Pixels a desktop panel keeps at the bottom of the facilitator's screen."""

OPENBOX_CONFIG = """<?xml version="1.0" encoding="UTF-8"?>
<openbox_config xmlns="http://openbox.org/3.4/rc">
  <margins><top>0</top><bottom>{panel}</bottom><left>0</left><right>0</right></margins>
  <focus><focusNew>yes</focusNew><followMouse>no</followMouse></focus>
  <placement><policy>Smart</policy><center>yes</center></placement>
  <desktops><number>1</number></desktops>
</openbox_config>
"""


@dataclass(frozen=True, slots=True)
class Layout:
    """Screens of one display: the facilitator's first, a projector second (if any)."""

    name: str
    screens: tuple[tuple[int, int], ...]
    panel: int = PANEL


LAPTOP = Layout("laptop 1366x768", ((1366, 768),))
SMALL = Layout("small 1024x600", ((1024, 600),))
PROJECTOR = Layout("laptop 1366x768 + projector 1920x1080", ((1366, 768), (1920, 1080)))


@dataclass
class RealDisplay:
    """A running display: pass :meth:`env` to processes that should draw on it."""

    number: int
    layout: Layout
    home: Path
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f":{self.number}"

    def env(self) -> dict[str, str]:
        """The environment of an app on this display: xcb, not offscreen, and a home of its
        own so settings and the documents folder start as on a fresh account."""
        env = dict(os.environ)
        env.update(
            DISPLAY=self.name,
            QT_QPA_PLATFORM="xcb",
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_DATA_HOME=str(self.home / ".local/share"),
            XDG_RUNTIME_DIR=str(self.home / "run"),
            CIRCLEKEEPER_MUTE="1",
        )
        env.pop("WAYLAND_DISPLAY", None)
        env.pop("XDG_DOCUMENTS_DIR", None)
        return env


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _display_range() -> list[int] | None:
    spec = os.environ.get("CIRCLEKEEPER_TEST_DISPLAYS", "")
    if "-" not in spec:
        return None
    first, last = (int(part) for part in spec.split("-", 1))
    return list(range(first, last + 1))


def start_xvfb(layout: Layout, log: Path) -> tuple[subprocess.Popen[bytes], int]:
    """Xvfb with ``layout``'s screens on a display of its own choosing (``-displayfd``), or
    on the first free one of ``CIRCLEKEEPER_TEST_DISPLAYS``; returns it ready for clients."""
    screens: list[str] = []
    for index, (width, height) in enumerate(layout.screens):
        screens += ["-screen", str(index), f"{width}x{height}x24"]
    base = ["Xvfb", "-nolisten", "tcp", "-noreset", *screens]
    chosen = _display_range()
    if chosen is None:
        read, write = os.pipe()
        process = subprocess.Popen(
            [*base, "-displayfd", str(write)],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=log.open("wb"),
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            process.kill()
            raise RuntimeError(f"Xvfb did not start: {log.read_text(errors='replace')}")
        return process, int(number)
    for number in chosen:
        if Path(f"/tmp/.X{number}-lock").exists():
            continue
        process = subprocess.Popen(
            [*base, f":{number}"], stdout=subprocess.DEVNULL, stderr=log.open("wb")
        )
        # Another test run may take the number between the lock check and the start: our
        # Xvfb then exits while the other's socket exists. The lock file names the server's
        # process, so only a display that is ours is used.
        if _wait(lambda n=number, p=process: _serves(n, p), 5):
            return process, number
        process.kill()
        process.wait()
    raise RuntimeError(f"no free display in CIRCLEKEEPER_TEST_DISPLAYS={chosen[0]}-{chosen[-1]}")


def _serves(number: int, process: subprocess.Popen[bytes]) -> bool:
    """Our Xvfb holds display ``number`` (its lock names our process) and takes clients."""
    lock = Path(f"/tmp/.X{number}-lock")
    with suppress(OSError, ValueError):
        return (
            process.poll() is None
            and int(lock.read_text().strip()) == process.pid
            and Path(f"/tmp/.X11-unix/X{number}").exists()
        )
    return False


def _wait(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _window_manager_ready(display: RealDisplay) -> bool:
    """Openbox has claimed the screen and published the work area without the panel."""
    answer = subprocess.run(
        ["xprop", "-root", "_NET_WORKAREA"],
        env=display.env(),
        capture_output=True,
        text=True,
        check=False,
    )
    if "=" not in answer.stdout:
        return False
    numbers = [int(n) for n in answer.stdout.split("=", 1)[1].split(",")]
    return numbers[3] == display.layout.screens[0][1] - display.layout.panel


@contextmanager
def real_display(layout: Layout) -> Iterator[RealDisplay]:
    """Xvfb with openbox managing the facilitator's screen; stopped (with both) on exit."""
    with tempfile.TemporaryDirectory(prefix="ck-display-") as folder:
        home = Path(folder)
        (home / "run").mkdir(mode=0o700)
        xvfb, number = start_xvfb(layout, home / "xvfb.log")
        display = RealDisplay(number, layout, home, [xvfb])
        try:
            config = home / "openbox.xml"
            config.write_text(OPENBOX_CONFIG.format(panel=layout.panel))
            display.processes.append(
                subprocess.Popen(
                    ["openbox", "--config-file", str(config)],
                    env=display.env(),
                    stdout=subprocess.DEVNULL,
                    stderr=(home / "openbox.log").open("wb"),
                )
            )
            if not _wait(lambda: _window_manager_ready(display), 10):
                raise RuntimeError("openbox did not manage the display within 10 s")
            yield display
        finally:
            for process in reversed(display.processes):
                process.terminate()
                with suppress(subprocess.TimeoutExpired):
                    process.wait(5)
                if process.poll() is None:
                    process.kill()
                    process.wait()
