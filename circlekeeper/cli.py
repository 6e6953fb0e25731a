"""The command line: no arguments opens the app; sub-commands do headless work."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from circlekeeper import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="circlekeeper",
        description="A fair speaking-turn timer and companion for peer-support circles.",
    )
    parser.add_argument("--version", action="version", version=f"circlekeeper {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    parser.parse_args(sys.argv[1:] if argv is None else argv)
    return 0
