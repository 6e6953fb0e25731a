"""The command line entry points a facilitator or a packager touches first."""

from __future__ import annotations

import subprocess
import sys

from circlekeeper import __version__


def test_version_flag_prints_the_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "circlekeeper", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert __version__ in out.stdout


def test_db_is_accepted_after_the_sub_command_too(tmp_path) -> None:
    from circlekeeper.cli import build_parser

    parser = build_parser()
    after = parser.parse_args(["sessions", "--db", str(tmp_path / "a.sqlite3")])
    before = parser.parse_args(["--db", str(tmp_path / "b.sqlite3"), "sessions"])
    assert after.db == str(tmp_path / "a.sqlite3")
    assert before.db == str(tmp_path / "b.sqlite3"), "not reset by the sub-command's default"
    nested = parser.parse_args(["prompts", "list", "--db", "x.sqlite3"])
    assert nested.db == "x.sqlite3"


def test_sessions_with_db_after_the_command_lists_that_database(tmp_path, capsys) -> None:
    from circlekeeper.cli import main

    db = str(tmp_path / "circles.sqlite3")
    assert main(["demo", "--sessions", "3", "--seed", "1", "--db", db]) == 0
    capsys.readouterr()
    assert main(["sessions", "--db", db]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) >= 3


def test_each_command_parses_the_same_with_only_its_own_module_loaded(capsys) -> None:
    """``circlekeeper export …`` registers only commands/export.py; the map that picks the
    module must name every sub-command there is, and the parser must read it the same."""
    import argparse

    from circlekeeper.cli import build_parser, requested_command
    from circlekeeper.commands import COMMAND_OF

    full = build_parser()
    (subparsers,) = (a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    assert set(COMMAND_OF) == set(subparsers.choices)
    argv = ["--db", "x.sqlite3", "export", "12", "-o", "out.pdf", "--privacy", "names"]
    assert requested_command(argv) == "export"
    assert vars(build_parser("export").parse_args(argv)) == vars(full.parse_args(argv))
    assert requested_command(["--db", "export", "sessions"]) == "sessions"
    assert requested_command(["--help"]) is None
    assert requested_command(["exprot", "12"]) is None  # the full parser suggests the names
    for command in COMMAND_OF:
        own = build_parser(command)
        (own_subparsers,) = (a for a in own._actions if isinstance(a, argparse._SubParsersAction))
        assert command in own_subparsers.choices
        assert (
            own_subparsers.choices[command].format_help()
            == subparsers.choices[command].format_help()
        )
