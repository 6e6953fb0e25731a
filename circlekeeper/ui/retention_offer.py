"""At start-up: what each circle's retention promise would delete now, asked before it goes.

Peer-support groups often promise to forget after a while. Deleting is never silent: the
facilitator sees how many sessions and notes, from which dates, and says yes — or not yet,
and is asked again next time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from circlekeeper.history.source import RetentionSource

log = logging.getLogger(__name__)

Ask = Callable[[str, str], bool]


def offer_due_retention(
    queries: RetentionSource, circle_name: Callable[[int], str], ask: Ask
) -> int:
    """Asks once per circle with sessions past its retention period; returns how many
    sessions were deleted."""
    deleted = 0
    for due in queries.retention_due():
        oldest = due.oldest.date().isoformat() if due.oldest else "?"
        newest = due.newest.date().isoformat() if due.newest else "?"
        notes = f" and {due.notes} private notes" if due.notes else ""
        question = (
            f"“{circle_name(due.circle_id)}” keeps sessions for {due.days} days. "
            f"{due.sessions} sessions{notes} from {oldest} to {newest} are older than that "
            "and will be deleted for good. Delete them now? (No: you will be asked again "
            "next time.)"
        )
        if ask("Sessions past their keeping time", question):
            deleted += queries.apply_retention(due.circle_id, due.days, now=due.now)
    if deleted:
        log.info("Deleted %d sessions past their circles' retention period", deleted)
    return deleted
