"""Rebuild ``docs/sample-summary.pdf`` and its page-1 PNG: ``python docs/make_sample_summary.py``.

The session is played through the real engine (``circlekeeper.reports.demo``) with names in
several scripts, so the sample shows font fallback, Arabic shaping and right-to-left order.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from circlekeeper.reports import Privacy, ReportContext, render_session
from circlekeeper.reports.demo import demo_summary
from circlekeeper.session.prompts import MoodCounts

DOCS = Path(__file__).resolve().parent


def make_logo(path: Path) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (240, 240), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, 220, 220), outline=(37, 99, 235, 255), width=22)
    for x, y in ((120, 42), (198, 120), (120, 198), (42, 120)):
        draw.ellipse((x - 18, y - 18, x + 18, y + 18), fill=(180, 83, 9, 255))
    image.save(path)


def main() -> None:
    logo = DOCS / "sample-logo.png"
    if not logo.exists():
        make_logo(logo)
    summary = demo_summary(people=8, rounds=4)
    context = ReportContext(
        organization="Riverside Peer Support Network",
        logo_path=logo,
        privacy=Privacy.NAMES,
        agreements=(
            "What is said here stays here.",
            "Speak from your own experience; listen without fixing.",
            "Passing is always fine.",
        ),
        shareable=(
            "We talked about sleep, work and the holidays. Several people said the check-in"
            " helped them arrive.\n\nNext week: bring a photo of a place that calms you."
            " مرحبا بالجميع في الأسبوع القادم."
        ),
        moods=(
            MoodCounts("check-in", {1: 1, 2: 2, 3: 3, 4: 1, 5: 1}),
            MoodCounts("check-out", {3: 2, 4: 4, 5: 2}),
        ),
        generated=datetime(2026, 11, 25, tzinfo=UTC),
        timezone="Europe/London",
        invariant=True,
    )
    pdf = DOCS / "sample-summary.pdf"
    pdf.write_bytes(render_session(summary, context))
    page1 = DOCS / "sample-summary-page1"
    command = ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([*command, str(pdf), str(page1)], check=True)
    print(f"wrote {pdf} and {page1}.png")


if __name__ == "__main__":
    main()
