"""Prompt decks as files: parse and validate the TOML a person (or we) wrote.

One deck per file::

    [deck]
    id = "check-in"           # lower-case slug; shipped decks match their file name
    title = "Check-in"
    description = "…"         # optional
    format = 1                # optional; a newer number means a newer app wrote it

    [[prompts]]
    slug = "inner-weather"    # stable: the prompt's id is "<deck id>:<slug>"
    text = "If your inner weather had a forecast today, what would it say?"
    category = "check-in"     # check-in | sharing | check-out | celebration | hope
    intensity = "light"       # light | medium | deep
    principles = ["lived-experience", "respect"]
    first_meeting = true      # optional, default false
    tags = ["metaphor", "feelings"]
    based_on = "…"            # optional: the shipped prompt a custom one was edited from

Validation is strict (unknown keys are refused) because a typo such as ``catgory`` would
otherwise silently drop information, and every error names the file, the prompt and the field.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from circlekeeper.bundled import resource
from circlekeeper.i18n import _
from circlekeeper.prompts.deck_limits import check_deck_shape
from circlekeeper.prompts.errors import DeckError
from circlekeeper.session.prompts import Intensity, Principle, Prompt, PromptCategory

DECK_FORMAT = 1
MAX_TEXT = 1000
MAX_TAG = 40
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
DECK_KEYS = {"id", "title", "description", "format"}
PROMPT_KEYS = {
    "slug",
    "text",
    "category",
    "intensity",
    "principles",
    "first_meeting",
    "tags",
    "based_on",
}
REQUIRED_PROMPT_KEYS = ("slug", "text", "category", "intensity", "principles")


@dataclass(frozen=True, slots=True)
class Deck:
    """A parsed, validated deck: its prompts carry ids ``"<deck_id>:<slug>"``."""

    deck_id: str
    title: str
    prompts: tuple[Prompt, ...]
    description: str = ""
    source: str = ""


def normalized_text(text: str) -> str:
    """The form two prompt texts are compared in: NFKC, case-folded, spaces collapsed.

    Used for duplicate checks and for recognising a typed prompt as a library prompt.
    """
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def slug_of(prompt_id: str) -> str:
    """The part of an id after the deck name (``"check-in:inner-weather"`` → ``inner-weather``)."""
    return prompt_id.split(":", 1)[-1]


def parse_deck(text: str, *, source: str = "", custom: bool = False) -> Deck:
    """Parse TOML text into a :class:`Deck`, or raise :class:`DeckError` naming what is wrong."""
    check_deck_shape(text, source=source)  # bounded depth, key length and digits: linear time
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DeckError(
            _("is not valid TOML ({error}). Check quotes and brackets near that line.").format(
                error=error
            ),
            source=source,
        ) from error
    except (RecursionError, ValueError) as error:  # whatever the shape check did not foresee
        raise DeckError(
            _("cannot be read as a deck ({error}).").format(error=str(error)[:120]), source=source
        ) from error
    return deck_from_data(data, source=source, custom=custom)


def deck_from_data(data: Mapping[str, Any], *, source: str = "", custom: bool = False) -> Deck:
    unknown = sorted(set(data) - {"deck", "prompts"})
    if unknown:
        raise DeckError(
            _("has an unknown section “{section}”; a deck has only [deck] and [[prompts]].").format(
                section=unknown[0]
            ),
            source=source,
        )
    header = data.get("deck")
    if not isinstance(header, dict):
        raise DeckError(_("has no [deck] section with the deck's id and title."), source=source)
    for key in sorted(set(header) - DECK_KEYS):
        raise DeckError(
            _("is not a deck field; use id, title, description or format."),
            source=source,
            field=f"deck.{key}",
        )
    deck_id = _string(header, "id", source=source, where="deck.id")
    if not SLUG.match(deck_id):
        raise DeckError(
            _("“{id}” is not a usable deck id; use lower-case letters, digits and dashes.").format(
                id=deck_id
            ),
            source=source,
            field="deck.id",
        )
    title = _string(header, "title", source=source, where="deck.title")
    description = _string(
        header, "description", source=source, where="deck.description", default=""
    )
    version = header.get("format", DECK_FORMAT)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DeckError(_("must be a whole number such as 1."), source=source, field="deck.format")
    if version > DECK_FORMAT:
        raise DeckError(
            _(
                "uses deck format {version}, made by a newer CircleKeeper; update the app to"
                " read it."
            ).format(version=version),
            source=source,
            field="deck.format",
        )
    raw_prompts = data.get("prompts")
    if not isinstance(raw_prompts, list) or not raw_prompts:
        raise DeckError(_("has no prompts; add at least one [[prompts]] entry."), source=source)
    prompts: list[Prompt] = []
    slugs: dict[str, int] = {}
    texts: dict[str, int] = {}
    for number, raw in enumerate(raw_prompts, 1):
        prompt = _prompt(raw, number, deck_id, source=source, custom=custom)
        label = f"{number} (“{slug_of(prompt.prompt_id)}”)"
        slug = slug_of(prompt.prompt_id)
        if slug in slugs:
            raise DeckError(
                _(
                    "uses the slug “{slug}” again (prompt {number} has it); slugs must be unique."
                ).format(slug=slug, number=slugs[slug]),
                source=source,
                prompt=label,
                field="slug",
            )
        key = normalized_text(prompt.text)
        if key in texts:
            raise DeckError(
                _("repeats the text of prompt {number}; each prompt must be different.").format(
                    number=texts[key]
                ),
                source=source,
                prompt=label,
                field="text",
            )
        slugs[slug] = number
        texts[key] = number
        prompts.append(prompt)
    return Deck(deck_id, title, tuple(prompts), description, source)


def _prompt(raw: object, number: int, deck_id: str, *, source: str, custom: bool) -> Prompt:
    if not isinstance(raw, dict):
        raise DeckError(_("is not a table of fields."), source=source, prompt=str(number))
    slug_value = raw.get("slug")
    label = f"{number} (“{slug_value}”)" if isinstance(slug_value, str) else str(number)

    def fail(problem: str, field: str) -> DeckError:
        return DeckError(problem, source=source, prompt=label, field=field)

    for key in sorted(set(raw) - PROMPT_KEYS):
        raise fail(
            _(
                "is not a prompt field; use slug, text, category, intensity, principles,"
                " first_meeting, tags or based_on."
            ),
            key,
        )
    for key in REQUIRED_PROMPT_KEYS:
        if key not in raw:
            raise fail(_("is missing; every prompt needs it."), key)
    slug = raw["slug"]
    if not isinstance(slug, str) or not SLUG.match(slug):
        raise fail(
            _("must be lower-case letters, digits and dashes, such as “inner-weather”."), "slug"
        )
    text = raw["text"]
    if not isinstance(text, str) or not text.strip():
        raise fail(_("must be the prompt's words in quotes."), "text")
    text = " ".join(text.split())
    if len(text) > MAX_TEXT:
        raise fail(
            _("is {length} characters long; keep a prompt under {limit}.").format(
                length=len(text), limit=MAX_TEXT
            ),
            "text",
        )
    _check_encodable(text, fail, "text")
    category = _choice(raw["category"], PromptCategory, fail, "category")
    intensity = _choice(raw["intensity"], Intensity, fail, "intensity")
    principles_raw = raw["principles"]
    if not isinstance(principles_raw, list) or not principles_raw:
        raise fail(
            _("must list at least one of {choices}.").format(choices=_names(Principle)),
            "principles",
        )
    principles = frozenset(_choice(p, Principle, fail, "principles") for p in principles_raw)
    first_meeting = raw.get("first_meeting", False)
    if not isinstance(first_meeting, bool):
        raise fail(_("must be true or false."), "first_meeting")
    tags_raw = raw.get("tags", [])
    if not isinstance(tags_raw, list):
        raise fail(_('must be a list of words in quotes, such as ["nature", "week"].'), "tags")
    tags = frozenset(_tag(tag, fail) for tag in tags_raw)
    based_on = raw.get("based_on")
    if based_on is not None and (not isinstance(based_on, str) or not based_on.strip()):
        raise fail(_("must be the id of the prompt this one was edited from."), "based_on")
    return Prompt(
        prompt_id=f"{deck_id}:{slug}",
        text=text,
        category=category,
        intensity=intensity,
        principles=principles,
        first_meeting=first_meeting,
        tags=tags,
        deck=deck_id,
        custom=custom,
        based_on=based_on,
    )


def normalize_tag(tag: str) -> str:
    """Tags compare case-insensitively and ignore stray spaces: "  Nature " is "nature"."""
    return " ".join(unicodedata.normalize("NFKC", tag).casefold().split())


def _tag(tag: object, fail: Any) -> str:
    if not isinstance(tag, str) or not normalize_tag(tag):
        raise fail(_("must contain only non-empty words in quotes."), "tags")
    value = normalize_tag(tag)
    if len(value) > MAX_TAG:
        raise fail(_("has a tag longer than {limit} characters.").format(limit=MAX_TAG), "tags")
    _check_encodable(value, fail, "tags")
    return value


def _check_encodable(text: str, fail: Any, field: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise fail(_("contains a broken character that cannot be saved."), field) from error


def _choice(value: object, kind: Any, fail: Any, field: str) -> Any:
    if isinstance(value, str):
        try:
            return kind(value.strip().lower())
        except ValueError:
            pass
    shown = value if isinstance(value, str) else repr(value)
    raise fail(
        _("“{value}” is not one of {choices}.").format(value=shown, choices=_names(kind)), field
    )


def _names(kind: Iterable[Any]) -> str:
    return ", ".join(member.value for member in kind)


def _string(
    table: Mapping[str, Any], key: str, *, source: str, where: str, default: str | None = None
) -> str:
    value = table.get(key, default)
    if value is None:
        raise DeckError(_("is missing."), source=source, field=where)
    if not isinstance(value, str) or (default is None and not value.strip()):
        raise DeckError(_("must be some words in quotes."), source=source, field=where)
    return value.strip()


def load_shipped_decks() -> list[Deck]:
    """Every deck in ``resources/prompts/``, in file-name order, checked as a whole.

    Shipped decks must be named after their id (so prompt ids stay stable across releases) and
    no text may appear twice across decks.
    """
    folder = resource("prompts")
    files = sorted(
        (node for node in folder.iterdir() if node.name.endswith(".toml")), key=lambda n: n.name
    )
    decks = []
    for node in files:
        deck = parse_deck(node.read_text(encoding="utf-8"), source=node.name)
        stem = node.name.removesuffix(".toml")
        if deck.deck_id != stem:
            raise DeckError(
                _("has the id “{id}” but the file is called “{stem}”; they must match.").format(
                    id=deck.deck_id, stem=stem
                ),
                source=node.name,
                field="deck.id",
            )
        decks.append(deck)
    check_no_duplicates(decks)
    return decks


def check_no_duplicates(decks: Iterable[Deck]) -> None:
    """Raise :class:`DeckError` if two decks share an id or a prompt text."""
    seen_decks: dict[str, str] = {}
    seen_texts: dict[str, str] = {}
    for deck in decks:
        if deck.deck_id in seen_decks:
            raise DeckError(
                _("has the same id “{id}” as {other}.").format(
                    id=deck.deck_id, other=seen_decks[deck.deck_id]
                ),
                source=deck.source,
                field="deck.id",
            )
        seen_decks[deck.deck_id] = deck.source or deck.deck_id
        for prompt in deck.prompts:
            key = normalized_text(prompt.text)
            if key in seen_texts:
                raise DeckError(
                    _("repeats the text of “{other}”.").format(other=seen_texts[key]),
                    source=deck.source,
                    prompt=f"“{slug_of(prompt.prompt_id)}”",
                    field="text",
                )
            seen_texts[key] = prompt.prompt_id
