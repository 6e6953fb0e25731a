"""Importing a session file into the database, all or nothing.

The file has already been validated by
:func:`circlekeeper.session.interchange.session_file.load_session`.
Here it is filed under its circle (created when missing), its people are matched to the circle's
members by name (new people are added), the log is renumbered to the receiving database's
person ids, and the session, its events, its derived figures, its mood counts and its prompt
uses are written — in ONE transaction, so an import that fails at any point leaves the
database exactly as it was.
"""

from __future__ import annotations

import dataclasses
import logging
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, func, null, select
from sqlalchemy.orm import Session

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.session.document import (
    PromptHeard,
    SessionDocument,
    renumber_people,
    renumber_plan,
    renumber_prompt_uses,
)
from circlekeeper.session.model import Participant
from circlekeeper.session.prompts import heard_only
from circlekeeper.session.summary import rounds_held, summarize
from circlekeeper.store import codec
from circlekeeper.store.models import (
    CircleMemberRow,
    CircleRow,
    CustomPromptRow,
    EventRow,
    MoodRow,
    PersonRow,
    PromptUseRow,
    SessionPersonRow,
    SessionRow,
)
from circlekeeper.store.prompts import CUSTOM_PREFIX
from circlekeeper.store.records import SessionStatus
from circlekeeper.store.sessions.search import search_text

log = logging.getLogger(__name__)


class ImportRefused(UserFacingError):
    """A valid file that this database cannot take (a duplicate, a nameless person…)."""


def read_session_text(path: Path) -> str:
    """A session file's text, or one sentence saying why it cannot be read (for the command
    line and the app alike)."""
    path = path.expanduser()
    try:
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise UserFacingError(_("There is no file at {path}.").format(path=path)) from error
    except IsADirectoryError as error:
        raise UserFacingError(
            _("{path} is a folder, not a session file.").format(path=path)
        ) from error
    except OSError as error:
        raise UserFacingError(
            _("CircleKeeper cannot read {path} ({reason}).").format(
                path=path, reason=error.strerror
            )
        ) from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserFacingError(
            _("{path} is not a text file in UTF-8, so it cannot be a session file.").format(
                path=path
            )
        ) from error


@dataclass(frozen=True, slots=True)
class ImportResult:
    session_id: int
    circle_id: int
    circle_created: bool
    people_matched: int
    people_added: int
    events: int


def import_session(engine: Engine, doc: SessionDocument) -> ImportResult:
    """Write the document as a new finished session; returns what was done."""
    circle_name = doc.circle.strip()
    if not circle_name:
        raise ImportRefused(_("The session file names no circle, so it cannot be filed anywhere."))
    for person in doc.people:
        if not person.name.strip():
            raise ImportRefused(
                _(
                    "The person with id {id} in the file has no name; every person needs one."
                ).format(id=repr(person.person_id))
            )
    entries = doc.entries
    ended = any(isinstance(entry.event, ev.SessionEnded) for entry in entries)
    started_at = doc.started or entries[0].wall
    with Session(engine) as s, s.begin():
        circle, created = _circle(s, circle_name, doc)
        if not created:
            _refuse_duplicate(s, circle.id, started_at, len(entries))
        mapping, matched, added = _people(s, circle.id, doc.people)
        log_here = renumber_people(entries, mapping)
        heard = heard_only(doc.prompt_uses, rounds_held(log_here))
        uses_here = _prompt_ids_here(s, renumber_prompt_uses(heard, mapping))
        ended_at = doc.ended or log_here[-1].wall
        summary = summarize(log_here)
        row = SessionRow(
            circle_id=circle.id,
            facilitators_json=codec.texts_to_json(doc.facilitators),
            co_facilitators_json=codec.texts_to_json(doc.co_facilitators),
            plan_json=codec.plan_to_json(renumber_plan(doc.round_plan, mapping)),
            started_at=started_at,
            ended_at=ended_at,
            timezone=doc.timezone,
            status=(SessionStatus.ENDED if ended else SessionStatus.ABANDONED).value,
            shareable=doc.shareable_summary,
            event_count=len(log_here),
            present_count=summary.present_count if summary.people else None,
            duration_seconds=summary.duration_seconds,
            fairness=summary.jain_index,
            search_text=search_text(
                doc.round_plan, log_here, doc.shareable_summary, [u.text for u in uses_here]
            ),
            # No runner is claimed (the file's typed names show): an administrator's import
            # keeps NULL, a facilitator's is recorded as theirs by the server
            # (0010_run_by_enforced). null(), since the ORM leaves out a None and the
            # column's default would name the importer either way.
            run_by=null(),
        )
        s.add(row)
        s.flush()
        s.add_all(
            EventRow(
                session_id=row.id,
                seq=entry.seq,
                kind=entry.event.kind,
                payload=codec.dumps(ev.to_payload(entry.event)),
                wall=entry.wall,
                elapsed=float(entry.elapsed),
            )
            for entry in log_here
        )
        s.add_all(
            SessionPersonRow(
                session_id=row.id,
                person_id=int(person.person_id),
                spoken_seconds=person.spoken_total,
                passes=person.passes,
                equal_share=summary.equal_share_of(person),
                joined_late=person.joined_late,
                left_early=person.left_early,
            )
            for person in summary.people
        )
        s.add_all(
            MoodRow(
                session_id=row.id,
                moment=mood.moment,
                counts_json=codec.dumps({str(k): v for k, v in sorted(mood.counts.items())}),
            )
            for mood in doc.moods
        )
        s.add_all(
            PromptUseRow(
                session_id=row.id,
                round_index=use.round_index,
                text=use.text,
                prompt_id=use.prompt_id,
                person_id=use.person_id,
                used_at=use.used_at,
            )
            for use in uses_here
        )
        s.flush()
        result = ImportResult(row.id, circle.id, created, matched, added, len(log_here))
    log.info(
        "imported session %s into circle %s (%s events, %s people added)",
        result.session_id,
        result.circle_id,
        result.events,
        result.people_added,
    )
    return result


def _circle(s: Session, name: str, doc: SessionDocument) -> tuple[CircleRow, bool]:
    row = s.scalars(select(CircleRow).where(CircleRow.name == name)).first()
    if row is not None:
        return row, False
    row = CircleRow(
        name=name,
        # A circle's default plan is for sessions to come: one person's prompt was for that day.
        default_plan_json=codec.plan_to_json(
            [dataclasses.replace(r, person_prompts=()) for r in doc.round_plan]
        ),
        facilitators_json=codec.texts_to_json(doc.facilitators),
    )
    s.add(row)
    s.flush()
    return row, True


def _prompt_ids_here(s: Session, uses: tuple[PromptHeard, ...]) -> tuple[PromptHeard, ...]:
    """The uses with custom prompt ids that mean the same prompt in this database.

    Shipped prompts (``deck:slug``) have the same id everywhere. A custom prompt's id
    (``custom:<n>``) is a row number of the database that wrote the file: it is kept when this
    database's custom prompt of that number has the same words, else it becomes the custom
    prompt here with the same words, else none (the words are kept either way, so history
    still shows what was heard and the drawer still recognises the words).
    """
    if not any(u.prompt_id and u.prompt_id.startswith(CUSTOM_PREFIX) for u in uses):
        return uses
    by_id: dict[str, str] = {}
    by_words: dict[str, str] = {}
    for number, words in s.execute(select(CustomPromptRow.id, CustomPromptRow.text)):
        prompt_id = f"{CUSTOM_PREFIX}{number}"
        by_id[prompt_id] = _words(words)
        by_words.setdefault(_words(words), prompt_id)

    def here(use: PromptHeard) -> PromptHeard:
        if not use.prompt_id or not use.prompt_id.startswith(CUSTOM_PREFIX):
            return use
        words = _words(use.text)
        if by_id.get(use.prompt_id) == words:
            return use
        return dataclasses.replace(use, prompt_id=by_words.get(words))

    return tuple(here(use) for use in uses)


def _words(text: str) -> str:
    """Prompt words as the library compares them (NFKC, case-folded, spaces collapsed)."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _refuse_duplicate(s: Session, circle_id: int, started_at: datetime, events: int) -> None:
    moment = started_at.astimezone(UTC)
    existing = s.scalars(
        select(SessionRow.id).where(
            SessionRow.circle_id == circle_id,
            SessionRow.started_at == moment,
            SessionRow.event_count == events,
        )
    ).first()
    if existing is not None:
        raise ImportRefused(
            _(
                "This session is already in the database (session {session}); nothing was imported."
            ).format(session=existing)
        )


def _people(
    s: Session, circle_id: int, people: tuple[Participant, ...]
) -> tuple[dict[str, str], int, int]:
    """Map each person in the file to a member of the circle with the same name (each member
    used once; same pronouns preferred), adding new people for the rest."""
    members = list(
        s.execute(
            select(PersonRow.id, PersonRow.name, PersonRow.pronouns)
            .join(CircleMemberRow, CircleMemberRow.person_id == PersonRow.id)
            .where(CircleMemberRow.circle_id == circle_id)
            .order_by(CircleMemberRow.position)
        )
    )
    taken: set[int] = set()
    mapping: dict[str, str] = {}
    matched = added = 0
    position: int = s.execute(
        select(func.coalesce(func.max(CircleMemberRow.position), -1)).where(
            CircleMemberRow.circle_id == circle_id
        )
    ).scalar_one()
    for person in people:
        name, pronouns = person.name.strip(), person.pronouns.strip()
        candidates = [m for m in members if m.id not in taken and m.name == name]
        candidates.sort(key=lambda m: m.pronouns != pronouns)
        if candidates:
            person_id = candidates[0].id
            matched += 1
        else:
            row = PersonRow(name=name, pronouns=pronouns, archived=False)
            s.add(row)
            s.flush()
            position += 1
            s.add(CircleMemberRow(circle_id=circle_id, person_id=row.id, position=position))
            person_id = row.id
            added += 1
        taken.add(person_id)
        mapping[person.person_id] = str(person_id)
    return mapping, matched, added
