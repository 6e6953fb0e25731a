"""At start-up: what each circle's retention promise would delete now, asked before it goes.

Peer-support groups often promise to forget after a while. Deleting is never silent: the
facilitator sees how many sessions and notes, from which dates, and says yes — or not yet,
and is asked again next time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from circlekeeper.history.records import RetentionPreview
from circlekeeper.history.source import RetentionSource
from circlekeeper.i18n import _, ngettext
from circlekeeper.i18n.formats import format_date

log = logging.getLogger(__name__)

Ask = Callable[[str, str], bool]


def retention_question(due: RetentionPreview, circle_name: Callable[[int], str]) -> str:
    """What would go, in whole sentences (each count with its own plural forms)."""
    oldest = format_date(due.oldest, "medium") if due.oldest else "?"
    newest = format_date(due.newest, "medium") if due.newest else "?"
    keeps = ngettext(
        "“{circle}” keeps sessions for {count} day.",
        "“{circle}” keeps sessions for {count} days.",
        due.days,
    ).format(circle=circle_name(due.circle_id), count=due.days)
    notes = ""
    if due.notes:
        notes = ngettext("{count} private note", "{count} private notes", due.notes).format(
            count=due.notes
        )
        # Translators: {notes} is a count of notes, e.g. "3 private notes".
        older = ngettext(
            "{count} session with {notes}, from {oldest} to {newest}, is older than that and"
            " will be deleted for good.",
            "{count} sessions with {notes}, from {oldest} to {newest}, are older than that and"
            " will be deleted for good.",
            due.sessions,
        )
    else:
        older = ngettext(
            "{count} session from {oldest} to {newest} is older than that and will be"
            " deleted for good.",
            "{count} sessions from {oldest} to {newest} are older than that and will be"
            " deleted for good.",
            due.sessions,
        )
    return " ".join(
        (
            keeps,
            older.format(count=due.sessions, oldest=oldest, newest=newest, notes=notes),
            _("Delete them now? (No: you will be asked again next time.)"),
        )
    )


def offer_due_retention(
    queries: RetentionSource, circle_name: Callable[[int], str], ask: Ask
) -> int:
    """Asks once per circle with sessions past its retention period; returns how many
    sessions were deleted."""
    deleted = 0
    for due in queries.retention_due():
        if ask(_("Sessions past their keeping time"), retention_question(due, circle_name)):
            deleted += queries.apply_retention(due.circle_id, due.days, now=due.now)
    if deleted:
        log.info("Deleted %d sessions past their circles' retention period", deleted)
    return deleted
