"""The words a private note is listed and described with (no Qt: plain text for the panel).

A list line says when the note was written, about whom, and its first line, shortened; the
details line under an open note says when, how far into the session, about whom and whether it
was edited since. A note that no longer decrypts says so instead of its text.
"""

from __future__ import annotations

from collections.abc import Callable

from circlekeeper.i18n import N_, _
from circlekeeper.i18n.formats import format_datetime
from circlekeeper.session.model import format_duration
from circlekeeper.vault.notes import Note

PREVIEW_CHARS = 90
DAMAGED_TEXT = N_("This note is damaged and cannot be read.")
"""Shown instead of a note that no longer decrypts (translated where it is shown)."""

NameOf = Callable[[int], str]
"""A person id → their name as the notes show it."""


def preview(note: Note, name_of: NameOf | None) -> str:
    """One list line: when, about whom, and the note's first line, shortened."""
    parts: list[str] = []
    if note.elapsed is not None:
        parts.append(format_duration(note.elapsed))
    elif note.created_at is not None:
        parts.append(format_datetime(note.created_at.astimezone(), "short"))
    if note.person_id is not None and name_of is not None:
        parts.append(name_of(note.person_id))
    first = _(DAMAGED_TEXT) if note.damaged else note.text.splitlines()[0] if note.text else ""
    if len(first) > PREVIEW_CHARS:
        first = first[: PREVIEW_CHARS - 1] + "…"
    parts.append(first)
    return " · ".join(parts)


def details(note: Note, name_of: NameOf | None) -> str:
    """What the note's details line says: when it was written, how far into the session,
    about whom, and when it was last edited."""
    bits = []
    if note.created_at is not None:
        written = format_datetime(note.created_at.astimezone(), "short")
        bits.append(_("Written {moment}").format(moment=written))
    if note.elapsed is not None:
        elapsed = format_duration(note.elapsed)
        bits.append(_("{elapsed} into the session").format(elapsed=elapsed))
    if note.person_id is not None and name_of is not None:
        bits.append(_("about {name}").format(name=name_of(note.person_id)))
    if note.updated_at and note.created_at and note.updated_at > note.created_at:
        edited = format_datetime(note.updated_at.astimezone(), "short")
        bits.append(_("edited {moment}").format(moment=edited))
    return " · ".join(bits)
