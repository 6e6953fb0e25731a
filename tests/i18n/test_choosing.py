"""Which language CircleKeeper speaks: --lang, CIRCLEKEEPER_LANG, Settings, the system."""

from __future__ import annotations

from pathlib import Path

import pytest

from circlekeeper.cli import main
from circlekeeper.i18n import language, match_language, shipped_languages
from circlekeeper.i18n.choice import LanguagePreference, UnknownLanguage, choose_language


@pytest.mark.parametrize(
    ("asked", "served"),
    [
        ("es", "es"),
        ("es_MX.UTF-8", "es"),
        ("pt-br", "pt_BR"),
        ("pt", "pt_BR"),
        ("de_AT", "de"),
        ("AR", "ar"),
        ("fr_CA@euro", "fr"),
        ("ja", None),
        ("", None),
    ],
)
def test_codes_people_and_systems_write_find_a_shipped_language(
    asked: str, served: str | None
) -> None:
    assert match_language(asked) == served


def test_languages_are_listed_by_their_own_names_and_arabic_reads_right_to_left() -> None:
    names = {each.code: each.native_name for each in shipped_languages()}
    assert names["es"] == "Español" and names["ar"] == "العربية" and names["de"] == "Deutsch"
    assert language("ar").right_to_left and not language("fr").right_to_left


def test_the_command_line_comes_first_then_the_environment_then_settings_then_the_system(
    tmp_path: Path,
) -> None:
    saved = LanguagePreference(tmp_path / "language")
    saved.save("fr")
    system = {"LANG": "de_DE.UTF-8"}
    assert (
        choose_language("es", environ={**system, "CIRCLEKEEPER_LANG": "ar"}, preference=saved)
        == "es"
    )
    assert (
        choose_language(None, environ={**system, "CIRCLEKEEPER_LANG": "ar"}, preference=saved)
        == "ar"
    )
    assert choose_language(None, environ=system, preference=saved) == "fr"
    saved.save("")
    assert choose_language(None, environ=system, preference=saved) == "de"
    assert choose_language(None, environ={"LANG": "C.UTF-8"}, preference=saved) == "en"
    assert choose_language(None, environ={"LANGUAGE": "ja:pt_BR", "LANG": "en_US"}) == "pt_BR"


def test_a_language_asked_for_but_not_spoken_is_refused_with_the_choices() -> None:
    with pytest.raises(UnknownLanguage) as caught:
        choose_language("tlh", environ={})
    assert "“tlh”" in str(caught.value) and "es (Español)" in str(caught.value)


def test_a_damaged_preference_file_falls_back_quietly(tmp_path: Path) -> None:
    path = tmp_path / "language"
    path.write_bytes(b"\xff\xfe garbage")
    assert LanguagePreference(path).load() == ""


def test_the_cli_speaks_the_language_of_lang(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "es", "sessions", "--to", "9999-12-31"]) == 1
    assert "está demasiado lejos" in capsys.readouterr().err


def test_argparse_own_words_are_translated_too(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "de", "export"])
    err = capsys.readouterr().err
    assert "Aufruf:" in err and "Fehler: folgende Argumente fehlen: -o/--output" in err


def test_circlekeeper_lang_drives_the_cli_and_a_bad_one_exits_with_a_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(
        "circlekeeper.cli.LanguagePreference", lambda: LanguagePreference(tmp_path / "language")
    )
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("CIRCLEKEEPER_LANG", "fr")
    assert main(["sessions", "--to", "2026-01-01", "--from", "2026-02-01"]) == 1
    assert "--to est antérieur à --from" in capsys.readouterr().err
    monkeypatch.setenv("CIRCLEKEEPER_LANG", "xx")
    assert main(["sessions"]) == 2
    # refused in the language the person would otherwise get (here the system's: English)
    assert "CIRCLEKEEPER_LANG asks for the language “xx”" in capsys.readouterr().err


def test_lang_also_works_after_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sessions", "--to", "9999-12-31", "--lang=fr"]) == 1
    assert "est trop loin dans le futur" in capsys.readouterr().err
    assert main(["sessions", "--lang", "de", "--to", "9999-12-31"]) == 1
    assert "liegt zu weit in der Zukunft" in capsys.readouterr().err
