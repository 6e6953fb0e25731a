"""Errors about prompt decks and the prompt library that a facilitator can act on."""

from __future__ import annotations

from circlekeeper.errors import UserFacingError


class DeckError(UserFacingError):
    """A deck file is unreadable or breaks a rule; the message names the file, prompt and field.

    The parts are kept as attributes too, so the UI can point at the offending prompt and tests
    can check *which* rule fired without matching whole sentences.
    """

    def __init__(
        self, problem: str, *, source: str = "", prompt: str = "", field: str = ""
    ) -> None:
        self.problem = problem
        self.source = source
        self.prompt = prompt
        self.field = field
        where = []
        if source:
            where.append(f"The deck “{source}”")
        else:
            where.append("The deck")
        if prompt:
            where.append(f"prompt {prompt}")
        if field:
            where.append(f"field “{field}”")
        super().__init__(f"{', '.join(where)}: {problem}")


class PromptNotFound(UserFacingError):
    """A prompt id that is in neither the shipped decks nor the custom prompts."""

    def __init__(self, prompt_id: str) -> None:
        self.prompt_id = prompt_id
        super().__init__(f"The prompt “{prompt_id}” is not in the library any more.")


class PromptRejected(UserFacingError):
    """A prompt the facilitator typed cannot be saved as it is."""


class DuplicatePrompt(PromptRejected):
    """The same words are already in the library (case and spacing ignored)."""

    def __init__(self, twin: object) -> None:
        self.twin = twin
        prompt_id = getattr(twin, "prompt_id", "")
        super().__init__(
            f"A prompt with the same words is already in the library (“{prompt_id}”); "
            "favourite or edit that one instead."
        )
