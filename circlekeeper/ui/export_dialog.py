"""Exporting PDFs from the app: a small dialog, and a cancellable progress runner.

Rendering runs on a worker thread from a one-thread ``QThreadPool`` so the window keeps
repainting (and a live timer keeps ticking) while reportlab lays out pages. The worker polls a
cancel flag that the progress dialog's *Cancel* button sets; files only appear once complete.

For the lead: ``export_session_pdf(parent, summary, context)`` from the summary screen, or
``session_pdf_exporter(report_for)`` as ``WindowOptions.pdf_exporter``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _, ngettext
from circlekeeper.reports import ExportCancelled, Paper, Privacy, ReportContext
from circlekeeper.reports.files import write_atomically
from circlekeeper.session.summary import SessionSummary
from circlekeeper.ui.export_memory import ExportMemory, documents_folder

if TYPE_CHECKING:
    from circlekeeper.reports import ExportItem

# reportlab (the renderers, the fonts) is imported when a PDF is first asked for: this module
# is loaded with the data at start-up, and reportlab would add about a fifth to that moment.

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Job = Callable[[Progress, Callable[[], bool]], object]
"""Work for the worker thread: gets ``progress(done, total)`` and ``should_cancel()``."""


@dataclass(frozen=True, slots=True)
class ExportChoice:
    privacy: Privacy
    paper: Paper
    path: Path


class ExportDialog(QDialog):
    """Privacy level, paper size and where to save; *Export* is enabled once a path is set."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        privacy: Privacy = Privacy.COUNTS,
        paper: Paper = Paper.A4,
        path: Path | None = None,
        folder: bool = False,
        title: str | None = None,
        warn: Callable[[QWidget, str, str], object] = QMessageBox.warning,
    ) -> None:
        super().__init__(parent)
        self._warn = warn
        title = title or _("Export PDF")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._folder = folder
        self.privacy = QComboBox()
        self.privacy.setAccessibleName(_("Printed summaries show"))
        for level in Privacy:
            self.privacy.addItem(level.label, level.value)
        self.privacy.setCurrentIndex(list(Privacy).index(privacy))
        self.privacy.setToolTip(
            _("Counts only prints no names; initials and full names print what they say.")
        )
        self.paper = QComboBox()
        self.paper.setAccessibleName(_("Paper size"))
        for size in Paper:
            self.paper.addItem(size.label, size.value)
        self.paper.setCurrentIndex(list(Paper).index(paper))
        self.path = QLineEdit(str(path) if path else "")
        self.path.setAccessibleName(_("Folder") if folder else _("File"))
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        browse = QPushButton(_("&Browse…"))
        browse.setAccessibleName(_("Browse"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(_("Printed summaries &show:"), self.privacy)
        form.addRow(_("Pa&per:"), self.paper)
        where = QLabel(_("&Folder:") if folder else _("Save &as:"))
        where.setBuddy(self.path)
        form.addRow(where, row)
        # The field shows the end of a long path (the file's name), so the folder it goes
        # into was out of sight: it is named under the field, shortened in its middle.
        self.folder_note = FolderNote()
        if not folder:
            form.addRow("", self.folder_note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        self.export_button.setText(_("&Export"))
        self.export_button.setAccessibleName(_("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.path.textChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(560)

    def choice(self) -> ExportChoice:
        path = Path(self.path.text().strip()).expanduser()
        if not self._folder and path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        return ExportChoice(
            Privacy(self.privacy.currentData()), Paper(self.paper.currentData()), path
        )

    def _update(self) -> None:
        typed = self.path.text().strip()
        self.export_button.setEnabled(bool(typed))
        self.folder_note.set_folder(self.choice().path.parent if typed else None)

    def accept(self) -> None:
        """*Export* closes the dialog only when the PDF can be written where it should go.
        Otherwise the message says why over the dialog, which stays with every choice as it
        was and the place selected to change: the person had to open the export again and
        choose everything anew, and the place that failed was the next one offered."""
        from circlekeeper.reports.files import check_destination

        try:
            check_destination(self.choice().path, folder=self._folder)
        except UserFacingError as error:
            self._warn(self, _("Export failed"), str(error))
            self.path.setFocus(Qt.FocusReason.OtherFocusReason)
            self.path.selectAll()
            return
        super().accept()

    def _browse(self) -> None:
        if self._folder:
            chosen = QFileDialog.getExistingDirectory(
                self, _("Export to folder"), self._start_folder()
            )
        else:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, _("Save PDF"), self._start_folder(), _("PDF files (*.pdf)")
            )
        if chosen:
            self.path.setText(chosen)

    def _start_folder(self) -> str:
        """Browse opens where the file would go (its folder, created if need be)."""
        typed = Path(self.path.text().strip()).expanduser()
        folder = typed if self._folder else typed.parent
        if not str(folder) or not folder.is_absolute() or not folder.is_dir():
            folder = documents_folder()
        # Translators: the suggested file name of a summary; keep the .pdf ending.
        name = typed.name or _("summary.pdf")
        return str(folder if self._folder else folder / name)


class FolderNote(QLabel):
    """ "In /home/ana/Documents/Board reports": the folder a file goes into, shortened in its
    middle to the label's width (its tooltip says it whole)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        muted = self.palette()  # a note about the field above, in the placeholder's grey
        muted.setColor(
            QPalette.ColorRole.WindowText, muted.color(QPalette.ColorRole.PlaceholderText)
        )
        self.setPalette(muted)
        self.setMinimumWidth(1)
        self.folder: Path | None = None
        self.words = ""

    def set_folder(self, folder: Path | None) -> None:
        self.folder = folder
        # Translators: under "Save as:" in the export dialog: the folder the PDF goes into.
        self.words = "" if folder is None else _("In {folder}").format(folder=folder)
        self.setToolTip(self.words)
        self.setAccessibleName(self.words)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self.words, Qt.TextElideMode.ElideMiddle, self.width()))


class _Signals(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class _Worker(QRunnable):
    def __init__(self, job: Job, signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self.job, self.signals, self.cancel = job, signals, cancel
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.job(self.signals.progressed.emit, self.cancel.is_set)
        except ExportCancelled:
            self.signals.cancelled.emit()
        except UserFacingError as error:
            self.signals.failed.emit(str(error))
        except Exception:
            log.exception("PDF export failed")
            self.signals.failed.emit(
                _("The PDF could not be made because of an unexpected error; it has been logged.")
            )
        else:
            self.signals.succeeded.emit(result)


class ExportRun(QObject):
    """One export in progress: a cancellable progress dialog over a worker-thread job.

    ``finished`` carries the job's result (a path, or a list of paths); ``failed`` the message
    shown to the person; ``cancelled`` fires when they pressed *Cancel*.
    """

    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    _pool: QThreadPool | None = None
    _running: set[ExportRun] = set()  # noqa: RUF012 - keeps parentless runs alive until done

    def __init__(
        self, parent: QWidget | None, job: Job, label: str, *, show_errors: bool = True
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._show_errors = show_errors
        self.cancel_flag = threading.Event()
        self.result: object = None
        self.error: str | None = None
        self.done = False
        self.dialog = QProgressDialog(label, _("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(_("Exporting"))
        self.dialog.setAccessibleName(_("Export progress"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self._signals = _Signals()
        self._signals.progressed.connect(self._on_progress)
        self._signals.succeeded.connect(self._on_success)
        self._signals.failed.connect(self._on_failure)
        self._signals.cancelled.connect(self._on_cancelled)
        self._worker = _Worker(job, self._signals, self.cancel_flag)

    @classmethod
    def pool(cls) -> QThreadPool:
        """One worker thread: reportlab keeps some module state, so renders never overlap."""
        if cls._pool is None:
            cls._pool = QThreadPool()
            cls._pool.setMaxThreadCount(1)
        return cls._pool

    def start(self) -> ExportRun:
        # The first PDF of a process registers its fonts with reportlab. Done on the worker
        # thread, that first registration raced the progress dialog's window being created on
        # xcb and the app died (SIGSEGV, tests/display). Registering here, on the GUI thread and
        # before the worker starts, takes about 0.2 s once per process and removed the crash.
        from circlekeeper.reports.fonts import fonts

        fonts()
        ExportRun._running.add(self)
        self.pool().start(self._worker)
        return self

    def cancel(self) -> None:
        self.cancel_flag.set()
        self.dialog.setLabelText(_("Cancelling…"))

    def _on_progress(self, done: int, total: int) -> None:
        if total and self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        if total:
            self.dialog.setLabelText(
                ngettext(
                    "Exporting {done} of {count}…", "Exporting {done} of {count}…", total
                ).format(done=done, count=total)
            )

    def _finish(self) -> None:
        self.done = True
        ExportRun._running.discard(self)
        self.dialog.reset()
        self.dialog.close()

    def _on_success(self, result: object) -> None:
        self.result = result
        self._finish()
        self.finished.emit(result)

    def _on_failure(self, message: str) -> None:
        self.error = message
        self._finish()
        if self._show_errors:
            QMessageBox.warning(self._parent, _("Export failed"), message)
        self.failed.emit(message)

    def _on_cancelled(self) -> None:
        self._finish()
        self.cancelled.emit()


def run_export(parent: QWidget | None, job: Job, label: str, **kwargs: Any) -> ExportRun:
    """Start ``job`` on the worker thread under a cancellable progress dialog."""
    return ExportRun(parent, job, label, **kwargs).start()


def export_session_pdf(
    parent: QWidget | None,
    summary: SessionSummary,
    context: ReportContext,
    *,
    folder: Path | None = None,
    ask: bool = True,
    memory: ExportMemory | None = None,
) -> ExportRun | None:
    """Ask for privacy, paper and file, then write the session's PDF without blocking the UI.

    Returns the running export (connect ``finished``/``failed``), or ``None`` if the person
    closed the dialog. ``ask=False`` skips the dialog and writes to ``folder`` (tests, batch).
    """
    memory = memory or ExportMemory()
    from circlekeeper.reports import default_filename, render_session

    suggested = (folder or memory.folder()) / default_filename(summary)
    if ask:
        dialog = ExportDialog(
            parent,
            privacy=memory.privacy(summary.circle, context.privacy),
            paper=memory.paper(context.paper),
            path=suggested,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choice = dialog.choice()
    else:
        choice = ExportChoice(context.privacy, context.paper, suggested)
    chosen = replace(context, privacy=choice.privacy, paper=choice.paper)

    def job(progress: Progress, should_cancel: Callable[[], bool]) -> Path:
        progress(0, 1)
        data = render_session(summary, chosen)
        if should_cancel():
            raise ExportCancelled()
        path = write_atomically(choice.path, data)
        progress(1, 1)
        return path

    run = run_export(parent, job, _("Preparing the PDF…"))
    if ask:
        # Privacy and paper are kept at once, so trying again after a failure starts from
        # them; the folder once written to: a folder that failed is not the next one offered.
        memory.remember_choice(summary.circle, choice.privacy, choice.paper)
        run.finished.connect(lambda written: memory.remember_folder(Path(written).parent))
    return run


def export_sessions(
    parent: QWidget | None,
    items: Sequence[ExportItem],
    target: Path,
    *,
    combined: bool = False,
) -> ExportRun:
    """Many sessions: one PDF each into folder ``target``, or one combined PDF at ``target``."""

    from circlekeeper.reports import export_combined, export_each

    def job(progress: Progress, should_cancel: Callable[[], bool]) -> object:
        if combined:
            return export_combined(items, target, progress=progress, should_cancel=should_cancel)
        return export_each(items, target, progress=progress, should_cancel=should_cancel)

    count = len(items)
    label = ngettext("Exporting {count} session…", "Exporting {count} sessions…", count)
    return run_export(parent, job, label.format(count=count))


ReportFor = Callable[[int], tuple[SessionSummary, ReportContext]]
"""A stored session's summary and report context, by session id (the composition root reads
them from the store with :func:`circlekeeper.commands.report_input.session_report`)."""


def session_pdf_exporter(
    report_for: ReportFor, *, ask: bool = True, folder: Path | None = None
) -> Callable[[QWidget, int, str], ExportRun | None]:
    """``WindowOptions.pdf_exporter`` for the main window: (parent, session_id, shareable).

    The shareable text comes from the summary screen (it may not be saved yet); everything else
    (privacy, agreements, moods, prompts, organization, logo, paper) from ``report_for``.
    """

    def exporter(parent: QWidget, session_id: int, shareable: str) -> ExportRun | None:
        summary, context = report_for(session_id)
        context = replace(context, shareable=shareable)
        return export_session_pdf(parent, summary, context, folder=folder, ask=ask)

    return exporter
