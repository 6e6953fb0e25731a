"""A holder that keeps a widget's tallest height, so what is beside it never moves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget


def steady_height(widget: QWidget) -> QWidget:
    """``widget`` in a holder as tall as all of its parts shown at once.

    The private-note field shows an unlock button when locked and a status line after a save;
    each change of height took room from the speaking-time list, which grew a scroll bar and
    cut a name short. Reserving the tallest form keeps the list where it is.
    """
    holder = QWidget()
    holder.setObjectName("steadyHolder")
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
    inner = widget.layout()
    height = widget.sizeHint().height()
    if inner is not None:
        margins = inner.contentsMargins()
        spacing = max(0, inner.spacing())
        parts = []
        for index in range(inner.count()):
            item = inner.itemAt(index)
            if item is None:
                continue
            child = item.widget()
            if child is not None:
                line = child.fontMetrics().lineSpacing()
                parts.append(max(child.sizeHint().height(), line))
            elif item.layout() is not None:
                parts.append(item.sizeHint().height())
        height = max(
            height,
            sum(parts) + spacing * max(0, len(parts) - 1) + margins.top() + margins.bottom(),
        )
    holder.setFixedHeight(height)
    return holder
