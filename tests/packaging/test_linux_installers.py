"""The .deb and the tarball from ``packaging/build-linux``, installed and used as a person would.

Runs when the artefacts are in ``dist/`` (locally, run ``packaging/build-linux``). ``.ci/run``
builds them in the background while the rest of the suite runs: these tests run last (they are
marked ``installers``) and wait for that build, which names the file its exit status lands in
(``CIRCLEKEEPER_INSTALLERS_BUILD``); a failed build fails them with its log. With ``CI=true``
missing artefacts, a missing Xvfb or not being root fail the run instead of skipping: CI must
not pass without trying the installers.

For each install: ``--version``, ``--smoke-test`` on a real X display, ``demo``, ``export`` a PDF
with names in several scripts (read back with pypdf: the text and the embedded fonts, which
only the bundle can have supplied), ``check``; then uninstalling leaves nothing behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from circlekeeper import __version__
from tests.packaging.installed_app import InstalledApp, x_display

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
TARBALL = DIST / f"circlekeeper-{__version__}-linux-x86_64.tar.gz"
DEB = DIST / f"circlekeeper_{__version__}_amd64.deb"
APP_ID = "org.circlekeeper.CircleKeeper"
IN_CI = os.environ.get("CI") == "true"
BUILD_ENV = "CIRCLEKEEPER_INSTALLERS_BUILD"
BUILD_MINUTES = 30
"""How long to wait for a background build (it takes about three minutes on its own)."""

pytestmark = pytest.mark.installers


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: the installers must be tested)")
    pytest.skip(reason)


def _built() -> None:
    """Waits for the installers ``.ci/run`` is building beside the tests; fails with the
    build's log if it failed (or is still going after :data:`BUILD_MINUTES`)."""
    named = os.environ.get(BUILD_ENV, "").strip()
    if not named:
        return
    status = Path(named)
    log = status.with_suffix(".log")
    deadline = time.monotonic() + BUILD_MINUTES * 60
    while not status.exists():
        if time.monotonic() > deadline:
            pytest.fail(
                f"packaging/build-linux still running after {BUILD_MINUTES} minutes", pytrace=False
            )
        time.sleep(1)
    code = status.read_text().strip()
    if code != "0":
        said = log.read_text(errors="replace") if log.exists() else "(no log)"
        pytest.fail(
            f"packaging/build-linux failed (exit status {code}):\n{said[-6000:]}", pytrace=False
        )


@pytest.fixture(scope="module")
def installers() -> None:
    _built()


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        _unavailable("Xvfb is not installed")
    with x_display() as name:
        yield name


@pytest.fixture(scope="module")
def deb_app(
    installers: None, display: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[InstalledApp]:
    if not DEB.is_file():
        _unavailable(f"{DEB.name} is not built (run packaging/build-linux)")
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        _unavailable("installing a .deb needs root and apt-get")
    _apt("install", "--no-install-recommends", str(DEB))
    try:
        yield InstalledApp("/usr/bin/circlekeeper", tmp_path_factory.mktemp("deb-home"), display)
    finally:
        if Path("/opt/circlekeeper").exists():
            _apt("purge", "circlekeeper")


@pytest.fixture(scope="module")
def tarball_app(
    installers: None, display: str, tmp_path_factory: pytest.TempPathFactory
) -> InstalledApp:
    if not TARBALL.is_file():
        _unavailable(f"{TARBALL.name} is not built (run packaging/build-linux)")
    unpacked = tmp_path_factory.mktemp("download")
    with tarfile.open(TARBALL) as archive:
        archive.extractall(unpacked, filter="tar")
    home = tmp_path_factory.mktemp("tar-home")
    app = InstalledApp(str(home / ".local/bin/circlekeeper"), home, display)
    installer = unpacked / f"circlekeeper-{__version__}-linux-x86_64" / "install.sh"
    done = subprocess.run(
        [str(installer)], capture_output=True, text=True, env=app.env(), cwd=home, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "is installed" in done.stdout
    return app


def _apt(*args: str) -> None:
    done = subprocess.run(
        ["apt-get", "-y", "-q", "-o", "DPkg::Lock::Timeout=300", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


# --- what a facilitator does, from each install -------------------------------------------------


def _uses_the_app(app: InstalledApp, bundle: Path) -> None:
    version = app.run("--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"circlekeeper {__version__}"

    smoke = app.run("--smoke-test", timeout=60)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "smoke test passed" in smoke.stdout, smoke.stdout + smoke.stderr
    assert "Qt platform xcb" in smoke.stdout, "it drew on the real X display"
    assert f"resources in {bundle}" in smoke.stdout, "data files came from the bundle"

    db = app.home / "circles.sqlite3"
    demo = app.run("--db", str(db), "demo", "--sessions", "6", "--seed", "3")
    assert demo.returncode == 0, demo.stderr
    pdf = app.home / "all circles.pdf"
    export = app.run(
        "--db", str(db), "export", "--from", "2000-01-01", "--to", "2100-12-31",
        "--combined", "--privacy", "names", "-o", str(pdf),
    )  # fmt: skip
    assert export.returncode == 0, export.stderr
    _prints_every_script(pdf)

    check = app.run("--db", str(db), "check")
    assert check.returncode == 0, check.stderr
    assert "healthy" in check.stdout


def _prints_every_script(pdf: Path) -> None:
    """Names in several scripts came out as text, each set in a font from the bundle."""
    reader = PdfReader(pdf)
    text = "".join(page.extract_text() for page in reader.pages)
    scripts = {unicodedata.name(char).split()[0] for char in text if char.isalpha()}
    assert "LATIN" in scripts and len(scripts) >= 4, scripts
    assert scripts & {"CJK", "HANGUL", "HIRAGANA", "KATAKANA"}, scripts
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert "DejaVuSans" in fonts
    assert len(fonts - {"DejaVuSans", "DejaVuSans-Bold", "Helvetica"}) >= 2, fonts


def test_the_deb_installs_runs_and_uninstalls_cleanly(deb_app: InstalledApp) -> None:
    owned = subprocess.run(["dpkg", "-L", "circlekeeper"], capture_output=True, text=True)
    files = [Path(line) for line in owned.stdout.splitlines() if Path(line).is_file()]
    assert Path("/usr/share/applications", f"{APP_ID}.desktop") in files
    assert Path("/usr/share/metainfo", f"{APP_ID}.metainfo.xml") in files
    assert Path("/usr/share/icons/hicolor/16x16/apps", f"{APP_ID}.png") in files
    assert Path("/usr/share/icons/hicolor/scalable/apps", f"{APP_ID}.svg") in files
    _every_library_resolves(Path("/opt/circlekeeper"))

    _uses_the_app(deb_app, Path("/opt/circlekeeper"))

    _apt("purge", "circlekeeper")
    left = [path for path in files if path.exists()]
    assert left == []
    assert not Path("/opt/circlekeeper").exists()
    assert not Path("/usr/bin/circlekeeper").exists()


def test_the_tarball_installs_for_one_user_runs_and_uninstalls(tarball_app: InstalledApp) -> None:
    local = tarball_app.home / ".local"
    entry = local / "share/applications" / f"{APP_ID}.desktop"
    assert f'Exec="{local}/lib/circlekeeper/circlekeeper"' in entry.read_text()
    assert (local / "share/icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()

    _uses_the_app(tarball_app, local / "lib/circlekeeper")

    gone = subprocess.run(
        [str(local / "lib/circlekeeper/uninstall.sh")],
        capture_output=True,
        text=True,
        env=tarball_app.env(),
        check=False,
    )
    assert gone.returncode == 0, gone.stderr
    remaining = sorted(
        str(path.relative_to(local)) for path in local.rglob("*") if not path.is_dir()
    )
    # only the facilitator's own data stays (the smoke test and demo wrote none elsewhere)
    assert all(name.startswith("share/circlekeeper/") for name in remaining), remaining
    assert not (local / "bin").exists()


def _every_library_resolves(bundle: Path) -> None:
    """The .deb's Depends bring every system library the bundle's Qt plugins load."""
    missing = []
    for library in sorted(bundle.rglob("*.so*")):
        if library.is_symlink() or not library.is_file():
            continue
        linked = subprocess.run(["ldd", str(library)], capture_output=True, text=True)
        missing += [f"{library.name}: {line.strip()}" for line in linked.stdout.splitlines()
                    if "not found" in line]  # fmt: skip
    assert missing == []
