"""History ▸ Sessions: typing a circle's first letters in the circle column finds its session,
whatever the circle's script. A name with Arabic or Hebrew letters is set in its own direction
behind invisible marks, and typing "حلقة" or "שיחת" found nothing behind them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtWidgets import QTableView

from circlekeeper.history.records import SessionListing
from circlekeeper.i18n import use_language
from circlekeeper.ui.history.session_table import SessionTableModel
from circlekeeper.ui.qt_language import apply_language

CIRCLES = ["Empty Rounds", "حلقة الأربعاء", "שיחת ערב", "Tea & <b>Talk</b> 🌷 دائرة الأمل"]


class _Sessions:
    """One page holding a session of each circle, newest first."""

    def sessions(self, *_args: Any, **_kwargs: Any) -> SimpleNamespace:
        start = datetime(2026, 11, 20, 18, tzinfo=UTC)
        rows = [
            SessionListing(
                n,
                n,
                name,
                start - timedelta(days=n),
                start,
                "UTC",
                ("Robin",),
                "ended",
                8,
                2148.0,
                0.84,
            )
            for n, name in enumerate(CIRCLES, start=1)
        ]
        return SimpleNamespace(rows=rows, next_cursor=None, total=len(rows))


@pytest.fixture(params=["en", "ar"])
def table(request, qtbot, english_afterwards) -> QTableView:
    use_language(request.param)
    apply_language(english_afterwards, request.param)
    view = QTableView()
    qtbot.addWidget(view)
    model = SessionTableModel(_Sessions(), parent=view)  # type: ignore[arg-type]  # a stand-in: only sessions() is asked
    view.setModel(model)
    model.reload()
    view.show()
    qtbot.waitExposed(view)
    return view


def _find(view: QTableView, typed: str) -> str:
    """The circle of the row that typing ``typed`` in the circle column selects."""
    view.setCurrentIndex(view.model().index(0, 1))
    view.keyboardSearch(typed)  # (what typing does; QTest types ASCII only)
    return CIRCLES[view.currentIndex().row()]


@pytest.mark.parametrize(
    ("typed", "circle"),
    [("حلقة", "حلقة الأربعاء"), ("שיחת", "שיחת ערב"), ("tea", CIRCLES[3]), ("emp", "Empty Rounds")],
)
def test_typing_a_circles_first_letters_finds_its_session(table, typed, circle) -> None:
    view = table
    if typed == "emp":  # from another row: the search wraps round to the first
        view.setCurrentIndex(view.model().index(2, 1))
        view.keyboardSearch(typed)
        assert CIRCLES[view.currentIndex().row()] == circle
        return
    assert _find(view, typed) == circle
