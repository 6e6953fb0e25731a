"""The library: queries, hiding, favourites, custom prompts and copies of shipped ones."""

from __future__ import annotations

from dataclasses import replace

import pytest

from circlekeeper.prompts import DuplicatePrompt, PromptQuery, PromptRejected
from circlekeeper.prompts.errors import PromptNotFound
from circlekeeper.session.prompts import Intensity, Principle, Prompt, PromptCategory

WEATHER = "check-in:inner-weather"


def own(text: str, **kw) -> Prompt:
    fields = dict(
        prompt_id="",
        text=text,
        category=PromptCategory.CHECK_IN,
        intensity=Intensity.LIGHT,
        principles=frozenset({Principle.RESPECT}),
        tags=frozenset({"mine"}),
    )
    fields.update(kw)
    return Prompt(**fields)


def test_query_filters_combine(library) -> None:
    found = library.prompts(
        PromptQuery(
            categories=frozenset({PromptCategory.CHECK_OUT}),
            intensities=frozenset({Intensity.LIGHT}),
            tags=frozenset({"Metaphor "}),
            first_meeting=True,
        )
    )
    assert found
    for prompt in found:
        assert prompt.category is PromptCategory.CHECK_OUT
        assert prompt.intensity is Intensity.LIGHT and prompt.first_meeting
        assert "metaphor" in prompt.tags


def test_text_search_matches_words_in_text_or_tags_ignoring_case(library) -> None:
    assert [p.prompt_id for p in library.prompts(PromptQuery(text="INNER   weather"))] == [
        WEATHER,
        "check-out:weather-now",
    ]
    by_tag = library.prompts(PromptQuery(text="gratitude"))
    assert any("gratitude" in p.tags and "gratitude" not in p.text.lower() for p in by_tag)
    assert library.prompts(PromptQuery(text="zzzz-nothing")) == []


def test_hidden_prompts_never_show_but_can_be_listed_to_unhide(library) -> None:
    library.set_hidden(WEATHER, True)
    assert WEATHER not in {p.prompt_id for p in library.prompts()}
    assert WEATHER in {p.prompt_id for p in library.prompts(PromptQuery(include_hidden=True))}
    library.set_hidden(WEATHER, False)
    assert WEATHER in {p.prompt_id for p in library.prompts()}


def test_favourites_only(library) -> None:
    library.set_favourite(WEATHER, True)
    assert [p.prompt_id for p in library.prompts(PromptQuery(favourites_only=True))] == [WEATHER]
    assert library.is_favourite(WEATHER)


def test_custom_prompt_any_script_is_added_searchable_and_archivable(library) -> None:
    saved = library.add_custom(own("كيف حالك اليوم؟ 🌱 <b>&</b>", tags=frozenset({"عربي"})))
    assert saved.prompt_id.startswith("custom:") and saved.custom
    assert library.prompts(PromptQuery(text="حالك")) == [saved]
    library.set_archived(saved.prompt_id, True)
    assert library.prompts(PromptQuery(text="حالك")) == []
    assert library.prompts(PromptQuery(text="حالك", include_archived=True))[0].archived


def test_duplicate_or_empty_custom_prompts_are_refused(library) -> None:
    shipped_text = library.get(WEATHER).text
    with pytest.raises(DuplicatePrompt) as caught:
        library.add_custom(own(shipped_text.upper()))
    assert WEATHER in str(caught.value)
    with pytest.raises(PromptRejected):
        library.add_custom(own("   "))


def test_editing_a_shipped_prompt_makes_a_custom_copy_that_replaces_it(library, repo) -> None:
    original = library.get(WEATHER)
    copy = library.edit(original, replace(original, text="What's your weather inside today?"))
    assert copy.custom and copy.based_on == WEATHER and copy.prompt_id.startswith("custom:")
    assert library.get(WEATHER).text == original.text  # shipped one untouched
    visible = {p.prompt_id for p in library.prompts()}
    assert copy.prompt_id in visible and WEATHER not in visible
    library.set_archived(copy.prompt_id, True)  # archiving the copy brings the original back
    assert WEATHER in {p.prompt_id for p in library.prompts()}


def test_editing_a_custom_prompt_updates_it_in_place(library) -> None:
    saved = library.add_custom(own("First version"))
    edited = library.edit(saved, replace(saved, text="Second version"))
    assert edited.prompt_id == saved.prompt_id
    assert [p.text for p in library.prompts(PromptQuery(custom_only=True))] == ["Second version"]


def test_archiving_a_shipped_prompt_hides_it(library) -> None:
    library.set_archived(WEATHER, True)
    assert library.is_hidden(WEATHER)


def test_unknown_ids_are_a_readable_error(library) -> None:
    with pytest.raises(PromptNotFound, match="not in the library"):
        library.get("nope:nothing")


def test_match_text_recognises_typed_library_prompts(library) -> None:
    original = library.get(WEATHER)
    assert library.match_text("  " + original.text.lower() + " ") == original
    assert library.match_text("Something nobody wrote") is None


def test_tags_lists_visible_tags_sorted(library) -> None:
    tags = library.tags()
    assert tags == sorted(tags) and "metaphor" in tags and len(tags) > 20
