"""A throw-away PostgreSQL cluster the test suite starts and removes itself.

The PostgreSQL variants of the store tests need a real server. Where one is configured
(``CIRCLEKEEPER_TEST_POSTGRES_URL``, a role allowed to ``CREATE DATABASE``) it is used as it is.
Otherwise, when the server binaries are installed (Debian's ``postgresql`` package puts
``initdb`` and ``pg_ctl`` under ``/usr/lib/postgresql/<version>/bin``), the suite makes a
cluster in a private temporary folder, starts it on a free loopback port with trust
authentication for loopback only, and stops and deletes it when the run ends.

``initdb`` refuses to run as root, so under root the cluster belongs to the ``postgres``
operating-system user (``runuser``). The cluster runs with ``fsync=off``: it lives for one test
run and nothing in it needs to survive a power cut; the benchmarks use a durable one.

With ``CI=true`` a missing server is a failure (the run must not go green having skipped every
PostgreSQL test); on a developer's machine it is a skip with a one-line reason.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

POSTGRES_ENV = "CIRCLEKEEPER_TEST_POSTGRES_URL"
PORTS_ENV = "CIRCLEKEEPER_TEST_POSTGRES_PORTS"
"""``FIRST-LAST``: the loopback ports the cluster may use (default: one the kernel picks)."""
SUPERUSER = "postgres"
DRIVER_URL = "postgresql+psycopg"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def server_binaries() -> Path | None:
    """The newest installed PostgreSQL's ``bin`` folder holding ``initdb`` and ``pg_ctl``."""
    candidates = []
    for initdb in glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        folder = Path(initdb).parent
        version = folder.parent.name
        if (folder / "pg_ctl").exists() and version.isdigit():
            candidates.append((int(version), folder))
    on_path = shutil.which("initdb")
    if not candidates and on_path and shutil.which("pg_ctl"):
        return Path(on_path).parent
    return max(candidates)[1] if candidates else None


def unavailable_reason() -> str | None:
    """Why PostgreSQL tests cannot run here (one line), ``None`` when they can."""
    if os.environ.get(POSTGRES_ENV, "").strip():
        return None
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "PostgreSQL variant: the driver is missing (pip install -e '.[test,postgres]')"
    if server_binaries() is None:
        return (
            "PostgreSQL variant: no server binaries (apt-get install postgresql) and"
            f" {POSTGRES_ENV} is not set"
        )
    return None


def _free_port() -> int:
    wanted = os.environ.get(PORTS_ENV, "").strip()
    if wanted:
        first, _, last = wanted.partition("-")
        ports: Iterator[int] = iter(range(int(first), int(last or first) + 1))
    else:
        ports = iter([0])
    for port in ports:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise RuntimeError(f"no free loopback port in {wanted}")


@dataclass
class ThrowawayCluster:
    """One PostgreSQL cluster in a temporary folder; :meth:`stop` removes every trace."""

    binaries: Path
    durable: bool = False
    folder: Path = field(init=False)
    port: int = 0
    _owner: str | None = None
    _options: str = ""

    def start(self) -> str:
        """initdb + start; returns the superuser's URL (``…/postgres``) for admin work."""
        self.folder = Path(tempfile.mkdtemp(prefix="ck-pg-"))
        self._owner = SUPERUSER if os.geteuid() == 0 else None
        if self._owner is not None:
            account = pwd.getpwnam(self._owner)
            os.chown(self.folder, account.pw_uid, account.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            SUPERUSER,
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        atexit.register(self.stop)
        for _attempt in range(5):
            self.port = _free_port()
            options = [
                f"-p {self.port}",
                f"-k {self.folder}",
                "-c listen_addresses=127.0.0.1",
                "-c max_connections=200",
            ]
            if not self.durable:
                options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
            try:
                self.pg_ctl("start", "-w", "-t", "60", "-o", " ".join(options))
                self._options = " ".join(options)
                return self.url()
            except subprocess.CalledProcessError:  # the port was taken meanwhile: another
                time.sleep(0.2)
        raise RuntimeError(f"PostgreSQL did not start; see {self.folder / 'server.log'}")

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, user: str = SUPERUSER, database: str = "postgres") -> str:
        return f"{DRIVER_URL}://{user}@127.0.0.1:{self.port}/{database}"

    def stop_server(self) -> None:
        """Stop the server but keep the cluster (a test of the server going away)."""
        self.pg_ctl("stop", "-m", "fast", "-w")

    def start_again(self) -> None:
        """Start the stopped server again, on the same port with the same settings."""
        self.pg_ctl("start", "-w", "-t", "60", "-o", self._options)

    def pg_ctl(self, action: str, *args: str) -> None:
        """``pg_ctl start|stop|restart`` on this cluster (tests stop it mid-circle)."""
        self._run("pg_ctl", action, "-D", str(self.data), "-l", str(self.log), *args)

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def stop(self) -> None:
        if not getattr(self, "folder", None) or not self.folder.exists():
            return
        with contextlib.suppress(subprocess.CalledProcessError):
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "immediate", "-w")
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.binaries / tool), *args]
        if self._owner is not None:
            command = ["runuser", "-u", self._owner, "--", *command]
        subprocess.run(
            command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd="/"
        )


def start_shared_cluster() -> ThrowawayCluster:
    """The run's cluster (the ``postgres_cluster`` session fixture): about 2 s to start."""
    binaries = server_binaries()
    if binaries is None:
        raise RuntimeError(unavailable_reason() or "no PostgreSQL binaries")
    cluster = ThrowawayCluster(binaries)
    cluster.start()
    return cluster


def own_cluster(purpose: str) -> Iterator[ThrowawayCluster]:
    """A cluster of the test's own, for tests that stop and start the server under the app
    (the shared one must stay up for everyone else). ``purpose`` ends the skip or failure
    message: what the test needs the binaries for."""
    binaries = server_binaries()
    if binaries is None or unavailable_reason() is not None:
        if in_ci():
            pytest.fail(f"CI=true but no PostgreSQL server binaries to {purpose}")
        pytest.skip(unavailable_reason() or "needs the PostgreSQL server binaries")
    cluster = ThrowawayCluster(binaries)
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()
