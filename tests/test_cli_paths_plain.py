"""The command line's messages in Arabic: a path isolated for a person at a terminal, exact
for a file or a pipe (a script reading the output, ``… 2>> errors.log``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from circlekeeper import cli
from circlekeeper.cli import main
from circlekeeper.i18n import use_language
from circlekeeper.i18n.isolates import ISOLATE_CONTROLS, isolating

LRI, PDI = "\u2066", "\u2069"


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    use_language("en")


def _import_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    missing = tmp_path / "no-such-session.json"
    db = tmp_path / "circles.sqlite3"
    assert main(["--lang", "ar", "import", str(missing), "--db", str(db)]) != 0
    return capsys.readouterr().err


def test_redirected_output_names_the_path_exactly(tmp_path, capsys) -> None:
    said = _import_a_missing_file(tmp_path, capsys)
    assert str(tmp_path / "no-such-session.json") in said
    assert not any(ch in ISOLATE_CONTROLS for ch in said)
    assert isolating(), "the window (and the next test) isolate again"


def test_at_a_terminal_the_path_is_isolated(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(cli, "_read_in_a_terminal", lambda: True)
    said = _import_a_missing_file(tmp_path, capsys)
    assert f"{LRI}{tmp_path / 'no-such-session.json'}{PDI}" in said
