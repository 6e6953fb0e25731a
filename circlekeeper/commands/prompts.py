"""``circlekeeper prompts``: check deck files and list the shipped prompts, without the GUI.

For organizations that write their own decks: ``prompts check my-deck.toml`` says exactly
which prompt and field is wrong (or how many prompts are fine) before anyone imports it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from circlekeeper.session.prompts import PromptCategory


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("prompts", help="check prompt deck files, list prompts")
    commands = parser.add_subparsers(dest="prompts_command", metavar="ACTION", required=True)
    check = commands.add_parser("check", help="validate deck files (all shipped decks if none)")
    check.add_argument("files", nargs="*", type=Path, metavar="FILE")
    check.set_defaults(func=run_check)
    listing = commands.add_parser("list", help="list the shipped prompts")
    listing.add_argument("--category", choices=[c.value for c in PromptCategory])
    listing.add_argument("--search", default="", help="words that must all appear")
    listing.add_argument("--first-meeting", action="store_true")
    listing.set_defaults(func=run_list)


def run_check(args: argparse.Namespace) -> int:
    # Imported here, not at the top: the parser is built on every start, the GUI's included,
    # and loading the prompt library would cost the window tens of milliseconds.
    from circlekeeper.prompts import load_shipped_decks, read_deck_file
    from circlekeeper.prompts.deck import check_no_duplicates

    decks = [read_deck_file(path) for path in args.files] if args.files else load_shipped_decks()
    check_no_duplicates(decks)
    for deck in decks:
        print(f"{deck.source or deck.deck_id}: {len(deck.prompts)} prompts, all fine")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from circlekeeper.prompts import PromptQuery, load_shipped_decks
    from circlekeeper.prompts.library import PromptLibrary
    from circlekeeper.prompts.memory import MemoryPromptRepository

    library = PromptLibrary(load_shipped_decks(), MemoryPromptRepository())
    query = PromptQuery(
        categories=frozenset({PromptCategory(args.category)}) if args.category else frozenset(),
        text=args.search,
        first_meeting=args.first_meeting,
    )
    for prompt in library.prompts(query):
        sys.stdout.write(f"{prompt.prompt_id}\t{prompt.intensity.value}\t{prompt.text}\n")
    return 0
