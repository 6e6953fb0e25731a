"""``circlekeeper --help`` in another language: no English value names or argparse words."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

import pytest

from circlekeeper.cli import build_parser, main
from circlekeeper.i18n import use_language
from circlekeeper.i18n.argparse_text import translate_argparse

LANGUAGES = ("es", "fr", "de", "pt_BR", "ar")

SPELLED_THE_SAME = {"fr": {"ACTION", "DATE", "options:"}}
"""Words a language writes exactly as English does (French «date», «action», «options»)."""

ARGPARSE_WORDS = ("usage:", "positional arguments", "options:", "show this help message and exit")


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    use_language("en")


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for nested in action.choices.values():
                yield from _parsers(nested)


def _value_names(parser: argparse.ArgumentParser) -> set[str]:
    """Every name ``--help`` gives a value (``SESSION_ID``, ``OUTPUT`` from ``--output`` …)."""
    names: set[str] = set()
    for each in _parsers(parser):
        for action in each._actions:
            if action.nargs == 0 or (action.choices and action.metavar is None):
                continue  # a flag, or a value shown as its choices ({a4,letter})
            if isinstance(action.metavar, str):
                names.add(action.metavar)
            else:
                names.add(action.dest.upper() if action.option_strings else action.dest)
    return names


def _all_help(parser: argparse.ArgumentParser) -> str:
    return "\n".join(each.format_help() for each in _parsers(parser))


@pytest.mark.parametrize("code", LANGUAGES)
def test_help_names_every_value_in_the_language(code: str) -> None:
    use_language("en")
    english = _value_names(build_parser())
    assert {"SESSION_ID", "PATH_OR_URL", "COMMAND", "DATE"} <= english
    translate_argparse()  # as main() does before it builds the parser
    use_language(code)
    text = _all_help(build_parser())
    left = sorted(
        name
        for name in english - SPELLED_THE_SAME.get(code, set())
        if re.search(rf"(?<![\w$]){re.escape(name)}(?!\w)", text)
    )
    assert not left, f"English value names in the {code} help: {left}"
    same = SPELLED_THE_SAME.get(code, set())
    assert not [word for word in ARGPARSE_WORDS if word in text and word not in same]


def test_a_missing_value_is_named_in_the_language_in_the_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "es", "close-abandoned"])
    err = capsys.readouterr().err
    assert "faltan los siguientes argumentos: NÚM_SESIÓN" in err
    assert "[--hours HORAS] [--db RUTA_O_URL]" in err


def test_a_description_names_the_value_as_its_usage_line_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "de", "export", "--help"])
    out = capsys.readouterr().out
    assert "[SITZUNGSNR]" in out and "(SITZUNGSNR -o DATEI.pdf)" in out
