"""Real file systems for fault-path tests: a small tmpfs and a read-only bind mount.

Each is mounted for one test and unmounted after it; where the machine does not allow mounting
(no privileges, no tmpfs), the test is skipped with that reason.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, check=False)


@contextmanager
def mounted(kind: str, target: Path, *args: str) -> Iterator[Path]:
    if shutil.which("mount") is None:
        pytest.skip("this machine has no mount command, so no real file system can be made")
    target.mkdir(parents=True, exist_ok=True)
    done = _run("mount", *args, str(target))
    if done.returncode != 0:
        pytest.skip(f"cannot mount a {kind} here ({done.stderr.strip() or 'not permitted'})")
    try:
        yield target
    finally:
        _run("umount", str(target))


@contextmanager
def small_tmpfs(where: Path, size: str) -> Iterator[Path]:
    with mounted("tmpfs", where, "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs") as path:
        yield path


@contextmanager
def read_only_view(source: Path, where: Path) -> Iterator[Path]:
    """``source`` seen through a read-only bind mount at ``where``."""
    with mounted("read-only bind mount", where, "--bind", "-o", "ro", str(source)) as path:
        yield path


@contextmanager
def read_only_file(source: Path, where: Path) -> Iterator[Path]:
    """The file ``source`` seen read-only at ``where`` (a bind mount of the file alone), in a
    folder that stays writable: a file marked read-only, even for root, who ignores modes."""
    if shutil.which("mount") is None:
        pytest.skip("this machine has no mount command, so no real file system can be made")
    where.parent.mkdir(parents=True, exist_ok=True)
    where.touch()
    done = _run("mount", "--bind", "-o", "ro", str(source), str(where))
    if done.returncode != 0:
        pytest.skip(f"cannot bind-mount a file here ({done.stderr.strip() or 'not permitted'})")
    try:
        yield where
    finally:
        _run("umount", str(where))


def fill(folder: Path, leave_bytes: int) -> Path:
    """Fill the file system of ``folder`` until only about ``leave_bytes`` are free."""
    filler = folder / "filler.bin"
    with filler.open("wb") as handle:
        chunk = b"\0" * 65536
        try:
            while True:
                handle.write(chunk)
                handle.flush()
        except OSError:
            pass
    with filler.open("r+b") as handle:
        handle.truncate(max(0, filler.stat().st_size - leave_bytes))
    return filler
