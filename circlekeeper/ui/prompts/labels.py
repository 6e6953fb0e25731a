"""Words for prompt fields as people read them (shared by the browser, editor and picker).

Functions, not constants: each call speaks the active language, so a browser opened after
the facilitator switched language shows the new words.
"""

from __future__ import annotations

from circlekeeper.i18n import _, pgettext
from circlekeeper.i18n.formats import format_list
from circlekeeper.i18n.typed_lists import join_typed
from circlekeeper.prompts.tag_names import tag_names
from circlekeeper.session.prompts import Intensity, Principle, Prompt, PromptCategory


def category_names() -> dict[PromptCategory, str]:
    return {
        PromptCategory.CHECK_IN: pgettext("prompt category", "Check-in"),
        PromptCategory.SHARING: pgettext("prompt category", "Sharing and deepening"),
        PromptCategory.CHECK_OUT: pgettext("prompt category", "Check-out"),
        PromptCategory.CELEBRATION: pgettext("prompt category", "Celebration and gratitude"),
        PromptCategory.HOPE: pgettext("prompt category", "Hope and growth"),
    }


def intensity_names() -> dict[Intensity, str]:
    # Translators: how deep a prompt goes (light, medium, deep), shown in a list of depths.
    return {
        Intensity.LIGHT: pgettext("prompt depth", "Light"),
        Intensity.MEDIUM: pgettext("prompt depth", "Medium"),
        Intensity.DEEP: pgettext("prompt depth", "Deep"),
    }


def principle_names() -> dict[Principle, str]:
    # Translators: the peer-support principles a prompt serves.
    return {
        Principle.MUTUALITY: pgettext("principle", "Mutuality"),
        Principle.RESPECT: pgettext("principle", "Respect"),
        Principle.LIVED_EXPERIENCE: pgettext("principle", "Lived experience"),
        Principle.EMPOWERMENT: pgettext("principle", "Empowerment"),
    }


def principle_keys() -> dict[Principle, str]:
    """The principles on the prompt editor's tick boxes, each with its Alt+letter."""
    # Translators: & marks the Alt+letter; each must differ from the prompt editor's others.
    return {
        Principle.MUTUALITY: pgettext("principle tick box", "&Mutuality"),
        Principle.RESPECT: pgettext("principle tick box", "&Respect"),
        Principle.LIVED_EXPERIENCE: pgettext("principle tick box", "&Lived experience"),
        Principle.EMPOWERMENT: pgettext("principle tick box", "&Empowerment"),
    }


def passing_note() -> str:
    return _("Anyone may pass, and passing needs no reason.")


def _depth(intensity: Intensity) -> str:
    """The depth as part of a line of facts (whole phrases: adjectives agree differently)."""
    words = {
        Intensity.LIGHT: _("light depth"),
        Intensity.MEDIUM: _("medium depth"),
        Intensity.DEEP: _("deep depth"),
    }
    return words[intensity]


def describe(prompt: Prompt) -> str:
    """One plain line of facts about a prompt for the preview and tooltips."""
    parts = [
        category_names()[prompt.category],
        _depth(prompt.intensity),
        _("suits a first meeting")
        if prompt.first_meeting
        else _("for circles that know each other"),
    ]
    names = principle_names()
    principles = format_list(names[p] for p in Principle if p in prompt.principles)
    line = " · ".join(parts)
    if principles:
        line += "\n" + _("Serves: {principles}").format(principles=principles)
    if prompt.tags:
        line += "\n" + _("Tags: {tags}").format(tags=join_typed(tag_names(prompt.tags)))
    return line


def origin(prompt: Prompt, based_on_text: str = "") -> str:
    """Where a prompt comes from, in a facilitator's words: the words of the prompt it was
    based on, never an internal id (that is :func:`technical_id`, for a tooltip)."""
    if prompt.custom and prompt.based_on:
        if based_on_text:
            return _("Your own version of “{prompt}”").format(prompt=based_on_text)
        return _("Your own version of a prompt shipped with CircleKeeper")
    if prompt.custom:
        if prompt.deck not in ("", "custom"):
            return _("Your own prompt (from the deck “{deck}”)").format(deck=prompt.deck)
        return _("Your own prompt")
    return _("Shipped with CircleKeeper")


def technical_id(prompt: Prompt) -> str:
    """The prompt's id (and the one it was based on), for power users: in a tooltip only."""
    lines = [_("Prompt id: {id}").format(id=prompt.prompt_id)] if prompt.prompt_id else []
    if prompt.based_on:
        lines.append(_("Based on: {id}").format(id=prompt.based_on))
    return "\n".join(lines)
