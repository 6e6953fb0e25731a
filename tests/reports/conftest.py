"""Helpers shared by the report tests: render, then read the PDF back the way a person would."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from circlekeeper.reports import ReportContext
from circlekeeper.reports.demo import demo_summary
from circlekeeper.session.summary import SessionSummary

GENERATED = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def pdf_pages(data: bytes) -> list[str]:
    assert data.startswith(b"%PDF-")
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_pages(data))


def flat(text: str) -> str:
    """Extracted text with all whitespace removed (wrapping moves line breaks around)."""
    return "".join(text.split())


def words(text: str) -> str:
    """Extracted text with runs of whitespace as one space (table cells come out one a line)."""
    return " ".join(text.split())


def context(**changes: object) -> ReportContext:
    base = {"generated": GENERATED, "invariant": True, "timezone": "Europe/London"}
    base.update(changes)
    return ReportContext(**base)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def latin_summary() -> SessionSummary:
    names = ("Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson", "Edsger Dijkstra")
    return demo_summary(people=5, rounds=3, names=names)
