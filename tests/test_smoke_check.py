"""``circlekeeper --smoke-test``: the check an installed copy runs on itself.

It must never touch the facilitator's own circles, must find everything a bundle ships, and
must fail with one line naming what a broken bundle lost.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import circlekeeper
from circlekeeper.bundled import resource_root
from circlekeeper.smoke_check import (
    INSTALL_INCOMPLETE_EXIT,
    MODULE_LIST,
    InstallationIncomplete,
    check_modules,
    module_names,
)

LOST_A_FILE = """
import sys
from pathlib import Path
import circlekeeper.bundled as bundled
bundled._CHECKOUT_RESOURCES = Path(sys.argv[1])
from circlekeeper.cli import main
raise SystemExit(main(["--smoke-test"]))
"""


def _env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CIRCLEKEEPER_MUTE": "1",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "CIRCLEKEEPER_DB": "",
    }


def test_without_db_it_uses_a_scratch_database_and_reports_what_it_found(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "circlekeeper", "--smoke-test"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    found = out.stdout.splitlines()[-1]
    for part in ("prompt decks", "PDF fonts", "chime", "qtbase translations", "Multimedia"):
        assert part in found, found
    assert f"resources in {resource_root()}" in found
    assert not (tmp_path / "data").exists(), "the facilitator's data folder was left alone"


def test_a_bundle_that_lost_its_chime_fails_and_says_so(tmp_path: Path) -> None:
    damaged = tmp_path / "resources"
    shutil.copytree(resource_root(), damaged)
    (damaged / "sounds" / "chime.wav").unlink()
    out = subprocess.run(
        [sys.executable, "-c", LOST_A_FILE, str(damaged)],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
    )
    assert out.returncode == INSTALL_INCOMPLETE_EXIT
    assert out.stderr.strip().splitlines()[-1] == (
        "circlekeeper: Files are missing from this install: chime.wav."
    )


def _smoke(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "circlekeeper", *args, "--smoke-test"],
        capture_output=True,
        text=True,
        env=_env(home),
        timeout=120,
    )


def test_the_smoke_test_reports_in_german(tmp_path: Path) -> None:
    out = _smoke(tmp_path, "--lang", "de")
    assert out.returncode == 0, out.stderr
    found = out.stdout.splitlines()[-1]
    assert found.startswith("Schnelltest bestanden: Datenbank auf "), found
    for part in ("Fragenstapel", "PDF-Schriften", "Glockenton", "qtbase-Übersetzungen"):
        assert part in found, found
    for english in ("passed", "prompt decks", "fonts", "chime", "icon sizes", "resources in"):
        assert english not in found, found


def test_the_smoke_test_reports_in_arabic_with_arabic_separators(tmp_path: Path) -> None:
    out = _smoke(tmp_path, "--lang", "ar")
    assert out.returncode == 0, out.stderr
    found = out.stdout.splitlines()[-1]
    assert found.startswith("نجح الفحص السريع: "), found
    assert "؛ " in found and "; " not in found, found
    assert "155 سؤالًا" in found, found  # 155: the plural form Arabic uses for 100 + 55


def test_a_broken_bundle_is_named_in_the_facilitators_language(tmp_path: Path) -> None:
    damaged = tmp_path / "resources"
    shutil.copytree(resource_root(), damaged)
    (damaged / "sounds" / "chime.wav").unlink()
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            LOST_A_FILE.replace('"--smoke-test"', '"--lang", "de", "--smoke-test"'),
            str(damaged),
        ],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
    )
    assert out.returncode == INSTALL_INCOMPLETE_EXIT
    assert out.stderr.strip().splitlines()[-1] == (
        "circlekeeper: In dieser Installation fehlen Dateien: chime.wav."
    )


LOST_MODULES = """
import sys
from importlib.abc import MetaPathFinder

LOST = set(sys.argv[1:])


class LeftOutOfTheBundle(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in LOST:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, LeftOutOfTheBundle())
from circlekeeper.cli import main
raise SystemExit(main(["--smoke-test"]))
"""


def test_a_module_the_window_reaches_only_later_fails_the_smoke_test_by_name(
    tmp_path: Path,
) -> None:
    """As when the wheel's package list left ui.restore out: the start ran, the resume offer
    and Restore from backup stopped on ModuleNotFoundError; now the build's smoke test fails."""
    lost = ["circlekeeper.ui.restore", "circlekeeper.commands.leases"]
    out = subprocess.run(
        [sys.executable, "-c", LOST_MODULES, *lost],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
    )
    assert out.returncode == INSTALL_INCOMPLETE_EXIT, out.stdout + out.stderr
    last = out.stderr.strip().splitlines()[-1]
    assert last.startswith("circlekeeper: Parts of CircleKeeper cannot load in this install: "), (
        last
    )
    for name in lost:
        assert name in last, last
    assert "(No module named 'circlekeeper." in last, last


def test_every_module_of_the_source_tree_is_listed_but_the_command_line_and_migrations() -> None:
    names = module_names(Path(circlekeeper.__file__).parent)
    assert {"circlekeeper", "circlekeeper.ui.restore", "circlekeeper.smoke_check"} <= set(names)
    assert "circlekeeper.ui.restore.chooser" in names
    assert not [name for name in names if "migrations" in name or name.endswith("__main__")]


def test_a_frozen_bundle_without_its_module_list_is_incomplete(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    with pytest.raises(InstallationIncomplete, match=MODULE_LIST):
        check_modules()


def test_a_frozen_bundle_imports_what_its_list_names(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    package = tmp_path / "circlekeeper"
    package.mkdir()
    (package / MODULE_LIST).write_text("circlekeeper.errors\ncirclekeeper.ui.restore.gone\n")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(circlekeeper, "__file__", str(package / "__init__.pyc"))
    with pytest.raises(InstallationIncomplete, match=r"circlekeeper\.ui\.restore\.gone") as caught:
        check_modules()
    assert "circlekeeper.errors" not in str(caught.value)
