"""The plain records the repositories hand out: frozen dataclasses, never ORM rows.

Notes and the vault header reuse :mod:`circlekeeper.vault.header`; prompts, prompt uses and
mood counts reuse :mod:`circlekeeper.session.prompts`.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path

from circlekeeper.i18n import _, ngettext
from circlekeeper.session.circle import CircleRecord as CircleRecord  # also offered here
from circlekeeper.session.frozen import FrozenRecord
from circlekeeper.session.model import RoundPlan
from circlekeeper.session.printing import Privacy as Privacy  # one enum, also offered here


class SessionStatus(StrEnum):
    LIVE = "live"
    ENDED = "ended"
    ABANDONED = "abandoned"


class PersonRecord(FrozenRecord):
    person_id: int
    name: str
    pronouns: str = ""
    archived: bool = False


class SessionRecord(FrozenRecord):
    session_id: int
    circle_id: int
    circle_name: str
    facilitators: tuple[str, ...]
    co_facilitators: tuple[str, ...]
    plan: tuple[RoundPlan, ...]
    started_at: datetime
    ended_at: datetime | None
    timezone: str
    status: str
    shareable: str
    last_heartbeat_wall: datetime | None
    last_heartbeat_elapsed: float | None
    events: int
    present_count: int | None
    duration_seconds: float | None
    fairness: float | None
    run_by: str | None = None
    """Who ran it (their login role on a server, 0009_session_run_by); ``None`` when not
    recorded (a SQLite file, an older, demo or imported session)."""


class CheckReport(FrozenRecord):
    """The verdict of a database check, with what was wrong in SQLite's own words."""

    path: Path
    ok: bool
    problems: tuple[str, ...] = ()
    full: bool = False
    """True for integrity + foreign-key check, False for the quick start-up check."""

    @property
    def verdict(self) -> str:
        if self.ok:
            return (
                _("The database {path} is healthy (full integrity and foreign-key check passed).")
                if self.full
                else _("The database {path} is healthy (quick check passed).")
            ).format(path=self.path)
        # SQLite's own words, in English: they name pages and indexes for whoever repairs it.
        shown = "; ".join(self.problems[:5])
        if len(self.problems) > 5:
            more = len(self.problems) - 5
            shown = ngettext(
                "{problems} (and {count} more)", "{problems} (and {count} more)", more
            ).format(problems=shown, count=more)
        return (
            _(
                "The database {path} is damaged (full integrity and foreign-key check failed):"
                " {problems}."
            )
            if self.full
            else _("The database {path} is damaged (quick check failed): {problems}.")
        ).format(path=self.path, problems=shown)
