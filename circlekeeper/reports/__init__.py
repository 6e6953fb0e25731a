"""Printable PDF reports built with reportlab: one session, many sessions, a period.

Renderers take plain data (a :class:`~circlekeeper.session.summary.SessionSummary` and a
:class:`ReportContext`) and return bytes; they never query the database and have no path to the
vault. :mod:`circlekeeper.commands.report_input` reads the store to build that data.
"""

from circlekeeper.reports.batch import ExportItem, default_filename, export_combined, export_each
from circlekeeper.reports.context import Paper, Privacy, ReportContext
from circlekeeper.reports.errors import ExportCancelled, ExportFailed
from circlekeeper.reports.period import PeriodReport, render_period
from circlekeeper.reports.session_pdf import render_session

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
