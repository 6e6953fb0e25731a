"""Lists typed into one field split on any keyboard's comma and show the language's."""

from __future__ import annotations

import pytest

from circlekeeper.i18n import use_language
from circlekeeper.i18n.typed_lists import join_typed, list_separator, split_typed


@pytest.mark.parametrize(
    ("typed", "items"),
    [
        ("Amal، Noor", ["Amal", "Noor"]),  # Arabic comma U+060C
        ("小明，小红", ["小明", "小红"]),  # full-width comma U+FF0C
        ("さくら、ゆき", ["さくら", "ゆき"]),  # ideographic comma U+3001
        (" Ana , , Bo ,Chen", ["Ana", "Bo", "Chen"]),
        ("Marie-Claire O'Neil", ["Marie-Claire O'Neil"]),  # kept as typed otherwise
    ],
)
def test_any_comma_separates_and_each_item_is_kept_as_typed(typed: str, items: list[str]) -> None:
    assert split_typed(typed) == items


@pytest.mark.parametrize(
    ("language", "separator"),
    [("en", ", "), ("es", ", "), ("fr", ", "), ("de", ", "), ("pt_BR", ", "), ("ar", "، ")],
)
def test_a_list_shows_with_the_languages_comma_and_splits_back(
    language: str, separator: str
) -> None:
    use_language(language)
    assert list_separator() == separator
    shown = join_typed(["نور", "Amal", "Jonas"])
    assert shown == separator.join(["نور", "Amal", "Jonas"])
    assert split_typed(shown) == ["نور", "Amal", "Jonas"]
