"""Errors about prompt decks and the prompt library that a facilitator can act on."""

from __future__ import annotations

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _


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
        where = [_("The deck “{deck}”").format(deck=source) if source else _("The deck")]
        if prompt:
            where.append(_("prompt {prompt}").format(prompt=prompt))
        if field:
            where.append(_("field “{field}”").format(field=field))
        super().__init__(f"{', '.join(where)}: {problem}")


class PromptNotFound(UserFacingError):
    """A prompt id that is in neither the shipped decks nor the custom prompts."""

    def __init__(self, prompt_id: str) -> None:
        self.prompt_id = prompt_id
        super().__init__(
            _("The prompt “{prompt}” is not in the library any more.").format(prompt=prompt_id)
        )


class PromptRejected(UserFacingError):
    """A prompt the facilitator typed cannot be saved as it is."""


class DuplicatePrompt(PromptRejected):
    """The same words are already in the library (case and spacing ignored)."""

    def __init__(self, twin: object) -> None:
        self.twin = twin
        prompt_id = getattr(twin, "prompt_id", "")
        super().__init__(
            _(
                "A prompt with the same words is already in the library (“{prompt}”); favourite"
                " or edit that one instead."
            ).format(prompt=prompt_id)
        )
