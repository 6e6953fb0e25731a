"""Drawing a prompt for a round: fresh for this circle, leaning towards favourites, seeded.

The rules, in order:

1. Candidates are the visible library prompts matching the request (category, tags, intensity,
   first meeting), minus anything excluded (a rejected draw, prompts already dealt this round).
   If nothing matches, the filters are widened one at a time (tags, then intensity, then first
   meeting) and the draw says so.
2. Prompts this circle heard in its last ``avoid_last`` sessions (by id, or by the same words if
   they were typed in) are set aside. If that leaves nothing, the prompts used longest ago are
   drawn from instead, and the draw says so.
3. Among what is left, favourites weigh ``favourite_weight`` times more than the rest.

Candidates are sorted by id before the random choice, so a seed gives the same draw whatever
order the repository returned things in.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from circlekeeper.i18n import _, ngettext, pgettext
from circlekeeper.i18n.formats import format_date, format_list
from circlekeeper.prompts.deck import normalized_text
from circlekeeper.prompts.library import PromptLibrary, PromptQuery
from circlekeeper.session.model import RoundKind
from circlekeeper.session.prompts import Intensity, Prompt, PromptCategory

DEFAULT_AVOID_LAST = 8
DEFAULT_FAVOURITE_WEIGHT = 3.0


class PromptMode(StrEnum):
    """How a round gets its prompt."""

    SHARED = "shared"
    """One prompt that everyone answers."""
    PER_PERSON = "per-person"
    """A different prompt for each person (some circles pass a card around)."""
    SKIP = "skip"
    """No prompt and no round: for a check-in, going straight to sharing."""


SKIP_CHECK_IN = PromptMode.SKIP
"""The choice to leave out the check-in round (see :func:`without_skipped`)."""

ROUND_CATEGORIES: dict[RoundKind, PromptCategory] = {
    RoundKind.CHECK_IN: PromptCategory.CHECK_IN,
    RoundKind.SHARING: PromptCategory.SHARING,
    RoundKind.CHECK_OUT: PromptCategory.CHECK_OUT,
}


@dataclass(frozen=True, slots=True)
class DrawRequest:
    categories: frozenset[PromptCategory] = frozenset()
    tags: frozenset[str] = frozenset()
    intensities: frozenset[Intensity] = frozenset()
    first_meeting: bool = False
    exclude: frozenset[str] = frozenset()
    """Prompt ids never to draw (the rejected one on a redraw)."""

    @classmethod
    def for_round(cls, kind: RoundKind, **kwargs: object) -> DrawRequest:
        """A request in the category that fits a round kind (any category for a custom round)."""
        category = ROUND_CATEGORIES.get(kind)
        categories = frozenset({category}) if category else frozenset()
        # kwargs are this class's other fields; mypy cannot check ``object`` against each one.
        return cls(categories=categories, **kwargs)  # type: ignore[arg-type]

    def browse_category(self) -> PromptCategory | None:
        """The category a browser opens on: the round's own, when it has exactly one."""
        return next(iter(self.categories)) if len(self.categories) == 1 else None

    def excluding(self, *prompt_ids: str) -> DrawRequest:
        return replace(self, exclude=self.exclude | frozenset(prompt_ids))

    def query(self) -> PromptQuery:
        return PromptQuery(
            categories=self.categories,
            tags=self.tags,
            intensities=self.intensities,
            first_meeting=self.first_meeting,
        )


@dataclass(frozen=True, slots=True)
class Draw:
    """A drawn prompt (or None) and, when the rules had to bend, a sentence saying how."""

    prompt: Prompt | None
    note: str = ""
    reused: bool = False
    """Every candidate was heard recently; this is the one heard longest ago."""
    widened: tuple[str, ...] = ()
    """Filters dropped to find anything at all ("tags", "intensity", "first meeting")."""


@dataclass(frozen=True, slots=True)
class RoundPrompts:
    """What a round will hear: one shared prompt, one per person, or nothing (skipped)."""

    mode: PromptMode
    shared: Draw | None = None
    per_person: dict[str, Draw] = field(default_factory=dict)


class PromptDrawer:
    def __init__(
        self,
        library: PromptLibrary,
        *,
        circle_id: int | None = None,
        avoid_last: int = DEFAULT_AVOID_LAST,
        favourite_weight: float = DEFAULT_FAVOURITE_WEIGHT,
        seed: int | None = None,
    ) -> None:
        if avoid_last < 0:
            raise ValueError("avoid_last cannot be negative")
        if favourite_weight <= 0:
            raise ValueError("favourite_weight must be positive")
        self._library = library
        self.circle_id = circle_id
        self.avoid_last = avoid_last
        self.favourite_weight = favourite_weight
        self._rng = random.Random(seed)

    # ------------------------------------------------------------------ history

    def recent_uses(self) -> tuple[dict[str, datetime], dict[str, datetime]]:
        """When each prompt (by id, and by words) was last heard in the last K sessions."""
        by_id: dict[str, datetime] = {}
        by_text: dict[str, datetime] = {}
        if self.circle_id is None or self.avoid_last == 0:
            return by_id, by_text
        uses = self._library.repository.uses_for_circle(
            self.circle_id, last_sessions=self.avoid_last
        )
        for when, use in uses:
            if use.prompt_id and (use.prompt_id not in by_id or by_id[use.prompt_id] < when):
                by_id[use.prompt_id] = when
            key = normalized_text(use.text)
            if key and (key not in by_text or by_text[key] < when):
                by_text[key] = when
        return by_id, by_text

    def heard_last_time(self, text: str) -> datetime | None:
        """When this circle's most recent session began, if it heard ``text`` (the same words,
        however spaced or cased); ``None`` otherwise.

        A prompt saved in the circle's plan fills *Start a circle* as it opens, and the draw's
        rule never reaches it: the plan's check-in, heard every week, came back unremarked.
        This asks the same history the draw reads, about the one prompt."""
        key = normalized_text(text)
        if self.circle_id is None or not key:
            return None
        uses = self._library.repository.uses_for_circle(self.circle_id, last_sessions=1)
        heard = [when for when, use in uses if normalized_text(use.text) == key]
        return max(heard) if heard else None

    def recognise(self, text: str) -> Prompt | None:
        """The library prompt with these words (a saved or typed prompt), if there is one."""
        return self._library.match_text(text) if text.strip() else None

    # ------------------------------------------------------------------ drawing

    def draw(self, request: DrawRequest) -> Draw:
        candidates, widened = self._candidates(request)
        if not candidates:
            return Draw(
                None,
                _(
                    "No prompt in the library fits this round; type one, or add your own in the"
                    " prompt browser."
                ),
                widened=widened,
            )
        by_id, by_text = self.recent_uses()

        def last_heard(prompt: Prompt) -> datetime | None:
            times = [
                t
                for t in (by_id.get(prompt.prompt_id), by_text.get(normalized_text(prompt.text)))
                if t
            ]
            return max(times) if times else None

        fresh = [p for p in candidates if last_heard(p) is None]
        notes = []
        if widened:
            filters = format_list(_filter_words(name) for name in widened)
            notes.append(
                ngettext(
                    "Nothing matched every filter, so {filters} was set aside.",
                    "Nothing matched every filter, so {filters} were set aside.",
                    len(widened),
                ).format(filters=filters)
            )
        reused = not fresh
        if fresh:
            pool = fresh
        else:
            # Nothing fresh: every candidate has been heard, so each has a time.
            oldest = min(heard for p in candidates if (heard := last_heard(p)) is not None)
            pool = [p for p in candidates if last_heard(p) == oldest]
            notes.append(
                ngettext(
                    "This circle has heard every fitting prompt in its last {count} session;"
                    " this one was heard longest ago ({day}).",
                    "This circle has heard every fitting prompt in its last {count} sessions;"
                    " this one was heard longest ago ({day}).",
                    self.avoid_last,
                ).format(count=self.avoid_last, day=format_date(oldest, "medium"))
            )
        return Draw(self._choose(pool), " ".join(notes), reused=reused, widened=widened)

    def redraw(self, request: DrawRequest, rejected: Prompt | str) -> Draw:
        """Another draw that never gives back the prompt just rejected."""
        prompt_id = rejected if isinstance(rejected, str) else rejected.prompt_id
        result = self.draw(request.excluding(prompt_id))
        if result.prompt is None:
            return Draw(None, _("There is no other prompt that fits; keep this one or type one."))
        return result

    def draw_for_people(self, request: DrawRequest, people: Sequence[str]) -> dict[str, Draw]:
        """A different prompt for each person while the candidates last, then repeats."""
        dealt: dict[str, Draw] = {}
        current = request
        for person in people:
            result = self.draw(current)
            if result.prompt is None and current is not request:
                current = request
                result = self.draw(current)
            dealt[person] = result
            if result.prompt is not None:
                current = current.excluding(result.prompt.prompt_id)
        return dealt

    def draw_round(
        self, request: DrawRequest, mode: PromptMode, people: Sequence[str] = ()
    ) -> RoundPrompts:
        if mode is PromptMode.SKIP:
            return RoundPrompts(mode)
        if mode is PromptMode.PER_PERSON:
            return RoundPrompts(mode, per_person=self.draw_for_people(request, people))
        return RoundPrompts(mode, shared=self.draw(request))

    def _candidates(self, request: DrawRequest) -> tuple[list[Prompt], tuple[str, ...]]:
        query = request.query()
        widened: list[str] = []
        steps: list[tuple[str, Callable[[PromptQuery], PromptQuery], bool]] = [
            ("tags", lambda q: replace(q, tags=frozenset()), bool(query.tags)),
            ("intensity", lambda q: replace(q, intensities=frozenset()), bool(query.intensities)),
            ("first meeting", lambda q: replace(q, first_meeting=False), query.first_meeting),
        ]
        found = self._matching(query, request.exclude)
        for name, widen, applies in steps:
            if found or not applies:
                continue
            query = widen(query)
            widened.append(name)
            found = self._matching(query, request.exclude)
        return found, tuple(widened)

    def _matching(self, query: PromptQuery, exclude: frozenset[str]) -> list[Prompt]:
        return sorted(
            (p for p in self._library.prompts(query) if p.prompt_id not in exclude),
            key=lambda p: p.prompt_id,
        )

    def _choose(self, pool: list[Prompt]) -> Prompt:
        favourites = self._library.preferences().favourites
        weights = [self.favourite_weight if p.prompt_id in favourites else 1.0 for p in pool]
        return self._rng.choices(pool, weights=weights, k=1)[0]


def _filter_words(name: str) -> str:
    """A filter a draw set aside, as the note names it (``"tags"`` → "tags")."""
    # Translators: the filters of a prompt draw that can be set aside when nothing matches.
    words = {
        "tags": pgettext("draw filter", "tags"),
        "intensity": pgettext("draw filter", "intensity"),
        "first meeting": pgettext("draw filter", "first meeting"),
    }
    return words.get(name, name)
