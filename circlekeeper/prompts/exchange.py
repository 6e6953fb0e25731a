"""Custom decks in and out of the app, as files in the shipped deck format.

Import is all or nothing: the file is read and validated completely, then checked against the
library, and only then saved in one repository transaction. Export writes to a temporary file
beside the target and renames it, so a failed export never leaves half a file behind.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from circlekeeper.i18n import _
from circlekeeper.prompts.deck import SLUG, Deck, normalized_text, parse_deck, slug_of
from circlekeeper.prompts.deck_writer import dump_deck
from circlekeeper.prompts.errors import DeckError
from circlekeeper.prompts.library import PromptLibrary
from circlekeeper.session.prompts import Prompt

MAX_FILE_BYTES = 2_000_000


def read_deck_file(path: Path) -> Deck:
    """Read and validate a deck file; every failure is a :class:`DeckError` naming the file."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DeckError(
                _("is {size} kB, too large for a prompt deck; is it the right file?").format(
                    size=size // 1000
                ),
                source=name,
            )
        raw = path.read_bytes()
    except OSError as error:
        raise DeckError(
            _("could not be read ({reason}).").format(reason=error.strerror or error), source=name
        ) from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DeckError(
            _("is not UTF-8 text; save it as UTF-8 in a text editor and try again."), source=name
        ) from error
    return parse_deck(text, source=name, custom=True)


def import_deck_file(library: PromptLibrary, path: Path) -> list[Prompt]:
    """Read, validate and add a deck's prompts as custom prompts; nothing is saved on error."""
    return library.import_deck(read_deck_file(path))


def deck_for_export(
    prompts: Sequence[Prompt],
    *,
    deck_id: str = "my-prompts",
    title: str = "My prompts",
    description: str = "",
) -> Deck:
    """Give each prompt a unique slug (from its id, or its first words) for the file."""
    if not SLUG.match(deck_id):
        raise DeckError(
            _("“{id}” is not a usable deck id; use lower-case letters, digits and dashes.").format(
                id=deck_id
            ),
            field="deck.id",
        )
    used: set[str] = set()
    out = []
    for prompt in prompts:
        base = _slug_base(prompt)
        slug, n = base, 2
        while slug in used:
            suffix = f"-{n}"
            slug = base[: 64 - len(suffix)] + suffix
            n += 1
        used.add(slug)
        out.append(_with_id(prompt, f"{deck_id}:{slug}"))
    deck = Deck(deck_id, title.strip() or "My prompts", tuple(out), description.strip())
    seen: set[str] = set()
    for prompt in deck.prompts:
        key = normalized_text(prompt.text)
        if key in seen:
            raise DeckError(
                _("appears twice in the prompts chosen for export."),
                prompt=f"“{slug_of(prompt.prompt_id)}”",
                field="text",
            )
        seen.add(key)
    return deck


def export_deck_text(prompts: Sequence[Prompt], **deck_fields: str) -> str:
    return dump_deck(deck_for_export(prompts, **deck_fields))


def export_deck_file(path: Path, prompts: Sequence[Prompt], **deck_fields: str) -> None:
    text = export_deck_text(prompts, **deck_fields)
    folder = path.parent
    try:
        handle, temp = tempfile.mkstemp(prefix=".deck-", suffix=".toml", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise DeckError(
            _("could not be saved there ({reason}); choose another folder.").format(
                reason=error.strerror or error
            ),
            source=path.name,
        ) from error


def _slug_base(prompt: Prompt) -> str:
    candidate = slug_of(prompt.prompt_id).lower().replace(":", "-")
    if prompt.custom or not SLUG.match(candidate):
        words = re.findall(r"[a-z0-9]+", prompt.text.lower())[:5]
        candidate = "-".join(words) or "prompt"
        candidate = candidate[:64].strip("-") or "prompt"
    return candidate


def _with_id(prompt: Prompt, prompt_id: str) -> Prompt:
    from dataclasses import replace

    return replace(prompt, prompt_id=prompt_id)
