"""``circlekeeper prompts check|list``: one readable line on failure, never a traceback."""

from __future__ import annotations

from circlekeeper.cli import main


def test_check_shipped_decks(capsys) -> None:
    assert main(["prompts", "check"]) == 0
    out = capsys.readouterr().out
    assert "check-in.toml: 36 prompts, all fine" in out
    assert "ar/check-in.toml: 36 prompts, all fine" in out, "translations are checked too"
    assert out.count("all fine") == 5 * 6


def test_list_speaks_the_language_of_lang(capsys) -> None:
    assert main(["--lang", "de", "prompts", "list", "--category", "check-in"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("check-in:one-word-arriving\tlight\tMit ein, zwei Worten")


def test_check_a_broken_file_names_the_problem(tmp_path, capsys) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[deck]\nid = "mine"\ntitle = "M"\n[[prompts]]\nslug = "a"\n', "utf-8")
    assert main(["prompts", "check", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("circlekeeper: The deck “mine.toml”, prompt 1 (“a”), field “text”")
    assert "Traceback" not in err and err.count("\n") == 0


def test_list_filters(capsys) -> None:
    assert main(["prompts", "list", "--category", "check-out", "--search", "weather"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines == [
        "check-out:weather-now\tlight\tHas your inner weather changed since we started? "
        "Same, brighter, cloudier: all fine."
    ]
