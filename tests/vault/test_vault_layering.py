"""The vault is plain Python: no Qt, no SQLAlchemy, so it runs headless and from the CLI."""

from __future__ import annotations

import subprocess
import sys
import traceback

import pytest

from circlekeeper.vault import NoteRejected, NotesService, Vault
from tests.vault.fakes import MemoryNotes


def test_vault_imports_no_qt_and_no_sqlalchemy() -> None:
    code = (
        "import sys, circlekeeper.vault, circlekeeper.vault.notes, circlekeeper.vault.vault\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'sqlalchemy'})\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_error_reports_carry_no_note_text(unlocked: Vault) -> None:
    """What a crash report would print (message + traceback) never includes the note."""
    marker = "MARKER-7f3a-crash-88aa"

    class BrokenNotes(MemoryNotes):
        def add(self, note) -> None:  # type: ignore[no-untyped-def]
            raise OSError("disk full")

    service = NotesService(unlocked, BrokenNotes())
    reports = []
    for call in (
        lambda: service.add(marker + " x" * 60_000, 1),
        lambda: service.add(f"{marker} on a full disk", 1),
        lambda: unlocked.decrypt(b"\x01" + marker.encode(), "n1"),
    ):
        with pytest.raises((NoteRejected, OSError, Exception)) as caught:
            call()
        reports.append("".join(traceback.format_exception(caught.value)))
    assert all(marker not in report for report in reports)
    assert "disk full" in reports[1]
