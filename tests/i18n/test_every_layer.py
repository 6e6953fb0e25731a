"""The one catalog serves every layer: the engine, the vault, the store and the CLI."""

from __future__ import annotations

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
