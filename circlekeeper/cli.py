"""The command line: no arguments opens the app; sub-commands do headless work."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from circlekeeper import __version__
from circlekeeper.commands import COMMAND_MODULES
from circlekeeper.errors import UserFacingError

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="circlekeeper",
        description="A fair speaking-turn timer and companion for peer-support circles.",
    )
    parser.add_argument("--version", action="version", version=f"circlekeeper {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or SQLAlchemy URL (default: $CIRCLEKEEPER_DB, else the user data "
        "folder)",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the main window, print the milliseconds since process start, and exit",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"circlekeeper.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    func = getattr(args, "func", None)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        if func is None:
            from circlekeeper.app import run_gui

            return run_gui(args.db, smoke_test=args.smoke_test)
        return int(func(args) or 0)
    except UserFacingError as error:
        print(f"circlekeeper: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("circlekeeper: interrupted", file=sys.stderr)
        return 130
