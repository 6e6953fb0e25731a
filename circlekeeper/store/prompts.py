"""Custom prompts, favourite/hidden marks, and which prompts were heard in which session."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, Row, select
from sqlalchemy.orm import Session

from circlekeeper.i18n import _
from circlekeeper.session.prompts import (
    Intensity,
    Principle,
    Prompt,
    PromptCategory,
    PromptPreferences,
    PromptUse,
)
from circlekeeper.store import codec
from circlekeeper.store.errors import InvalidRecord, RecordNotFound
from circlekeeper.store.models import (
    CustomPromptRow,
    PromptPreferenceRow,
    PromptUseRow,
    SessionRow,
)
from circlekeeper.store.sessions.search import update_search_text

CUSTOM_PREFIX = "custom:"


class PromptRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # ---------------------------------------------------------------- custom

    def custom_prompts(self) -> list[Prompt]:
        with Session(self._engine) as s:
            return [_prompt(row) for row in s.scalars(select(CustomPromptRow).order_by("id"))]

    def save_custom(self, prompt: Prompt) -> Prompt:
        """Insert (``prompt_id == ""``, a ``custom:<n>`` id is assigned) or update."""
        with Session(self._engine) as s, s.begin():
            return _save(s, prompt, new=prompt.prompt_id == "")

    def set_archived(self, prompt_id: str, archived: bool) -> None:
        with Session(self._engine) as s, s.begin():
            _row(s, prompt_id).archived = archived

    def import_custom(self, prompts: list[Prompt]) -> list[Prompt]:
        """Add every prompt as a new custom prompt in one transaction: all or nothing."""
        with Session(self._engine) as s, s.begin():
            return [_save(s, prompt, new=True) for prompt in prompts]

    # ----------------------------------------------------------- preferences

    def preferences(self) -> PromptPreferences:
        with Session(self._engine) as s:
            rows = list(s.scalars(select(PromptPreferenceRow)))
        return PromptPreferences(
            favourites=frozenset(r.prompt_id for r in rows if r.favourite),
            hidden=frozenset(r.prompt_id for r in rows if r.hidden),
        )

    def set_favourite(self, prompt_id: str, on: bool) -> None:
        self._mark(prompt_id, "favourite", on)

    def set_hidden(self, prompt_id: str, on: bool) -> None:
        self._mark(prompt_id, "hidden", on)

    def _mark(self, prompt_id: str, field: str, on: bool) -> None:
        with Session(self._engine) as s, s.begin():
            row = s.get(PromptPreferenceRow, prompt_id)
            if row is None:
                row = PromptPreferenceRow(prompt_id=prompt_id, favourite=False, hidden=False)
                s.add(row)
            setattr(row, field, bool(on))

    # ------------------------------------------------------------------ uses

    def record_use(self, use: PromptUse) -> None:
        with Session(self._engine) as s, s.begin():
            if s.get(SessionRow, use.session_id) is None:
                raise RecordNotFound(
                    _("There is no session with id {id}.").format(id=use.session_id)
                )
            s.add(
                PromptUseRow(
                    session_id=use.session_id,
                    round_index=use.round_index,
                    text=use.text,
                    prompt_id=use.prompt_id,
                    person_id=use.person_id,
                    used_at=use.used_at,
                )
            )
            s.flush()
            update_search_text(s, use.session_id)

    def uses_for_session(self, session_id: int) -> list[PromptUse]:
        query = (
            select(PromptUseRow)
            .where(PromptUseRow.session_id == session_id)
            .order_by(PromptUseRow.round_index, PromptUseRow.id)
        )
        with Session(self._engine) as s:
            return [prompt_use_from(row) for row in s.scalars(query)]

    def uses_for_circle(
        self, circle_id: int, *, last_sessions: int | None = None
    ) -> list[tuple[datetime, PromptUse]]:
        """Prompt uses of the circle's sessions (the last N when asked) with each session's
        start, oldest first."""
        sessions = (
            select(SessionRow.id)
            .where(SessionRow.circle_id == circle_id)
            .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
        )
        if last_sessions is not None:
            sessions = sessions.limit(max(0, last_sessions))
        query = (
            select(SessionRow.started_at, PromptUseRow)
            .join(PromptUseRow, PromptUseRow.session_id == SessionRow.id)
            .where(SessionRow.id.in_(sessions.scalar_subquery()))
            .order_by(
                SessionRow.started_at, SessionRow.id, PromptUseRow.round_index, PromptUseRow.id
            )
        )
        with Session(self._engine) as s:
            return [(started, prompt_use_from(row)) for started, row in s.execute(query)]


def _save(s: Session, prompt: Prompt, *, new: bool) -> Prompt:
    if not prompt.text.strip():
        raise InvalidRecord(_("A prompt needs some text."))
    row = CustomPromptRow() if new else _row(s, prompt.prompt_id)
    row.text = prompt.text
    row.category = PromptCategory(prompt.category).value
    row.intensity = Intensity(prompt.intensity).value
    row.principles_json = codec.dumps(sorted(Principle(p).value for p in prompt.principles))
    row.first_meeting = prompt.first_meeting
    row.tags_json = codec.dumps(sorted(prompt.tags))
    row.deck = prompt.deck
    row.archived = prompt.archived
    row.based_on = prompt.based_on
    s.add(row)
    s.flush()
    return dataclasses.replace(prompt, prompt_id=f"{CUSTOM_PREFIX}{row.id}", custom=True)


def _row(s: Session, prompt_id: str) -> CustomPromptRow:
    number = prompt_id.removeprefix(CUSTOM_PREFIX)
    row = None
    if prompt_id.startswith(CUSTOM_PREFIX) and number.isascii() and number.isdigit():
        row = s.get(CustomPromptRow, int(number))
    if row is None:
        raise RecordNotFound(_("There is no custom prompt with id {id}.").format(id=prompt_id))
    return row


def _prompt(row: CustomPromptRow) -> Prompt:
    return Prompt(
        prompt_id=f"{CUSTOM_PREFIX}{row.id}",
        text=row.text,
        category=PromptCategory(row.category),
        intensity=Intensity(row.intensity),
        principles=frozenset(Principle(p) for p in codec.loads(row.principles_json, [])),
        first_meeting=row.first_meeting,
        tags=frozenset(str(t) for t in codec.loads(row.tags_json, [])),
        deck=row.deck,
        custom=True,
        archived=row.archived,
        based_on=row.based_on,
    )


def prompt_use_from(row: PromptUseRow | Row[Any]) -> PromptUse:
    """A stored prompt use as the domain record, from an ORM row or (the history detail reads
    the table through a plain connection) a Core row of the same columns."""
    return PromptUse(
        session_id=row.session_id,
        round_index=row.round_index,
        text=row.text,
        prompt_id=row.prompt_id,
        person_id=row.person_id,
        used_at=row.used_at,
    )
