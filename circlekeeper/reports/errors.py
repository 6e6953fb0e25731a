"""Export errors a person can act on."""

from __future__ import annotations

from pathlib import Path

from circlekeeper.errors import ExportFailed, UserFacingError
from circlekeeper.i18n import _, ngettext

__all__ = ["ExportCancelled", "ExportFailed"]


class ExportCancelled(UserFacingError):
    """The person cancelled; ``written`` lists the complete files already in place (none are
    half-written: each file appears only once it is whole)."""

    exit_code = 130

    def __init__(self, written: tuple[Path, ...] = ()) -> None:
        self.written = written
        said = _("The export was cancelled; no partial file was left behind.")
        if written:
            kept = ngettext(
                "{count} finished file was kept.", "{count} finished files were kept.", len(written)
            ).format(count=len(written))
            said = f"{said} {kept}"
        super().__init__(said)
