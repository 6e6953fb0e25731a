"""The prompt library: shipped decks plus the facilitator's own prompts, with their marks.

Shipped prompts are never changed: hiding them is a preference, and editing one saves a
custom copy whose ``based_on`` names the original; while that copy is live the original steps
aside, so the facilitator sees their version only. Hidden prompts are never offered (not in
queries, not in draws) unless a caller explicitly asks for them, e.g. to un-hide.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from circlekeeper.i18n import _
from circlekeeper.prompts.deck import Deck, normalize_tag, normalized_text
from circlekeeper.prompts.errors import DeckError, DuplicatePrompt, PromptNotFound, PromptRejected
from circlekeeper.prompts.repository import PromptRepository
from circlekeeper.prompts.tag_names import tag_name
from circlekeeper.session.prompts import (
    Intensity,
    Prompt,
    PromptCategory,
    PromptPreferences,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PromptQuery:
    """A filter over the library; empty fields mean "any".

    ``tags`` match when a prompt has *any* of them; ``text`` matches when every word appears
    in the prompt's text or tags (case and accents as typed are folded with NFKC+casefold).
    """

    categories: frozenset[PromptCategory] = frozenset()
    tags: frozenset[str] = frozenset()
    intensities: frozenset[Intensity] = frozenset()
    first_meeting: bool = False
    """True: only prompts that suit a circle's first meeting."""
    text: str = ""
    favourites_only: bool = False
    custom_only: bool = False
    include_hidden: bool = False
    include_archived: bool = False


class PromptLibrary:
    """Everything a facilitator can pick from. Reads the repository once, then caches; its own
    mutations refresh the cache, and :meth:`refresh` re-reads after changes made elsewhere."""

    def __init__(self, decks: Sequence[Deck], repository: PromptRepository) -> None:
        self._decks = tuple(decks)
        self._repository = repository
        self._shipped = {p.prompt_id: p for deck in self._decks for p in deck.prompts}
        self._custom: dict[str, Prompt] = {}
        self._preferences = PromptPreferences()
        self._search_keys: dict[str, str] = {}
        self.refresh()

    # ------------------------------------------------------------------ reading

    @property
    def decks(self) -> tuple[Deck, ...]:
        return self._decks

    @property
    def repository(self) -> PromptRepository:
        return self._repository

    def refresh(self) -> None:
        self._custom = {p.prompt_id: p for p in self._repository.custom_prompts()}
        self._preferences = self._repository.preferences()
        self._search_keys = {
            p.prompt_id: normalized_text(
                " ".join([p.text, *sorted(p.tags), *(tag_name(tag) for tag in sorted(p.tags))])
            )
            for p in self._everything()
        }

    def _everything(self) -> Iterable[Prompt]:
        yield from self._shipped.values()
        yield from self._custom.values()

    def preferences(self) -> PromptPreferences:
        return self._preferences

    def get(self, prompt_id: str) -> Prompt:
        prompt = self._shipped.get(prompt_id) or self._custom.get(prompt_id)
        if prompt is None:
            raise PromptNotFound(prompt_id)
        return prompt

    def is_favourite(self, prompt_id: str) -> bool:
        return prompt_id in self._preferences.favourites

    def is_hidden(self, prompt_id: str) -> bool:
        return prompt_id in self._preferences.hidden

    def superseded(self) -> frozenset[str]:
        """Shipped ids that a live (unarchived) custom copy replaces."""
        return frozenset(p.based_on for p in self._custom.values() if p.based_on and not p.archived)

    def prompts(self, query: PromptQuery | None = None) -> list[Prompt]:
        """Prompts matching ``query`` in a stable order: category, then deck order, customs last."""
        query = query or PromptQuery()
        words = normalized_text(query.text).split()
        tags = frozenset(normalize_tag(t) for t in query.tags)
        hidden = self._preferences.hidden
        superseded = self.superseded()
        order = {category: n for n, category in enumerate(PromptCategory)}
        found = []
        for position, prompt in enumerate(self._everything()):
            if not query.include_hidden and (
                prompt.prompt_id in hidden or prompt.prompt_id in superseded
            ):
                continue
            if prompt.archived and not query.include_archived:
                continue
            if query.categories and prompt.category not in query.categories:
                continue
            if query.intensities and prompt.intensity not in query.intensities:
                continue
            if query.first_meeting and not prompt.first_meeting:
                continue
            if tags and not tags & prompt.tags:
                continue
            if query.favourites_only and prompt.prompt_id not in self._preferences.favourites:
                continue
            if query.custom_only and not prompt.custom:
                continue
            if words:
                key = self._search_keys.get(prompt.prompt_id, "")
                if not all(word in key for word in words):
                    continue
            found.append((order[prompt.category], prompt.custom, position, prompt))
        found.sort(key=lambda row: row[:3])
        return [row[3] for row in found]

    def tags(self) -> list[str]:
        """Every tag in use by a visible prompt, sorted, for filter menus."""
        return sorted({tag for p in self.prompts() for tag in p.tags})

    def match_text(self, text: str) -> Prompt | None:
        """The library prompt with this text (ignoring case and spacing), if any: how a typed or
        edited round prompt is recognised when its use is recorded."""
        key = normalized_text(text)
        if not key:
            return None
        for prompt in self._everything():
            if normalized_text(prompt.text) == key:
                return prompt
        return None

    # ------------------------------------------------------------------ marks

    def set_favourite(self, prompt_id: str, on: bool) -> None:
        self.get(prompt_id)
        self._repository.set_favourite(prompt_id, on)
        self.refresh()

    def set_hidden(self, prompt_id: str, on: bool) -> None:
        self.get(prompt_id)
        self._repository.set_hidden(prompt_id, on)
        self.refresh()

    # ------------------------------------------------------------------ custom prompts

    def add_custom(self, prompt: Prompt) -> Prompt:
        """Save a new prompt of the facilitator's own; refuses an exact duplicate text."""
        self._refuse_duplicate(prompt.text, ignore=None)
        saved = self._repository.save_custom(
            replace(prompt, prompt_id="", custom=True, deck=prompt.deck or "custom")
        )
        log.info("custom prompt %s added", saved.prompt_id)
        self.refresh()
        return saved

    def edit(self, original: Prompt, changed: Prompt) -> Prompt:
        """Save ``changed`` as the new version of ``original``.

        A custom prompt is updated in place. A shipped prompt is never edited: the change is
        saved as a custom copy that records ``based_on`` (and then replaces it in the library).
        """
        self._refuse_duplicate(changed.text, ignore=original.prompt_id)
        if original.custom:
            saved = self._repository.save_custom(
                replace(changed, prompt_id=original.prompt_id, custom=True, deck=original.deck)
            )
        else:
            saved = self._repository.save_custom(
                replace(
                    changed,
                    prompt_id="",
                    custom=True,
                    deck="custom",
                    based_on=original.prompt_id,
                    archived=False,
                )
            )
            log.info("shipped prompt %s copied to %s", original.prompt_id, saved.prompt_id)
        self.refresh()
        return saved

    def set_archived(self, prompt_id: str, archived: bool) -> None:
        """Archive a custom prompt (shipped ones are hidden instead, which is reversible too)."""
        prompt = self.get(prompt_id)
        if not prompt.custom:
            self.set_hidden(prompt_id, archived)
            return
        self._repository.set_archived(prompt_id, archived)
        self.refresh()

    def _refuse_duplicate(self, text: str, *, ignore: str | None) -> None:
        key = normalized_text(text)
        if not key:
            raise PromptRejected(_("A prompt needs some words; type what you would like to ask."))
        superseded = self.superseded()
        for prompt in self._everything():
            if prompt.prompt_id in (ignore, None) or prompt.archived:
                continue
            if prompt.prompt_id in superseded and prompt.prompt_id != ignore:
                continue
            if normalized_text(prompt.text) == key:
                raise DuplicatePrompt(prompt)

    def import_deck(self, deck: Deck) -> list[Prompt]:
        """Add every prompt of ``deck`` as custom prompts, all or nothing.

        Everything is checked before anything is saved (a text already in the library is refused,
        naming the prompt), and the repository saves the batch in one transaction.
        """
        existing = {normalized_text(p.text): p for p in self._everything() if not p.archived}
        for number, prompt in enumerate(deck.prompts, 1):
            twin = existing.get(normalized_text(prompt.text))
            if twin is not None:
                raise DeckError(
                    _(
                        "is already in your library (as “{prompt}”); remove it from the file or"
                        " archive the one in the library, then import again."
                    ).format(prompt=twin.prompt_id),
                    source=deck.source,
                    prompt=f"{number} (“{prompt.prompt_id.split(':', 1)[-1]}”)",
                    field="text",
                )
        batch = [replace(p, prompt_id="", custom=True, deck=deck.deck_id) for p in deck.prompts]
        saved = self._repository.import_custom(batch)
        log.info("imported %d prompts from deck %s", len(saved), deck.deck_id)
        self.refresh()
        return saved
