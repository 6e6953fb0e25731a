"""What a report needs besides the session summary: settings, group texts, and choices.

The renderer takes a :class:`~circlekeeper.session.summary.SessionSummary` and a
:class:`ReportContext` and nothing else, so it can never reach the database or the vault: private
notes simply have no field here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from circlekeeper.session.frozen import FrozenRecord
from circlekeeper.session.printing import Paper, Privacy
from circlekeeper.session.prompts import MoodCounts, PromptUse

__all__ = ["Paper", "Privacy", "ReportContext"]


class ReportContext(FrozenRecord):
    """Everything printed that is not derived from the session log.

    ``timezone`` is the session's IANA zone, used to print local date and time. ``generated``
    is the date in the footer (``None``: now). ``invariant`` makes reportlab write fixed
    document ids and dates, so the same input gives byte-identical output. ``language`` is
    the circle's language, which the report is printed in whatever the window speaks
    (``""``: the language in force).
    """

    organization: str = ""
    logo_path: Path | None = None
    privacy: Privacy = Privacy.COUNTS
    paper: Paper = Paper.A4
    agreements: tuple[str, ...] = ()
    shareable: str = ""
    moods: tuple[MoodCounts, ...] = ()
    prompts_used: tuple[PromptUse, ...] = ()
    generated: datetime | None = None
    timezone: str = "UTC"
    invariant: bool = False
    language: str = ""
    demo: bool = False
    """The circle is one the demo data made: its title says "(demo)"."""

    def generated_at(self) -> datetime:
        return self.generated if self.generated is not None else datetime.now(UTC)
