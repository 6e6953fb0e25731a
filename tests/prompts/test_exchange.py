"""Custom decks: import all or nothing with clear errors; export in the same format."""

from __future__ import annotations

from pathlib import Path

import pytest

from circlekeeper.prompts import (
    DeckError,
    PromptQuery,
    export_deck_file,
    import_deck_file,
    read_deck_file,
)
from circlekeeper.session.prompts import Intensity, Principle, Prompt, PromptCategory

DECK = """
[deck]
id = "garden-circle"
title = "Garden circle 🌱"

[[prompts]]
slug = "first"
text = "What's growing in your garden, real or imagined?"
category = "hope"
intensity = "light"
principles = ["empowerment"]
first_meeting = true
tags = ["nature", "Garden"]

[[prompts]]
slug = "second"
text = "ما الذي يزهر في حياتك هذا الأسبوع؟"
category = "celebration"
intensity = "medium"
principles = ["mutuality", "lived-experience"]
tags = ["عربي"]

[[prompts]]
slug = "third"
text = "你今天带来了什么？"
category = "check-in"
intensity = "light"
principles = ["respect"]
tags = []
"""


def write(tmp_path: Path, text: str, name: str = "garden.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def custom_count(library) -> int:
    return len(library.prompts(PromptQuery(custom_only=True, include_archived=True)))


def test_import_adds_every_prompt_as_custom(library, tmp_path) -> None:
    saved = import_deck_file(library, write(tmp_path, DECK))
    assert [p.prompt_id for p in saved] == ["custom:1", "custom:2", "custom:3"]
    assert all(p.custom and p.deck == "garden-circle" for p in saved)
    assert library.prompts(PromptQuery(text="你今天"))[0].category is PromptCategory.CHECK_IN
    assert saved[0].tags == frozenset({"nature", "garden"})


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda t: t.replace('"hope"', '"hopeful"'), "category"),
        (lambda t: t.replace('slug = "third"\n', ""), "slug"),
        (lambda t: t.replace("tags = []", "tags = [ "), ""),
        (lambda t: t.replace('"third"', '"first"'), "slug"),
        (
            lambda t: t.replace(
                "你今天带来了什么？", "What's growing in your garden, REAL or imagined?"
            ),
            "text",
        ),
    ],
    ids=["unknown-category", "missing-field", "bad-toml", "duplicate-slug", "duplicate-text"],
)
def test_a_bad_file_imports_nothing_and_names_the_problem(library, tmp_path, change, field) -> None:
    with pytest.raises(DeckError) as caught:
        import_deck_file(library, write(tmp_path, change(DECK)))
    assert caught.value.field == field
    assert "garden.toml" in str(caught.value)
    assert custom_count(library) == 0


def test_a_prompt_already_in_the_library_blocks_the_whole_import(library, tmp_path) -> None:
    shipped = library.get("hope:small-hope").text
    text = DECK.replace("你今天带来了什么？", shipped)
    with pytest.raises(DeckError) as caught:
        import_deck_file(library, write(tmp_path, text))
    assert "already in your library" in str(caught.value) and "hope:small-hope" in str(caught.value)
    assert "“third”" in caught.value.prompt
    assert custom_count(library) == 0


def test_a_storage_failure_half_way_leaves_nothing_behind(library, repo, tmp_path) -> None:
    repo.fail_next_import = True
    with pytest.raises(OSError):
        import_deck_file(library, write(tmp_path, DECK))
    library.refresh()
    assert custom_count(library) == 0
    assert len(import_deck_file(library, write(tmp_path, DECK))) == 3


def test_unreadable_files_are_deck_errors(tmp_path) -> None:
    with pytest.raises(DeckError, match="could not be read"):
        read_deck_file(tmp_path / "missing.toml")
    latin = tmp_path / "latin.toml"
    latin.write_bytes(DECK.replace("[deck]", "# caf\xe9\n[deck]").encode("latin-1", "replace"))
    with pytest.raises(DeckError, match="not UTF-8"):
        read_deck_file(latin)
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * 3_000_000)
    with pytest.raises(DeckError, match="too large"):
        read_deck_file(big)


def test_export_then_import_gives_the_same_prompts(library, repo, tmp_path) -> None:
    mine = [
        library.add_custom(
            Prompt(
                "",
                text,
                PromptCategory.SHARING,
                Intensity.DEEP,
                frozenset({Principle.RESPECT}),
                tags=frozenset({"mine"}),
            )
        )
        for text in ['Say "hello" \\ wave', "<b>bold</b> & 🌈", "x" * 900]
    ]
    shipped = library.get("check-out:taking-with-you")
    target = tmp_path / "out.toml"
    export_deck_file(target, [*mine, shipped], deck_id="tuesday", title="Tuesday's own")
    deck = read_deck_file(target)
    assert deck.title == "Tuesday's own"
    assert [p.text for p in deck.prompts] == [p.text for p in [*mine, shipped]]
    assert deck.prompts[3].prompt_id == "tuesday:taking-with-you"
    assert len({p.prompt_id for p in deck.prompts}) == 4
    for prompt in mine:  # archive the originals, then the file imports cleanly elsewhere
        library.set_archived(prompt.prompt_id, True)
    library.set_hidden(shipped.prompt_id, True)
    with pytest.raises(DeckError, match="already in your library"):
        import_deck_file(library, target)  # the shipped one is hidden, not gone


def test_export_to_a_missing_folder_is_a_readable_error(library, tmp_path) -> None:
    with pytest.raises(DeckError, match="could not be saved"):
        export_deck_file(tmp_path / "no" / "such.toml", [library.get("hope:small-hope")])
    assert not (tmp_path / "no").exists()
