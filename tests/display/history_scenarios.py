"""The history on a real small screen: how many past sessions a facilitator sees, and that
choosing one keeps the window on the screen. Registered with the driver via ``scenario_kit``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.display.probe import Prober, global_rect, inside, rect, spin, spin_until
from tests.display.scenario_kit import build, scenario, screenshot

SESSIONS = 60


def sessions_in_sight(history: Any) -> int:
    """Rows of the sessions table shown whole (a row cut by the table's bottom edge is not)."""
    table = history.table
    room = table.viewport().rect()
    model = table.model()
    return sum(
        room.contains(table.visualRect(model.index(row, 0)))
        for row in range(model.rowCount())
        if table.visualRect(model.index(row, 0)).isValid()
    )


def detail_runs_off(detail: Any) -> bool:
    """The session's detail laid out wider than its pane shows: its sentences run off an
    edge (the left one, in Arabic)."""
    from PySide6.QtWidgets import QScrollArea

    area = detail.findChild(QScrollArea)
    return bool(area.widget().width() > area.viewport().width())


@scenario
def history_rows(prober: Prober, workdir: Path) -> None:
    """History ▸ Sessions with 60 past sessions: with no session chosen, with one chosen, and
    with its detail closed again."""
    from circlekeeper.demo.seeding import seed_demo
    from circlekeeper.i18n import _
    from circlekeeper.store import open_store

    store = open_store(workdir / "circle.sqlite3")
    seed_demo(store.engine, SESSIONS, seed=5)
    store.close()
    parts = build(workdir)
    window = parts.window
    history = window.options.extra_pages[_("&History")]
    window.show_page(history)
    spin_until(lambda: history.model.rowCount() > 0)
    spin(0.5)
    report = prober.report

    def look(name: str) -> dict[str, Any]:
        spin(0.5)
        screenshot(f"history-{name}")
        available = window.screen().availableGeometry()
        detail = history.detail_view
        return {
            "rows": sessions_in_sight(history),
            "frame": rect(window.frameGeometry()),
            "available": rect(available),
            "fits": inside(window.frameGeometry(), available),
            "status_visible": inside(global_rect(window.statusBar()), available),
            "filters_unfolded": history.filter_bar.unfolded(),
            "beside": history.split.side_by_side(),
            "detail_shown": detail is not None and detail.isVisible(),
            "detail_height": detail.height() if detail is not None else 0,
            "detail_cut": detail is not None and detail_runs_off(detail),
        }

    report["nothing chosen"] = look("nothing-chosen")
    history.table.setCurrentIndex(history.model.index(1, 0))  # as a click chooses it
    spin_until(lambda: history.detail_view is not None)
    report["chosen"] = look("chosen")
    detail = history.detail_view
    if detail is not None and detail.close_button.isVisible():
        detail.close_button.click()
    report["closed"] = look("closed")
    window.close()
    parts.data.close()
