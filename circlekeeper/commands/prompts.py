"""``circlekeeper prompts``: check deck files and list the shipped prompts, without the GUI.

For organizations that write their own decks: ``prompts check my-deck.toml`` says exactly
which prompt and field is wrong (or how many prompts are fine) before anyone imports it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from circlekeeper.commands import metavars
from circlekeeper.i18n import _, ngettext
from circlekeeper.session.prompts import PromptCategory


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("prompts", help=_("check prompt deck files, list prompts"))
    commands = parser.add_subparsers(
        dest="prompts_command", metavar=metavars.action(), required=True
    )
    check = commands.add_parser(
        "check",
        help=_("validate deck files (all shipped decks and their translations if none)"),
    )
    check.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar=metavars.file(),
        help=_("a deck file to check (TOML); none checks every shipped deck"),
    )
    check.set_defaults(func=run_check)
    listing = commands.add_parser(
        "list", help=_("list the shipped prompts (in the language of --lang)")
    )
    listing.add_argument(
        "--category",
        choices=[c.value for c in PromptCategory],
        help=_("only prompts of this kind"),
    )
    listing.add_argument(
        "--search", default="", metavar=metavars.words(), help=_("words that must all appear")
    )
    listing.add_argument(
        "--first-meeting", action="store_true", help=_("only prompts suited to a first meeting")
    )
    listing.set_defaults(func=run_list)


def run_check(args: argparse.Namespace) -> int:
    # Imported here, not at the top: the parser is built on every start, the GUI's included,
    # and loading the prompt library would cost the window tens of milliseconds.
    from circlekeeper.prompts import load_shipped_decks, read_deck_file
    from circlekeeper.prompts.deck import check_no_duplicates
    from circlekeeper.prompts.translated import deck_languages, translate_decks

    decks = [read_deck_file(path) for path in args.files] if args.files else load_shipped_decks()
    check_no_duplicates(decks)
    if not args.files:  # the shipped decks in every language they are translated into
        english = list(decks)
        for language in deck_languages()[1:]:
            decks.extend(d for d in translate_decks(english, language) if d.source)
    for deck in decks:
        print(
            ngettext(
                "{deck}: {count} prompt, all fine",
                "{deck}: {count} prompts, all fine",
                len(deck.prompts),
            ).format(deck=deck.source or deck.deck_id, count=len(deck.prompts))
        )
    return 0


def run_list(args: argparse.Namespace) -> int:
    from circlekeeper.i18n import active_language
    from circlekeeper.prompts import PromptQuery
    from circlekeeper.prompts.library import PromptLibrary
    from circlekeeper.prompts.memory import MemoryPromptRepository
    from circlekeeper.prompts.translated import shipped_decks_in

    decks = list(shipped_decks_in(active_language()))
    library = PromptLibrary(decks, MemoryPromptRepository())
    query = PromptQuery(
        categories=frozenset({PromptCategory(args.category)}) if args.category else frozenset(),
        text=args.search,
        first_meeting=args.first_meeting,
    )
    for prompt in library.prompts(query):
        sys.stdout.write(f"{prompt.prompt_id}\t{prompt.intensity.value}\t{prompt.text}\n")
    return 0
