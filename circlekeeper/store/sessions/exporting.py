"""One session as the interchange document, and the check that it would export.

``export-json`` writes this document and ``check`` asks the same question of every stored
session (``checking.py``), so whatever an export would refuse, ``check`` finds first and
names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.session.document import InvalidSessionFile, SessionDocument, document_from_log
from circlekeeper.session.interchange.session_file import dump_session, load_session
from circlekeeper.session.prompts import MoodCounts, PromptUse
from circlekeeper.store.records import SessionRecord
from circlekeeper.store.store import Store


@dataclass(frozen=True, slots=True)
class ExportProblem:
    """Why a stored session would not export, in words and with the place in its file."""

    session_id: int
    circle: str
    place: str
    problem: str

    def refusal(self) -> str:
        """Why ``export-json`` refuses this session, and where to see every such one."""
        if self.place.startswith("moods"):
            words = _(
                "Session {session} cannot be exported because its stored mood counts do not"
                " fit the session ({place}: {problem}); 'circlekeeper check' lists every such"
                " session."
            )
        elif self.place.startswith("prompt_uses"):
            words = _(
                "Session {session} cannot be exported because its stored prompt history does"
                " not fit the session ({place}: {problem}); 'circlekeeper check' lists every"
                " such session."
            )
        else:
            words = _(
                "Session {session} cannot be exported because its stored log is inconsistent"
                " ({place}: {problem}); 'circlekeeper check' lists every such session."
            )
        return words.format(session=self.session_id, place=self.place, problem=self.problem)

    def sentence(self) -> str:
        """Which part of the record is wrong (the log itself, or what is kept beside it),
        where and why: one whole sentence for each, so every language words it its way."""
        if self.place.startswith("moods"):
            words = _(
                "Session {session} ({circle}): its stored mood counts do not fit the session"
                " ({place}: {problem})."
            )
        elif self.place.startswith("prompt_uses"):
            words = _(
                "Session {session} ({circle}): its stored prompt history does not fit the"
                " session ({place}: {problem})."
            )
        else:
            words = _(
                "Session {session} ({circle}): its stored log is inconsistent ({place}: {problem})."
            )
        return words.format(
            session=self.session_id, circle=self.circle, place=self.place, problem=self.problem
        )


def session_document(store: Store, session_id: int) -> SessionDocument:
    """The session exactly as ``export-json`` writes it (never private notes)."""
    return document_of(
        store.sessions.get(session_id),
        store.sessions.entries(session_id),
        moods=store.moods.for_session(session_id),
        prompt_uses=store.prompts.uses_for_session(session_id),
    )


def document_of(
    record: SessionRecord,
    entries: Sequence[ev.Entry],
    *,
    moods: Sequence[MoodCounts],
    prompt_uses: Sequence[PromptUse],
) -> SessionDocument:
    """A stored session's document from its record, log and side tables: one place that says
    which of the record's fields the file carries, for ``export-json`` and for ``check``,
    which reads many sessions in batches."""
    return document_from_log(
        entries,
        circle=record.circle_name,
        facilitators=record.facilitators,
        co_facilitators=record.co_facilitators,
        round_plan=record.plan,
        started=record.started_at,
        ended=record.ended_at,
        timezone=record.timezone,
        shareable_summary=record.shareable,
        moods=moods,
        prompt_uses=prompt_uses,
    )


def export_problem(store: Store, session_id: int) -> ExportProblem | None:
    """What ``export-json`` would refuse about this session, or None when it would export."""
    record = store.sessions.get(session_id)
    return problem_in(record, lambda: session_document(store, session_id))


def problem_in(
    record: SessionRecord, document: Callable[[], SessionDocument]
) -> ExportProblem | None:
    """What ``export-json`` would refuse about the session ``document()`` builds (a damaged
    stored row refuses while it is built): the document is written as the file would be and
    read back as ``import`` reads it. ``check`` asks it of every session
    (:mod:`circlekeeper.store.sessions.checking`)."""
    try:
        doc = document()
        if not doc.entries:
            return None  # a session that never started has nothing to export or to check
        load_session(dump_session(doc))
    except InvalidSessionFile as problem:
        return ExportProblem(record.session_id, record.circle_name, problem.place, problem.problem)
    except (UserFacingError, ValueError, TypeError, KeyError) as error:
        return ExportProblem(record.session_id, record.circle_name, "events", str(error))
    return None
