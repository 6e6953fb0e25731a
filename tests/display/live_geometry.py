"""What a facilitator sees of the live screen, measured on the real display: parts laid over
each other, names of the speaking-time list out of sight, names of the queue cut in half."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLayout, QWidget

from tests.display.probe import rect


def _holds(layout: QLayout, widget: QWidget) -> bool:
    """``widget`` is one of ``layout``'s items, or of a layout nested in it."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is widget:
            return True
        inner = item.layout()
        if inner is not None and _holds(inner, widget):
            return True
    return False


def laid_out_parts(root: QWidget) -> list[QWidget]:
    """Every visible widget under ``root`` that a layout places (labels, lists, buttons, the
    ring, the note field...), leaving out the insides of Qt's own compound widgets (a scroll
    area's viewport and bars) that no layout places."""
    parts = []
    for widget in root.findChildren(QWidget):
        parent = widget.parentWidget()
        layout = parent.layout() if parent is not None else None
        if not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
            continue
        if layout is not None and _holds(layout, widget):
            parts.append(widget)
    return parts


def _name(widget: QWidget) -> str:
    label = widget.accessibleName() or widget.objectName() or getattr(widget, "text", str)()
    return f"{type(widget).__name__} {label[:30]!r}"


def overlapping_parts(root: QWidget) -> list[str]:
    """Pairs of visible parts (neither inside the other) that overlap, and parts that leave
    the window, each in window coordinates."""
    window = root.window()
    shown = [
        (part, QRect(part.mapTo(window, part.rect().topLeft()), part.size()))
        for part in laid_out_parts(root)
    ]
    problems = []
    for i, (first, first_rect) in enumerate(shown):
        if not window.rect().contains(first_rect):
            problems.append(f"{_name(first)} leaves the window: {rect(first_rect)}")
        for second, second_rect in shown[i + 1 :]:
            related = first.isAncestorOf(second) or second.isAncestorOf(first)
            if not related and first_rect.intersects(second_rect):
                problems.append(
                    f"{_name(first)} {rect(first_rect)} overlaps"
                    f" {_name(second)} {rect(second_rect)}"
                )
    return problems


def speaking_time_in_sight(live: Any) -> dict[str, Any]:
    """How many people the speaking-time list has, and how many of their rows are in sight
    whole (not scrolled away, not cut at the list's bottom edge)."""
    strip = live.fairness
    seen = strip.visibleRegion().boundingRect()
    rows = len(strip.bars())
    row, top = strip.row_height(), strip.top()
    whole = sum(
        1
        for index in range(rows)
        if seen.top() <= int(top + index * row)
        and int(top + (index + 1) * row) - 1 <= seen.bottom()
    )
    return {"people": rows, "in sight": whole}


def queue_in_sight(live: Any) -> dict[str, Any]:
    """The round's queue: how many names wait, how many are in sight whole, and any name
    shown only in part (cut by the list's edge)."""
    listing = live.queue.queue
    viewport = listing.viewport().rect()
    whole, cut = 0, []
    for row in range(listing.count()):
        item = listing.item(row)
        where = listing.visualItemRect(item)  # long names are elided: only height counts
        if viewport.top() <= where.top() and where.bottom() <= viewport.bottom():
            whole += 1
        elif where.top() <= viewport.bottom() and viewport.top() <= where.bottom():
            cut.append(item.text())
    return {"waiting": listing.count(), "in sight": whole, "cut": cut}
