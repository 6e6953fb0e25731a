"""Many sessions at once: one PDF per session in a folder, or all of them in one PDF.

Both report progress through ``progress(done, total)`` and poll ``should_cancel()`` between
sessions (the combined PDF also polls while it lays pages out, through an invisible marker
flowable). Cancelling raises :class:`ExportCancelled`; no half-written file is ever left, because
every file is written under a temporary name and renamed into place when complete.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak

from circlekeeper.i18n import _, ngettext, speaking
from circlekeeper.reports.context import ReportContext
from circlekeeper.reports.errors import ExportCancelled
from circlekeeper.reports.files import prepare_folder, safe_filename, write_atomically
from circlekeeper.reports.layout import build_pdf, footer_text
from circlekeeper.reports.session_pdf import SessionReport, render_session
from circlekeeper.session.summary import SessionSummary

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
ShouldCancel = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class ExportItem:
    """One session to export, with its context and the file name it gets in a folder."""

    summary: SessionSummary
    context: ReportContext
    filename: str


def default_filename(summary: SessionSummary, key: object = "") -> str:
    """``2026-11-24-Tuesday-evening-circle-12.pdf``: sorts by date, readable, unique by key."""
    # Translators: the start of a PDF's file name when the session has no date; one word, no spaces
    undated = safe_filename(_("undated"))
    day = summary.started_wall.strftime("%Y-%m-%d") if summary.started_wall else undated
    suffix = f"-{safe_filename(str(key))}" if str(key) else ""
    return f"{day}-{safe_filename(summary.circle)}{suffix}.pdf"


def export_each(
    items: Sequence[ExportItem],
    folder: Path,
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> list[Path]:
    """One PDF per session in ``folder``; returns the paths written, in order."""
    folder = prepare_folder(Path(folder))
    written: list[Path] = []
    total = len(items)
    _report(progress, 0, total)
    for done, item in enumerate(items, start=1):
        if should_cancel is not None and should_cancel():
            raise ExportCancelled(tuple(written))
        data = render_session(item.summary, item.context)
        if should_cancel is not None and should_cancel():
            raise ExportCancelled(tuple(written))
        written.append(write_atomically(folder / item.filename, data))
        _report(progress, done, total)
    log.info("exported %d session PDF(s) to %s", len(written), folder)
    return written


def export_combined(
    items: Sequence[ExportItem],
    path: Path,
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> Path:
    """All sessions in one PDF at ``path`` (paper, footer date from the first item)."""
    path = Path(path)
    prepare_folder(path.parent)
    data = render_combined(items, progress=progress, should_cancel=should_cancel)
    if should_cancel is not None and should_cancel():
        raise ExportCancelled()
    return write_atomically(path, data)


def render_combined(
    items: Sequence[ExportItem],
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> bytes:
    if not items:
        raise ValueError("a combined export needs at least one session")
    first = items[0].context
    total = len(items)
    story: list[Flowable] = []
    reports = []
    for index, item in enumerate(items):
        if index:
            story.append(PageBreak())
        report = SessionReport(item.summary, item.context)
        reports.append(report)
        story += report.story()
        story.append(_ProgressMark(index + 1, total, progress, should_cancel))
    _report(progress, 0, total)
    with speaking(
        first.language
    ):  # each session speaks its circle's language; the footer the first's
        return build_pdf(
            story,
            paper=first.paper,
            title=ngettext("{count} circle summary", "{count} circle summaries", total).format(
                count=total
            ),
            footer=footer_text(first.generated_at()),
            fonts=reports[0].fonts,
            invariant=first.invariant,
        )


class _ProgressMark(Flowable):
    """Zero-size flowable: when layout reaches it, one more session is on the page."""

    def __init__(
        self, done: int, total: int, progress: Progress | None, should_cancel: ShouldCancel | None
    ) -> None:
        super().__init__()
        self.done, self.total = done, total
        self.progress, self.should_cancel = progress, should_cancel
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        if self.should_cancel is not None and self.should_cancel():
            raise ExportCancelled()
        _report(self.progress, self.done, self.total)


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
