"""Writing PDFs safely: a temporary name in the same folder, then an atomic rename.

A failed or cancelled export therefore never leaves a half PDF where a person would find it, and
an existing file is replaced only by a complete one. Reports are confidential, so files are 0600.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import unicodedata
from pathlib import Path

from circlekeeper.i18n import _
from circlekeeper.reports.errors import ExportFailed


def write_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` (mode 0600) via a temporary file and ``os.replace``.

    A device, pipe or socket (``-o /dev/stdout``, a FIFO) is written into instead: renaming
    over it would replace the device node itself with a regular file.
    """
    if is_special_file(path):
        try:
            with path.open("wb") as handle:
                handle.write(data)
        except OSError as error:
            raise ExportFailed(_cannot_write(path, error)) from error
        return path
    folder = path.parent
    _require_folder(folder)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise ExportFailed(_cannot_write(folder, error)) from error
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as error:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        if isinstance(error, PermissionError) and path.is_file():
            # Windows will not replace a file another program has open (a PDF reader showing
            # last week's summary): the folder is fine, the file is taken.
            raise ExportFailed(
                _(
                    "{name} could not be replaced: it may be open in another program, or"
                    " read-only. Close it or choose another name; it was left as it was."
                ).format(name=path.name)
            ) from error
        raise ExportFailed(_cannot_write(folder, error)) from error
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    return path


def check_destination(path: Path, *, folder: bool = False) -> None:
    """Raise :class:`ExportFailed` when a PDF (or, with ``folder``, PDFs) could not be
    written at ``path``, saying why, before anything is laid out: a folder that is missing,
    read-only, full or not a folder at all is found by writing and removing a scratch file
    there, as the export itself would.

    A folder to export into may not exist yet (the export creates it); then the nearest
    folder that exists is tried.
    """
    if not folder and (path.is_dir() or is_special_file(path)):
        if path.is_dir():
            raise ExportFailed(
                _("{path} is a folder; type a file name for the PDF.").format(path=path)
            )
        return
    where = path if folder else path.parent
    if folder:
        while not where.exists() and where.parent != where:
            where = where.parent
    _require_folder(where)
    try:
        with tempfile.TemporaryFile(prefix=".circlekeeper-", dir=where):
            pass
    except OSError as error:
        raise ExportFailed(_cannot_write(where, error)) from error


def is_special_file(path: Path) -> bool:
    """True for an existing device, FIFO or socket (after symlinks): never to be replaced."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def prepare_folder(folder: Path) -> Path:
    """Create ``folder`` if needed and check it can be written, before any work starts."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportFailed(_cannot_write(folder, error)) from error
    _require_folder(folder)
    return folder


def _require_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise ExportFailed(
            _("The folder {folder} does not exist; choose an existing folder for the PDF.").format(
                folder=folder
            )
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportFailed(
            _(
                "CircleKeeper cannot write to the folder {folder}; choose a folder you can "
                "write to."
            ).format(folder=folder)
        )


def _cannot_write(folder: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    return _(
        "The PDF could not be written to {folder} ({reason}); choose another folder or free "
        "some space."
    ).format(folder=folder, reason=reason)


def safe_filename(text: str, limit: int = 60) -> str:
    """A file-name fragment from user text: letters, digits and dashes, any script kept."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-_")
    return text[:limit].strip("-_") or "circle"
