"""Printable PDF reports built with reportlab: one session, many sessions, a period.

Renderers take plain data (a :class:`~circlekeeper.session.summary.SessionSummary` and a
:class:`ReportContext`) and return bytes; they never query the database and have no path to the
vault. :mod:`circlekeeper.commands.report_input` reads the store to build that data.

The names below are imported on first use (PEP 562), so ``circlekeeper export ID`` loads the
session renderer without the period report's modules.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from circlekeeper.reports.context import Paper, Privacy, ReportContext
from circlekeeper.reports.errors import ExportCancelled, ExportFailed

if TYPE_CHECKING:
    from circlekeeper.reports.batch import (
        ExportItem,
        default_filename,
        export_combined,
        export_each,
    )
    from circlekeeper.reports.period import PeriodReport, render_period
    from circlekeeper.reports.session_pdf import render_session

_LAZY = {
    "ExportItem": "batch",
    "default_filename": "batch",
    "export_combined": "batch",
    "export_each": "batch",
    "PeriodReport": "period",
    "render_period": "period",
    "render_session": "session_pdf",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"circlekeeper.reports.{module}"), name)


__all__ = [
    "ExportCancelled",
    "ExportFailed",
    "ExportItem",
    "Paper",
    "PeriodReport",
    "Privacy",
    "ReportContext",
    "default_filename",
    "export_combined",
    "export_each",
    "render_period",
    "render_session",
]
