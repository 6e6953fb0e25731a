"""Text in a session file that is not text, keys given twice, and texts too long to be words."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.session.interchange.session_file import (
    InvalidSessionFile,
    document_from_log,
    dump_session,
    load_session,
)


def sample() -> dict:
    session = CircleSession(FakeClock())
    session.start("Tuesday", [Participant("a", "Ana"), Participant("b", "Bo")], ["Sam"])
    session.end_session()
    return json.loads(dump_session(document_from_log(session.log)))


def refused(text: str) -> str:
    with pytest.raises(InvalidSessionFile) as refusal:
        load_session(text)
    return str(refusal.value)


@pytest.mark.parametrize(
    ("escaped", "expected"),
    [
        ("\\ud800", "people[0].name: contains an unpaired surrogate (\\ud800)"),
        ("\\udfff", "people[0].name: contains an unpaired surrogate (\\udfff)"),
        ("\\u0000", "people[0].name: contains a NUL character"),
    ],
)
def test_text_that_is_not_text_is_refused_with_its_place(escaped: str, expected: str) -> None:
    text = json.dumps(sample()).replace('"Ana"', f'"A{escaped}na"', 1)
    assert expected in refused(text)


def test_a_paired_surrogate_is_an_ordinary_character() -> None:
    text = json.dumps(sample()).replace('"Ana"', '"Ana \\ud83c\\udf3b"')
    doc = load_session(text)
    assert doc.people[0].name == "Ana 🌻"


def test_not_text_in_a_key_or_deep_in_the_log_is_refused_too() -> None:
    text = json.dumps(sample()).replace('"circle"', '"circ\\ud800le"', 1)
    assert "(a key): contains an unpaired surrogate" in refused(text)
    data = sample()
    data["events"][0]["payload"]["participants"][1]["name"] = "B\x00o"
    assert "events[0].payload.participants[1].name: contains a NUL" in refused(json.dumps(data))


def test_a_key_given_twice_is_refused() -> None:
    text = json.dumps(sample())
    text = text.replace('"circle": "Tuesday"', '"circle": "Tuesday", "circle": "Other"', 1)
    assert "the key 'circle' appears twice in one object" in refused(text)


def test_texts_are_capped() -> None:
    data = sample()
    data["shareable_summary"] = "w" * 200_000
    load_session(json.dumps(data))
    data["shareable_summary"] = "w" * 200_001
    # Digits without grouping: "200,001" would read as two hundred point 001 in German, and
    # the session core has no CLDR data to group them the reader's way.
    assert "shareable_summary: is 200001 characters long; at most 200000" in refused(
        json.dumps(data)
    )
    data = sample()
    data["people"][0]["name"] = "n" * 20_001
    assert "people[0].name: is 20001 characters long" in refused(json.dumps(data))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, categories=None), max_size=12))
def test_any_string_anywhere_is_accepted_or_refused_never_crashes(words: str) -> None:
    data = sample()
    data["people"][1]["name"] = words
    data["events"][0]["payload"]["participants"][1]["name"] = words
    text = json.dumps(data)  # ensure_ascii: surrogates travel as escapes, as in a hostile file
    try:
        load_session(text)
    except InvalidSessionFile as refusal:
        assert str(refusal).startswith("This is not a valid CircleKeeper session file")


def test_the_command_line_refuses_in_one_line(tmp_path: Path) -> None:
    file = tmp_path / "odd.json"
    file.write_text(json.dumps(sample()).replace('"Ana"', '"A\\ud800na"', 1), "utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "circlekeeper",
            "--db",
            str(tmp_path / "db.sqlite3"),
            "import",
            str(file),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert "unpaired surrogate" in done.stderr
