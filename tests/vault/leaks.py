"""Raw-byte leak checks, reusable by any test that produces files or text (exports, PDFs…).

``assert_no_marker(path_or_bytes, marker)`` searches the raw bytes in the encodings a marker
could take on its way to disk: UTF-8, UTF-16 (little and big endian, as Qt and PDF text may
use) and UTF-32. A directory is searched file by file.
"""

from __future__ import annotations

from pathlib import Path


def marker_forms(marker: str) -> list[bytes]:
    return [
        marker.encode("utf-8"),
        marker.encode("utf-16-le"),
        marker.encode("utf-16-be"),
        marker.encode("utf-32-le"),
    ]


def contains_marker(data: bytes, marker: str) -> bool:
    return any(form in data for form in marker_forms(marker))


def assert_no_marker(path_or_bytes: Path | str | bytes | bytearray, marker: str) -> None:
    """Fail if ``marker`` appears in the bytes, the file, or any file under the directory."""
    if isinstance(path_or_bytes, bytes | bytearray):
        assert not contains_marker(bytes(path_or_bytes), marker), "marker found in bytes"
        return
    path = Path(path_or_bytes)
    files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
    for file in files:
        if file.exists():
            assert not contains_marker(file.read_bytes(), marker), f"marker found in {file}"
