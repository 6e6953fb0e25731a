"""PDF report speed: one 20-person, 6-round summary; a batch; against a plain reportlab page.

Run with ``python -m benchmarks reports``. The batch renders ``BATCH`` summaries (default 200,
``CK_BENCH_BATCH=1000`` for the full run) and extrapolates the time for 1,000.
"""

from __future__ import annotations

import io
import os
import re
import statistics
import tempfile
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from circlekeeper.reports import ExportItem, Privacy, ReportContext, export_each, render_session
from circlekeeper.reports.batch import render_combined
from circlekeeper.reports.context import Paper
from circlekeeper.reports.demo import demo_summary
from circlekeeper.reports.fonts import fonts
from circlekeeper.reports.layout import build_pdf, stylesheet

BATCH = int(os.environ.get("CK_BENCH_BATCH", "200"))
_PAGE = re.compile(rb"/Type /Page\b")


def pages(data: bytes) -> int:
    return len(_PAGE.findall(data))


def timed(fn, repeat: int) -> tuple[float, float]:
    """(median, best) seconds of ``repeat`` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), min(samples)


def plain_page() -> bytes:
    """One page in stock reportlab: Helvetica, SimpleDocTemplate, a title and a paragraph."""
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    doc = SimpleDocTemplate(buffer, pagesize=A4, invariant=1)
    doc.build(
        [Paragraph("Circle summary", styles["Title"]), Paragraph("x " * 200, styles["BodyText"])]
    )
    return buffer.getvalue()


def same_way_page() -> bytes:
    """One page built the way our reports are (bundled fonts, numbered canvas footer)."""
    fs = fonts()
    s = stylesheet(fs)
    story = [Paragraph("Circle summary", s.title), Paragraph("x " * 200, s.body)]
    return build_pdf(
        story, paper=Paper.A4, title="t", footer=lambda p, n: f"{p}/{n}", fonts=fs, invariant=True
    )


def long_summaries(summary: object) -> None:
    """A long shareable summary must cost time in proportion to its length (it once grew with
    the square: 100 KB took 1.9 s, 1 MB over 300 s). Imports cap it at 100,000 characters."""
    import os

    sizes = [10_000, 100_000] + ([] if os.environ.get("CIRCLEKEEPER_BENCH_QUICK") else [1_000_000])
    for size in sizes:
        text = " ".join(f"word{n}" for n in range(size // 8))[:size]
        context = ReportContext(shareable=text, invariant=True)
        start = time.perf_counter()
        data = render_session(summary, context)  # type: ignore[arg-type]
        took = time.perf_counter() - start
        print(f"shareable summary of {size:,} characters: {took:.2f} s, {pages(data)} pages")


def main() -> None:
    start = time.perf_counter()
    fonts()
    print(f"font registration (once per process): {1000 * (time.perf_counter() - start):.0f} ms")
    summary = demo_summary(people=20, rounds=6)
    context = ReportContext(
        privacy=Privacy.NAMES, shareable="A short shareable summary.", invariant=True
    )
    first = time.perf_counter()
    data = render_session(summary, context)
    print(f"first 20-person render (cold caches): {1000 * (time.perf_counter() - first):.0f} ms")
    median, best = timed(lambda: render_session(summary, context), 15)
    print(
        f"20-person, 6-round summary: median {1000 * median:.1f} ms, best {1000 * best:.1f} ms,"
        f" {pages(data)} pages, {len(data) / 1024:.0f} KiB"
    )
    plain, _ = timed(plain_page, 15)
    same, _ = timed(same_way_page, 15)
    print(
        f"one-page plain reportlab doc (Helvetica): median {1000 * plain:.1f} ms"
        f" → summary is {median / plain:.1f}× that"
    )
    print(
        f"one-page doc built our way (DejaVu, numbered canvas): median {1000 * same:.1f} ms"
        f" → summary is {median / same:.1f}× that"
    )

    long_summaries(summary)

    items = [
        ExportItem(
            demo_summary(people=6 + n % 10, rounds=3 + n % 4, seed=n),
            ReportContext(invariant=True),
            f"s{n:04d}.pdf",
        )
        for n in range(BATCH)
    ]
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        paths = export_each(items, Path(folder))
        elapsed = time.perf_counter() - start
        count = sum(pages(p.read_bytes()) for p in paths)
    print(
        f"batch, one file each: {BATCH} summaries, {count} pages in {elapsed:.2f} s"
        f" = {count / elapsed:.0f} pages/s, {BATCH / elapsed:.0f} summaries/s"
        f"; 1,000 summaries ≈ {1000 * elapsed / BATCH:.1f} s"
        + ("" if BATCH == 1000 else " (extrapolated)")
    )
    start = time.perf_counter()
    combined = render_combined(items)
    elapsed = time.perf_counter() - start
    print(
        f"batch, one combined PDF: {pages(combined)} pages in {elapsed:.2f} s"
        f" = {pages(combined) / elapsed:.0f} pages/s; 1,000 summaries ≈"
        f" {1000 * elapsed / BATCH:.1f} s" + ("" if BATCH == 1000 else " (extrapolated)")
    )


if __name__ == "__main__":
    main()
