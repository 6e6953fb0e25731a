"""The one catalog serves every layer: the engine, the vault, the store and the CLI."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from circlekeeper.cli import main
from circlekeeper.i18n import use_language
from circlekeeper.session.clock import FakeClock
from circlekeeper.session.engine import CircleSession
from circlekeeper.session.errors import SessionCommandRefused
from circlekeeper.session.model import Participant
from circlekeeper.vault.errors import WrongPassphrase


def test_the_engines_refusal_is_in_the_facilitators_language() -> None:
    session = CircleSession(FakeClock())
    session.start("Los jueves", [Participant("1", "Amal"), Participant("2", "نور")])
    use_language("ar")
    with pytest.raises(SessionCommandRefused) as caught:
        session.pause()
    assert str(caught.value) == "لا توجد جولة جارية؛ ابدأ جولة أولًا."
    use_language("es")
    with pytest.raises(SessionCommandRefused) as caught:
        session.join(Participant("1", "Amal"))
    assert str(caught.value) == "Amal ya está aquí."


def test_the_vaults_default_messages_follow_the_language_chosen_after_import() -> None:
    use_language("de")
    assert str(WrongPassphrase()) == (
        "Diese Passphrase stimmt nicht. Versuch es in Ruhe noch einmal."
    )
    use_language("en")
    assert str(WrongPassphrase()) == "That passphrase is not right. Please try again."


def test_the_cli_prints_a_commands_error_in_brazilian_portuguese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.sqlite3"
    assert main(["--lang", "pt_BR", "--db", str(missing), "check"]) == 1
    assert f"circlekeeper: Não há nenhum banco de dados em {missing}." in capsys.readouterr().err


def test_a_bad_session_file_is_refused_in_the_facilitators_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "session.json"
    bad.write_text(
        '{"format": "circlekeeper-session", "version": 3, "circle": 7}', encoding="utf-8"
    )
    assert main(["--lang", "de", "--db", str(tmp_path / "c.sqlite3"), "import", str(bad)]) == 1
    assert (
        "Das ist keine gültige CircleKeeper-Sitzungsdatei: circle: muss Text sein, ist aber"
        " eine Zahl." in capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("text", "french"),
    [
        ("[1, 2]", "le fichier doit contenir un objet JSON"),
        ('{"a": 1, "a": 2}', "la clé 'a' apparaît deux fois dans un même objet"),
        ("{", "ligne 1, colonne 2 : ce n’est pas du JSON valide"),
        (
            '{"format": "circlekeeper-session", "version": 99}',
            "version : le fichier est en version 99, plus récente",
        ),
        (
            '{"format": "circlekeeper-session", "version": 1, "moods": []}',
            "moods : ne fait pas partie d’un fichier de version 1 (c’est arrivé en version 2)",
        ),
        (
            '{"format": "circlekeeper-session", "version": 3, "private_note": "x"}',
            "private_note : les notes privées ne font jamais partie d’un fichier de séance",
        ),
    ],
)
def test_each_kind_of_session_file_refusal_speaks_french(text: str, french: str) -> None:
    from circlekeeper.session.interchange.session_file import InvalidSessionFile, load_session

    use_language("fr")
    with pytest.raises(InvalidSessionFile) as caught:
        load_session(text)
    assert french in str(caught.value)
    assert str(caught.value).startswith("Ce n’est pas un fichier de séance CircleKeeper valide")


def test_check_reports_a_healthy_database_in_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from circlekeeper.store import open_store

    db = tmp_path / "circle.sqlite3"
    open_store(db).close()  # a new, empty database, as the app leaves it
    assert main(["--lang", "de", "--db", str(db), "check"]) == 0
    out = capsys.readouterr().out
    assert f"Die Datenbank {db} ist in Ordnung" in out
    assert "Die Aufzeichnung jeder Sitzung ist stimmig" in out
    assert "is healthy" not in out and "consistent" not in out


def test_no_message_is_hidden_from_the_catalog_inside_an_f_string() -> None:
    """Babel does not look inside f-strings: ``f"{_('status')}"`` stays English for ever."""
    import re

    import circlekeeper

    root = Path(circlekeeper.__file__).parent
    hidden = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\{(_|gettext|ngettext|pgettext)\(", line)
    ]
    assert not hidden, hidden


def _parsers(parser: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield parser.prog, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for nested in action.choices.values():
                yield from _parsers(nested)


def test_every_option_and_argument_of_every_command_says_what_it_is_for() -> None:
    """``--help`` in German or Arabic shows a bare ``SESSION_ID`` with nothing after it when an
    argument has no help text: nothing there to translate, so nothing the facilitator reads."""
    from circlekeeper.cli import build_parser

    use_language("de")
    silent = [
        f"{prog} {'/'.join(action.option_strings) or action.dest}"
        for prog, parser in _parsers(build_parser())
        for action in parser._actions
        if action.help is None and not isinstance(action, argparse._SubParsersAction)
    ]
    assert not silent, silent


def test_a_file_that_is_not_a_database_is_named_so_in_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    garbage = tmp_path / "circle.sqlite3"
    garbage.write_text("not a database at all", encoding="utf-8")
    assert main(["--lang", "de", "--db", str(garbage), "check"]) != 0
    out = capsys.readouterr()
    assert "das ist keine SQLite-Datenbankdatei" in out.out + out.err
    assert "not a SQLite" not in out.out + out.err
