"""Words for prompt fields as people read them (shared by the browser, editor and picker)."""

from __future__ import annotations

from circlekeeper.session.prompts import Intensity, Principle, Prompt, PromptCategory

CATEGORY_NAMES = {
    PromptCategory.CHECK_IN: "Check-in",
    PromptCategory.SHARING: "Sharing and deepening",
    PromptCategory.CHECK_OUT: "Check-out",
    PromptCategory.CELEBRATION: "Celebration and gratitude",
    PromptCategory.HOPE: "Hope and growth",
}
INTENSITY_NAMES = {
    Intensity.LIGHT: "Light",
    Intensity.MEDIUM: "Medium",
    Intensity.DEEP: "Deep",
}
PRINCIPLE_NAMES = {
    Principle.MUTUALITY: "Mutuality",
    Principle.RESPECT: "Respect",
    Principle.LIVED_EXPERIENCE: "Lived experience",
    Principle.EMPOWERMENT: "Empowerment",
}
PASSING_NOTE = "Anyone may pass, and passing needs no reason."


def describe(prompt: Prompt) -> str:
    """One plain line of facts about a prompt for the preview and tooltips."""
    parts = [
        CATEGORY_NAMES[prompt.category],
        f"{INTENSITY_NAMES[prompt.intensity].lower()} depth",
        "suits a first meeting" if prompt.first_meeting else "for circles that know each other",
    ]
    principles = ", ".join(PRINCIPLE_NAMES[p].lower() for p in Principle if p in prompt.principles)
    line = " · ".join(parts)
    if principles:
        line += f"\nServes: {principles}"
    if prompt.tags:
        line += f"\nTags: {', '.join(sorted(prompt.tags))}"
    return line


def origin(prompt: Prompt, based_on_text: str = "") -> str:
    """Where a prompt comes from, in a facilitator's words: the words of the prompt it was
    based on, never an internal id (that is :func:`technical_id`, for a tooltip)."""
    if prompt.custom and prompt.based_on:
        if based_on_text:
            return f"Your own version of “{based_on_text}”"
        return "Your own version of a prompt shipped with CircleKeeper"
    if prompt.custom:
        return "Your own prompt" + (
            f" (from the deck “{prompt.deck}”)" if prompt.deck not in ("", "custom") else ""
        )
    return "Shipped with CircleKeeper"


def technical_id(prompt: Prompt) -> str:
    """The prompt's id (and the one it was based on), for power users: in a tooltip only."""
    line = f"Prompt id: {prompt.prompt_id}" if prompt.prompt_id else ""
    if prompt.based_on:
        line += f"\nBased on: {prompt.based_on}"
    return line.strip()
