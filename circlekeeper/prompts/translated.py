"""Prompt decks in other languages: the English deck's prompts with a translation's words.

A translation lives beside the English deck it translates, one file per deck and language::

    resources/prompts/<language>/<deck id>.toml

    [deck]
    id = "check-in"           # the English deck's id
    language = "es"
    title = "Para empezar"
    description = "…"          # optional

    [texts]
    one-word-arriving = "En una o dos palabras, ¿cómo llegas hoy? También puedes pasar."

Only words are translated. Ids, categories, intensity, principles and tags always come from the
English deck, so a prompt heard in Spanish last week is the same prompt (``check-in:…``) that
an English draw avoids this week, and filters work the same in every language. A prompt the
translation does not (yet) cover is drawn in English rather than not at all.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from circlekeeper.bundled import resource
from circlekeeper.i18n import _
from circlekeeper.prompts.deck import MAX_TEXT, Deck, check_no_duplicates, load_shipped_decks
from circlekeeper.prompts.errors import DeckError

SOURCE_LANGUAGE = "en"
TRANSLATION_DECK_KEYS = {"id", "language", "title", "description"}


@dataclass(frozen=True, slots=True)
class DeckTranslation:
    deck_id: str
    language: str
    title: str
    description: str
    texts: Mapping[str, str]
    source: str = ""


def parse_translation(text: str, *, source: str = "") -> DeckTranslation:
    """A translation file's words, or :class:`DeckError` naming what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DeckError(
            _("is not valid TOML ({error}). Check quotes and brackets near that line.").format(
                error=error
            ),
            source=source,
        ) from error
    unknown = sorted(set(data) - {"deck", "texts"})
    if unknown:
        raise DeckError(
            _(
                "has an unknown section “{section}”; a translation has only [deck] and [texts]."
            ).format(section=unknown[0]),
            source=source,
        )
    header = data.get("deck")
    texts = data.get("texts")
    if not isinstance(header, dict) or not isinstance(texts, dict):
        raise DeckError(_("needs a [deck] section and a [texts] section."), source=source)
    for key in sorted(set(header) - TRANSLATION_DECK_KEYS):
        raise DeckError(
            _("is not a field of a translation; use id, language, title or description."),
            source=source,
            field=f"deck.{key}",
        )
    fields = {}
    for key in ("id", "language", "title", "description"):
        value = header.get(key, "" if key == "description" else None)
        if not isinstance(value, str) or (key != "description" and not value.strip()):
            raise DeckError(_("must be some words in quotes."), source=source, field=f"deck.{key}")
        fields[key] = value.strip()
    words: dict[str, str] = {}
    for slug, value in texts.items():
        if not isinstance(value, str) or not value.strip():
            raise DeckError(
                _("must be the prompt's words in quotes."), source=source, field=f"texts.{slug}"
            )
        value = " ".join(value.split())
        if len(value) > MAX_TEXT:
            raise DeckError(
                _("is {length} characters long; keep a prompt under {limit}.").format(
                    length=len(value), limit=MAX_TEXT
                ),
                source=source,
                field=f"texts.{slug}",
            )
        words[slug] = value
    return DeckTranslation(
        fields["id"], fields["language"], fields["title"], fields["description"], words, source
    )


def translate_deck(deck: Deck, translation: DeckTranslation) -> Deck:
    """``deck`` in the translation's words; prompts it leaves out stay in English."""
    if translation.deck_id != deck.deck_id:
        raise DeckError(
            _(
                "translates the deck “{id}”, but sits where “{expected}” belongs; the file name"
                " and id must match."
            ).format(id=translation.deck_id, expected=deck.deck_id),
            source=translation.source,
            field="deck.id",
        )
    slugs = {p.prompt_id.split(":", 1)[1] for p in deck.prompts}
    for slug in sorted(set(translation.texts) - slugs):
        raise DeckError(
            _(
                "translates a prompt the English deck does not have; its slugs are in {deck}."
            ).format(deck=deck.source or deck.deck_id),
            source=translation.source,
            field=f"texts.{slug}",
        )
    prompts = tuple(
        dataclasses.replace(p, text=translation.texts.get(p.prompt_id.split(":", 1)[1], p.text))
        for p in deck.prompts
    )
    return Deck(
        deck.deck_id,
        translation.title,
        prompts,
        translation.description or deck.description,
        translation.source,
    )


def deck_languages() -> list[str]:
    """Every language with at least one translated deck, English first."""
    folder = resource("prompts")
    found = sorted(
        node.name
        for node in folder.iterdir()
        if node.is_dir() and not node.name.startswith(("_", "."))
    )
    return [SOURCE_LANGUAGE, *found]


def translations_for(language: str) -> dict[str, DeckTranslation]:
    """The translation files of one language, by deck id (none for English)."""
    if language == SOURCE_LANGUAGE:
        return {}
    folder = resource("prompts", language)
    if not folder.is_dir():
        return {}
    found = {}
    for node in sorted(folder.iterdir(), key=lambda n: n.name):
        if not node.name.endswith(".toml"):
            continue
        source = f"{language}/{node.name}"
        translation = parse_translation(node.read_text(encoding="utf-8"), source=source)
        if translation.language != language:
            raise DeckError(
                _("says it is in “{said}” but sits in the “{folder}” folder.").format(
                    said=translation.language, folder=language
                ),
                source=source,
                field="deck.language",
            )
        if translation.deck_id != node.name.removesuffix(".toml"):
            raise DeckError(
                _("has the id “{id}” but the file is called “{name}”.").format(
                    id=translation.deck_id, name=node.name
                ),
                source=source,
                field="deck.id",
            )
        found[translation.deck_id] = translation
    return found


def translate_decks(decks: Sequence[Deck], language: str) -> list[Deck]:
    translations = translations_for(language)
    by_id = {deck.deck_id: deck for deck in decks}
    for deck_id, translation in translations.items():
        if deck_id not in by_id:
            raise DeckError(
                _("translates a deck that is not shipped in English."),
                source=translation.source,
                field="deck.id",
            )
    translated = [
        translate_deck(deck, translations[deck.deck_id]) if deck.deck_id in translations else deck
        for deck in decks
    ]
    check_no_duplicates(translated)
    return translated


@cache
def shipped_decks_in(language: str) -> tuple[Deck, ...]:
    """The shipped decks in ``language`` (a language with no translation: English)."""
    return tuple(translate_decks(load_shipped_decks(), language))
