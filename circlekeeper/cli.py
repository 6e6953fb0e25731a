"""The command line: no arguments opens the app; sub-commands do headless work."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from circlekeeper import __version__
from circlekeeper.commands import COMMAND_MODULES, COMMAND_OF, metavars
from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _, use_language
from circlekeeper.i18n.argparse_text import translate_argparse
from circlekeeper.i18n.choice import (
    LanguagePreference,
    UnknownLanguage,
    choose_language,
    fallback_language,
)
from circlekeeper.i18n.isolates import PlainLogFormatter, isolate_values

log = logging.getLogger(__name__)


def _add_language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        metavar=metavars.language_code(),
        help=_(
            "the language to speak, such as es, fr, de, pt_BR or ar (default: $CIRCLEKEEPER_LANG,"
            " else the language chosen in Settings, else the system's)"
        ),
    )


def _add_app_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar=metavars.path_or_url(),
        help=_(
            "database file or SQLAlchemy URL (default: $CIRCLEKEEPER_DB, else the user data folder)"
        ),
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help=_("open the main window, print the milliseconds since process start, and exit"),
    )
    _add_language_option(parser)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or with ``command`` (a known sub-command's name) one that registers
    only the module that command lives in: the same options, help and errors for it."""
    parser = argparse.ArgumentParser(
        prog="circlekeeper",
        description=_("A fair speaking-turn timer and companion for peer-support circles."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"circlekeeper {__version__}",
        help=_("show the version number and exit"),
    )
    _add_app_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar=metavars.command())
    modules = (COMMAND_OF[command],) if command in COMMAND_OF else COMMAND_MODULES
    for name in modules:
        importlib.import_module(f"circlekeeper.commands.{name}").register(subparsers)
    for sub_parser in subparsers.choices.values():
        _accept_db_after(sub_parser)
    return parser


def _accept_db_after(parser: argparse.ArgumentParser) -> None:
    """``circlekeeper sessions --db X`` as well as ``circlekeeper --db X sessions``: every
    sub-command (and its own sub-commands) takes ``--db`` too, without overriding one given
    before the sub-command when it is not repeated."""
    if not any("--db" in action.option_strings for action in parser._actions):
        parser.add_argument(
            "--db",
            metavar=metavars.path_or_url(),
            default=argparse.SUPPRESS,
            help=_("database file or SQLAlchemy URL (may also come before the command)"),
        )
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for nested in action.choices.values():
                _accept_db_after(nested)


SIGPIPE_EXIT = 141
"""What a shell reports for a program ended by SIGPIPE (128 + 13), as ``seq 9999 | head -1``."""


def opens_the_app(argv: Sequence[str]) -> argparse.Namespace | None:
    """The app's own options when ``argv`` asks for the window and nothing else, else ``None``.

    Building the full parser registers every sub-command (tens of milliseconds); a facilitator
    opening the window should not wait for that, so the common case is recognised first with a
    parser that knows only the window's options. Anything else (a command, ``--help``, a typo)
    goes to the full parser, which explains itself.
    """
    parser = argparse.ArgumentParser(prog="circlekeeper", add_help=False, exit_on_error=False)
    _add_app_options(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:  # e.g. ``--db`` without a value: the full parser reports it
        return None
    return None if rest else args


def requested_command(argv: Sequence[str]) -> str | None:
    """The sub-command ``argv`` names (its first word that is neither an option nor the value
    of ``--db``), when it is one CircleKeeper has; else ``None`` (the full parser explains)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--db":
            skip = True
        elif arg == "--":
            return None
        elif not arg.startswith("-"):
            return arg if arg in COMMAND_OF else None
    return None


def requested_language(argv: Sequence[str]) -> str | None:
    """``--lang`` read before the parser is built, so the help and every message use it."""
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    _add_language_option(parser)
    try:
        args, _rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:  # ``--lang`` without a value: the full parser reports it
        return None
    return args.lang


def without_language_option(argv: Sequence[str]) -> list[str]:
    """``argv`` less ``--lang CODE`` / ``--lang=CODE`` wherever it stands, so the option also
    works after a command (``circlekeeper sessions --lang es``), which argparse would refuse."""
    kept: list[str] = []
    skip = False
    for index, arg in enumerate(argv):
        if skip:
            skip = False
            continue
        if arg == "--":
            kept.extend(argv[index:])
            break
        if arg == "--lang":
            skip = True
            continue
        if arg.startswith("--lang="):
            continue
        kept.append(arg)
    return kept


def speak_chosen_language(argv: Sequence[str]) -> str:
    """Activate the language ``--lang``, ``$CIRCLEKEEPER_LANG``, Settings or the system chose."""
    translate_argparse()
    preference = LanguagePreference()
    try:
        code = choose_language(requested_language(argv), preference=preference)
    except UnknownLanguage as error:  # say so in a language the person reads
        use_language(fallback_language(preference=preference))
        raise UnknownLanguage(error.requested, error.where) from None
    return use_language(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        speak_chosen_language(argv)
    except UserFacingError as error:
        print(f"circlekeeper: {error}", file=sys.stderr)
        return error.exit_code
    argv = without_language_option(argv)
    args = opens_the_app(argv) or build_parser(requested_command(argv)).parse_args(argv)
    func = getattr(args, "func", None)
    _log_plainly()
    try:
        if func is None:
            from circlekeeper.app import run_gui

            return run_gui(args.db, smoke_test=args.smoke_test)
        isolate_values(_read_in_a_terminal())  # back on in the finally: tests call main()
        code = int(func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows up here, inside the try, not at exit
        return code
    except BrokenPipeError:
        return _reader_went_away()
    except UserFacingError as error:
        print(f"circlekeeper: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("circlekeeper: " + _("interrupted"), file=sys.stderr)
        return 130
    finally:
        isolate_values(True)


def _log_plainly() -> None:
    """Warnings to stderr, without the isolates a translated message carries (a log is read
    with grep and pasted into reports; a path in it must be the path)."""
    handler = logging.StreamHandler()
    handler.setFormatter(PlainLogFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler])


def _read_in_a_terminal() -> bool:
    """Whether a person reads this command's output in a terminal (both streams are one).

    There a path in an Arabic sentence is isolated, as in the window: terminals that lay out
    right-to-left text (GNOME Terminal, Konsole, Windows Terminal) then keep it whole, and the
    others draw the invisible controls as nothing. Redirected to a file or a pipe, the output
    is plain, so a script (or ``… | xargs open``) gets the exact path."""
    return all(stream is not None and stream.isatty() for stream in (sys.stdout, sys.stderr))


def gui_main() -> int:
    """``circlekeeper-app``: the entry point a desktop launches, with no console on Windows.

    Windows starts GUI scripts (and the windowed ``circlekeeper-app.exe``) with no console, so
    ``sys.stdout`` and ``sys.stderr`` are ``None`` there; they get a harmless place to write,
    and everything else is :func:`main` (a failure to open the data is shown in a dialog).
    """
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    return main()


def _reader_went_away() -> int:
    """``circlekeeper sessions | head -1``: the reader closed the pipe, which is not an error.

    Python's documented recipe (``signal`` module, "Note on SIGPIPE"): point stdout at devnull
    so the interpreter's final flush does not fail a second time, then exit as a program ended
    by SIGPIPE would, so ``set -o pipefail`` scripts see the same status as with coreutils.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)
    return SIGPIPE_EXIT
