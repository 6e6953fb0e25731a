"""Export errors a person can act on."""

from __future__ import annotations

from pathlib import Path

from circlekeeper.errors import ExportFailed, UserFacingError

__all__ = ["ExportCancelled", "ExportFailed"]


class ExportCancelled(UserFacingError):
    """The person cancelled; ``written`` lists the complete files already in place (none are
    half-written: each file appears only once it is whole)."""

    exit_code = 130

    def __init__(self, written: tuple[Path, ...] = ()) -> None:
        self.written = written
        kept = f" {len(written)} finished file(s) were kept." if written else ""
        super().__init__(f"The export was cancelled; no partial file was left behind.{kept}")
