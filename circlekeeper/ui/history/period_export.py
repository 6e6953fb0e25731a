"""Saving the period report (PDF) or its figures (CSV) from the history's *Period* tab.

Counting and laying out pages run on the export worker under a cancellable progress dialog,
so a year of a large organization never freezes the window; the file appears only once
complete (written atomically).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _
from circlekeeper.session.period_figures import PeriodScope
from circlekeeper.ui.export_dialog import ExportRun, run_export
from circlekeeper.ui.export_memory import ExportMemory

AskPath = Callable[[QWidget, str, Path], Path | None]
"""(parent, ``"pdf"`` or ``"csv"``, suggested path) → the chosen path, or ``None``."""


def ask_save_path(parent: QWidget, kind: str, suggested: Path) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    # Translators: file-type filters in a save dialog; keep the part in brackets as it is.
    filters = {"pdf": _("PDF files (*.pdf)"), "csv": _("CSV files (*.csv)")}
    title = _("Save the period report") if kind == "pdf" else _("Save the period figures")
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), filters[kind])
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == f".{kind}" else path.with_name(f"{path.name}.{kind}")


ReportFor = Callable[..., Any]
"""(first day, last day, circle name, attendance_grid=, progress=) → the period report."""


def store_period_saver(
    report_for: ReportFor,
    context_for: Callable[[], Any],
    circle_name: Callable[[int], str],
    *,
    ask_path: AskPath = ask_save_path,
    folder: Path | None = None,
    memory: ExportMemory | None = None,
    warn: Callable[[QWidget, str, str], object] = QMessageBox.warning,
) -> Callable[[QWidget, PeriodScope, str, bool], ExportRun | None]:
    """The *Period* tab's saver for the app: the composition root hands in how a report is
    read from the data (as ``circlekeeper report`` reads it) and the printing context, so
    the window never touches the store.

    The file dialog opens in the folder last exported to (a summary's or a report's). A place
    that cannot be written is said at once and the file dialog asked again there: it was found
    only after the whole period had been counted and laid out, and the report was gone."""

    def save(parent: QWidget, scope: PeriodScope, kind: str, grid: bool) -> ExportRun | None:
        from circlekeeper.reports.files import check_destination

        remembered = memory or ExportMemory()
        name = f"period-report-{scope.first_day}-to-{scope.last_day}.{kind}"
        suggested = (folder or remembered.folder()) / name
        while True:
            path = ask_path(parent, kind, suggested)
            if path is None:
                return None
            try:
                check_destination(path)
            except UserFacingError as error:
                warn(parent, _("Export failed"), str(error))
                suggested = path
                continue
            break

        def job(progress: Callable[[int, int], None], should_cancel: Callable[[], bool]) -> Path:
            from circlekeeper.reports import ExportCancelled, render_period
            from circlekeeper.reports.files import write_atomically
            from circlekeeper.reports.period_csv import period_csv

            counting = 6  # the figures' steps come first, then the report's own
            report = report_for(
                scope.first_day,
                scope.last_day,
                None if scope.circle_id is None else circle_name(scope.circle_id),
                attendance_grid=grid,
                progress=lambda done, _total: progress(done, counting + 1),
            )
            if should_cancel():
                raise ExportCancelled()
            if kind == "csv":
                data = period_csv(report).encode("utf-8")
            else:
                data = render_period(
                    report,
                    context_for(),
                    progress=lambda done, total: progress(counting + done, counting + total),
                )
            if should_cancel():
                raise ExportCancelled()
            return write_atomically(path, data)

        run = run_export(parent, job, _("Counting the period…"))
        run.finished.connect(lambda written: remembered.remember_folder(Path(written).parent))
        return run

    return save
