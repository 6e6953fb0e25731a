"""A demo circle says so wherever circles are listed, chosen or printed; a real one never does.

On a real SQLite file, wired the way the app wires it."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from circlekeeper.commands.report_input import session_report
from circlekeeper.demo.seeding import seed_demo
from circlekeeper.reports.session_pdf import render_session
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.store.records import CircleRecord
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.history import HistoryPage
from circlekeeper.ui.history.choices import ITEM_ID


@pytest.fixture
def app_parts(real_app):
    return real_app()


def test_the_demo_circle_is_marked_in_the_list_its_page_and_start_a_circle(app_parts) -> None:
    window = app_parts.window
    window.save_circle(CircleDetail(None, "Tuesday carers", members=(Member(-1, "Amal"),)))
    window.open_demo()
    names = sorted(window.circle_list.item(i).text() for i in range(window.circle_list.count()))
    demo = next(name for name in names if name != "Tuesday carers")
    assert demo.endswith(" (demo)"), names
    assert "Tuesday carers" in names, "a real circle carries no mark"
    assert window.circle_page.title.text().replace("\u200b", "").endswith("(demo)")
    circle_id = window.circle_list.currentItem().data(Qt.ItemDataRole.UserRole)
    assert window.catalog.brief(circle_id).demo
    assert window.catalog.circle(circle_id).demo


def test_editing_a_demo_circle_keeps_it_a_demo(app_parts) -> None:
    window = app_parts.window
    window.open_demo()
    circle_id = window.circle_list.currentItem().data(Qt.ItemDataRole.UserRole)
    detail = window.catalog.circle(circle_id)
    window.catalog.save_circle(CircleDetail(circle_id, "Renamed", members=detail.members))
    assert window.catalog.circle(circle_id).demo


def test_history_pickers_and_table_mark_demo_circles(qtbot, app_parts) -> None:
    store = app_parts.store
    real = store.circles.save(CircleRecord(None, "Real circle"))
    seed_demo(store.engine, 12, seed=4)
    queries = HistoryQueries.for_store(store)
    page = HistoryPage(queries, threaded=False)
    qtbot.addWidget(page)
    page.show()
    model = page.circle_picker.model()
    rows = (model.index(r, 0) for r in range(1, model.rowCount()))  # row 0: all circles
    shown = {index.data(ITEM_ID): index.data() for index in rows}
    assert shown[real] == "Real circle"
    assert all(text.endswith(" (demo)") for cid, text in shown.items() if cid != real)
    assert page.model.rowCount() > 0
    assert all(
        page.model.index(r, 1).data().endswith(" (demo)") for r in range(page.model.rowCount())
    )
    # The Circles view's heading too (it dropped the mark the picker above it showed).
    demo_id = next(cid for cid in shown if cid != real)
    page.show_circle(demo_id)
    assert page.circle_view is not None
    assert page.circle_view.title.text() == shown[demo_id]
    page.show_circle(real)
    assert page.circle_view.title.text() == "Real circle"


def test_a_demo_sessions_pdf_says_demo_in_its_title(app_parts) -> None:
    store = app_parts.store
    seed_demo(store.engine, 2, seed=2)
    session_id = HistoryQueries.for_store(store).sessions(limit=1).rows[0].session_id
    summary, context = session_report(store, session_id)
    assert context.demo
    text = PdfReader(io.BytesIO(render_session(summary, context))).pages[0].extract_text()
    assert f"{summary.circle} (demo)" in " ".join(text.split())
