"""Batch export: one file per session or one combined file; progress, cancel, safe writes."""

from __future__ import annotations

import os
import stat

import pytest

from circlekeeper.errors import UserFacingError
from circlekeeper.reports.batch import (
    ExportItem,
    default_filename,
    export_combined,
    export_each,
)
from circlekeeper.reports.demo import demo_summary
from circlekeeper.reports.errors import ExportCancelled, ExportFailed
from tests.reports.conftest import context, pdf_pages, words


def _items(count: int) -> list[ExportItem]:
    items = []
    for n in range(count):
        summary = demo_summary(people=3 + n % 3, rounds=2, circle=f"Circle {n}", seed=n)
        items.append(ExportItem(summary, context(), default_filename(summary, n)))
    return items


def test_each_session_gets_its_own_private_file_and_progress_is_reported(tmp_path) -> None:
    seen: list[tuple[int, int]] = []
    paths = export_each(_items(3), tmp_path / "out", progress=lambda d, t: seen.append((d, t)))
    assert [p.name for p in paths] == [
        "2026-11-24-Circle-0-0.pdf",
        "2026-11-24-Circle-1-1.pdf",
        "2026-11-24-Circle-2-2.pdf",
    ]
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    for number, path in enumerate(paths):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert f"Circle {number}" in pdf_pages(path.read_bytes())[0]
    assert sorted(os.listdir(tmp_path / "out")) == sorted(p.name for p in paths)  # no temp left


def test_cancel_keeps_finished_files_and_leaves_no_partial_one(tmp_path) -> None:
    done: list[int] = []
    with pytest.raises(ExportCancelled) as caught:
        export_each(
            _items(4),
            tmp_path,
            progress=lambda d, t: done.append(d),
            should_cancel=lambda: len(done) >= 3,  # after two files
        )
    assert len(caught.value.written) == 2
    assert sorted(os.listdir(tmp_path)) == sorted(p.name for p in caught.value.written)
    assert isinstance(caught.value, UserFacingError)


def test_combined_pdf_holds_every_session_and_reports_progress(tmp_path) -> None:
    seen: list[int] = []
    path = export_combined(_items(3), tmp_path / "all.pdf", progress=lambda d, t: seen.append(d))
    text = words("\n".join(pdf_pages(path.read_bytes())))
    for n in range(3):
        assert f"Circle {n}" in text
    assert seen[0] == 0 and seen[-1] == 3
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_cancelled_combined_export_writes_nothing(tmp_path) -> None:
    seen: list[int] = []
    with pytest.raises(ExportCancelled):
        export_combined(
            _items(3),
            tmp_path / "all.pdf",
            progress=lambda d, t: seen.append(d),
            should_cancel=lambda: len(seen) >= 2,
        )
    assert os.listdir(tmp_path) == []


def test_an_existing_file_is_replaced_only_by_a_whole_one(tmp_path) -> None:
    target = tmp_path / "all.pdf"
    target.write_bytes(b"old report")
    with pytest.raises(ExportCancelled):
        export_combined(_items(2), target, should_cancel=lambda: True)
    assert target.read_bytes() == b"old report"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_folder_gives_a_clear_message(tmp_path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(ExportFailed, match="cannot write to the folder"):
            export_each(_items(1), locked)
        with pytest.raises(ExportFailed, match="cannot write to the folder"):
            export_combined(_items(1), locked / "x.pdf")
    finally:
        locked.chmod(0o700)


def test_folder_under_a_file_gives_a_clear_message(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportFailed, match="could not be written"):
        export_each(_items(1), blocker / "sub")


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux /proc")
def test_read_only_file_system_gives_a_clear_message() -> None:
    from pathlib import Path

    with pytest.raises(ExportFailed, match="cannot write to the folder /proc/self"):
        export_combined(_items(1), Path("/proc/self/report.pdf"))
