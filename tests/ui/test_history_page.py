"""The history area over a database seeded by the demo generator, driven like a person would."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from circlekeeper.history.records import SessionFilter, SessionSort
from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.store import Store
from circlekeeper.store.errors import RecordNotFound
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.ui.history import HistoryPage
from circlekeeper.ui.history.session_table import SESSION_ID
from tests.ui.history_support import NOW, Answers, demo_history, shown_page

SESSIONS = 150


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with demo_history(tmp_path / "history.sqlite3", SESSIONS, seed=11) as opened:
        yield opened


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def page(qtbot, store: Store, answers: Answers) -> HistoryPage:
    exported.clear()
    return shown_page(
        qtbot,
        store,
        page_size=40,
        ask=answers,
        pdf_hook=lambda parent, session_id: exported.append(session_id),
        notes_widget_factory=lambda session_id: QLabel(f"notes of {session_id}"),
    )


exported: list[int] = []


def shown_ids(page: HistoryPage) -> list[int]:
    model = page.model
    return [model.data(model.index(r, 0), SESSION_ID) for r in range(model.rowCount())]


def button(widget: QWidget, name: str) -> QPushButton:
    found = [b for b in widget.findChildren(QPushButton) if b.accessibleName() == name]
    assert found, name
    return found[0]


def test_first_page_is_newest_first_and_scrolling_fetches_the_rest(qtbot, page, store) -> None:
    assert page.model.rowCount() == 40
    assert page.count_label.text() == f"{SESSIONS} sessions match"
    starts = [page.model.listing(r).started_at for r in range(40)]
    assert starts == sorted(starts, reverse=True)
    for _ in range(20):
        page.table.scrollToBottom()
        qtbot.wait(5)
        if page.model.rowCount() == SESSIONS:
            break
    assert page.model.rowCount() == SESSIONS
    assert len(set(shown_ids(page))) == SESSIONS
    assert not page.model.canFetchMore()


def test_clicking_a_header_sorts_the_whole_history(qtbot, page) -> None:
    header = page.table.horizontalHeader()
    fairness_column = 5
    x = header.sectionViewportPosition(fairness_column) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert page.model.order.key is SessionSort.FAIRNESS
    descending = page.model.order.descending
    values = [page.model.listing(r).fairness or -1 for r in range(page.model.rowCount())]
    assert values == sorted(values, reverse=descending)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert page.model.order.descending is not descending
    again = [page.model.listing(r).fairness or -1 for r in range(page.model.rowCount())]
    assert again == sorted(again, reverse=not descending)
    assert again[0] != values[0]


def test_filters_narrow_the_table_and_the_count(qtbot, page, store) -> None:
    bar = page.filter_bar
    circle_name = bar.circle.itemText(2)
    bar.circle.setCurrentIndex(2)
    rows = [page.model.listing(r) for r in range(page.model.rowCount())]
    assert rows and {f"{r.circle_name} (demo)" for r in rows} == {circle_name}  # demo data
    total = page.model.total
    assert page.count_label.text().startswith(f"{total} session")
    assert total < SESSIONS

    bar.status.setCurrentIndex(bar.status.findText("Closed after a crash"))
    assert {page.model.listing(r).status for r in range(page.model.rowCount())} <= {"abandoned"}
    bar.clear()
    assert page.model.total == SESSIONS

    prompt = page.source.detail(shown_ids(page)[0]).plan[-1].prompt
    bar.text.setText(prompt.upper())
    bar.flush()
    assert 0 < page.model.total < SESSIONS
    bar.text.setText("<b>&amp; 🙂 nothing like this" + "x" * 10_000)
    bar.flush()
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "0 sessions match"


def test_person_and_dates_filter(qtbot, page, store) -> None:
    circle_id = page.source.circle_choices()[0].item_id
    person = store.people.members(circle_id)[0]
    page.filter_bar.select_person(person.person_id)
    expected = page.source.count(SessionFilter(person_id=person.person_id))
    assert page.model.total == expected > 0
    page.filter_bar.clear()
    newest = page.model.listing(0).started_at.astimezone().date()
    page.filter_bar.set_dates(newest, newest)
    assert page.model.total >= 1
    assert all(
        page.model.listing(r).started_at.astimezone().date() == newest
        for r in range(page.model.rowCount())
    )


def test_selecting_a_session_shows_its_rounds_chart_and_hooks(qtbot, page) -> None:
    page.table.selectRow(0)
    view = page.detail_view
    assert view is not None
    session_id = shown_ids(page)[0]
    detail = page.source.detail(session_id)
    assert view.rounds.topLevelItemCount() == len(detail.summary.rounds)
    first_round = view.rounds.topLevelItem(0)
    names = {p.name for p in detail.summary.people}
    assert {first_round.child(i).text(0) for i in range(first_round.childCount())} <= names
    assert len(view.chart.bars()) == len(detail.summary.people)
    assert view.shareable.toPlainText() == detail.shareable
    assert view.notes_widget is not None and view.notes_widget.text() == f"notes of {session_id}"
    qtbot.mouseClick(
        button(view, "Export the PDF of this session again"), Qt.MouseButton.LeftButton
    )
    assert exported == [session_id]


def test_deleting_takes_the_session_away_and_the_store_once_undo_is_over(
    qtbot, page, store, answers
) -> None:
    page.table.selectRow(1)
    session_id = shown_ids(page)[1]
    qtbot.mouseClick(button(page.detail_view, "Delete this session"), Qt.MouseButton.LeftButton)
    assert answers.asked == []  # no private notes: the undo is the safety net
    assert session_id not in shown_ids(page)
    assert page.count_label.text() == f"{SESSIONS - 1} sessions match"
    assert page.detail_view is None
    assert store.sessions.get(session_id).session_id == session_id  # until undo is over
    page.deleting.timer.timeout.emit()
    with pytest.raises(RecordNotFound):
        store.sessions.get(session_id)


def test_person_view_shows_attendance_and_leads_to_their_sessions(qtbot, page, store) -> None:
    circle_id = page.source.circle_choices()[0].item_id
    person = store.people.members(circle_id)[0]
    page.tabs.setCurrentIndex(1)
    page.show_person(person.person_id)
    view = page.person_view
    assert view is not None
    history = page.source.person(person.person_id)
    assert f"{history.sessions_attended} sessions" in view.facts_label.text()
    assert view.attendance.rowCount() == len(history.circles)
    assert view.share_chart.series()
    qtbot.mouseClick(page.person_sessions, Qt.MouseButton.LeftButton)
    assert page.tabs.currentIndex() == 0
    assert page.model.total == history.sessions_attended


def test_circle_view_lists_least_heard_first_and_retention_deletes_only_older(
    qtbot, page, store, answers
) -> None:
    circle = page.source.circle_choices()[0]
    page.tabs.setCurrentIndex(2)
    page.show_circle(circle.item_id)
    view = page.circle_view
    assert view is not None
    least = page.source.least_heard(circle.item_id)
    assert view.least_heard.count() == len(least)
    assert least[0].name in view.least_heard.item(0).text()

    before = page.source.sessions(SessionFilter(circle_id=circle.item_id), limit=500).rows
    panel = view.retention
    panel.days.setValue(120)
    qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)
    cutoff = NOW - timedelta(days=120)
    older = [r for r in before if r.started_at < cutoff]
    newer = [r for r in before if r.started_at >= cutoff]
    assert older and newer
    assert panel.summary.text().startswith(f"{len(older)} sessions")
    assert panel.delete_button.isEnabled()
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert f"Delete {len(older)} sessions" in answers.asked[-1]
    after = page.source.sessions(SessionFilter(circle_id=circle.item_id), limit=500).rows
    assert [r.session_id for r in after] == [r.session_id for r in newer]
    assert page.model.total == SESSIONS - len(older)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert store.circles.get(circle.item_id).retention_days == 120


def test_odd_names_are_shown_as_written(qtbot, store, answers) -> None:
    circle_id = HistoryQueries.for_store(store).circle_choices()[0].item_id
    odd = ["<b>Bold</b> & co", "🙂" + "ل" * 50, "N" * 10_000]
    people = [store.people.add(name, "they/them", (circle_id,)) for name in odd]
    plan = (RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), "<i>How & why?</i>"),)
    started = datetime(2027, 1, 5, 18, tzinfo=UTC)
    session_id = store.sessions.create(
        circle_id,
        facilitators=("<Robin>",),
        plan=plan,
        started_at=started,
        timezone="Europe/Berlin",
        people=tuple(p.person_id for p in people),
    )
    clock = FakeClock(0.0)
    engine = CircleSession(
        clock,
        sink=lambda entry: store.sessions.append(session_id, entry),
        wall=lambda: started + timedelta(seconds=clock.now()),
    )
    engine.start("x", [Participant(str(p.person_id), p.name, p.pronouns) for p in people], ["R"])
    engine.start_round(plan[0])
    for _ in people:
        engine.start_turn()
        clock.advance(40)
        engine.end_turn()
    engine.end_round()
    engine.end_session()
    store.sessions.finish(session_id)

    page = HistoryPage(HistoryQueries.for_store(store), threaded=False, ask=answers)
    qtbot.addWidget(page)
    page.show()
    assert shown_ids(page)[0] == session_id
    page.table.selectRow(0)
    tree = page.detail_view.rounds.topLevelItem(0)
    assert [tree.child(i).text(0) for i in range(3)] == odd
    assert page.detail_view.prompts_label.textFormat() == Qt.TextFormat.PlainText
    assert "<i>How & why?</i>" in page.detail_view.prompts_label.text()


def test_threaded_loading_delivers_the_newest_request(qtbot, store, answers) -> None:
    page = HistoryPage(HistoryQueries.for_store(store), ask=answers)
    qtbot.addWidget(page)
    page.show()
    ids = shown_ids(page)
    page.show_session(ids[3])
    page.show_session(ids[0])
    qtbot.waitUntil(lambda: page.detail_view is not None, timeout=5000)
    page.background.wait()
    qtbot.wait(20)
    assert page.detail_view.detail.listing.session_id == ids[0]


def test_coming_back_to_the_page_shows_new_data_and_keeps_the_filter(qtbot, page, store) -> None:
    circle_id = page.source.circle_choices()[0].item_id
    page.filter_bar.select_circle(circle_id)
    before = page.model.total
    page.hide()
    newcomer = store.people.add("Newcomer Ngozi", "", (circle_id,))
    started = NOW - timedelta(hours=3)
    session_id = store.sessions.create(
        circle_id,
        facilitators=("Robin",),
        plan=(),
        started_at=started,
        timezone="UTC",
        people=(newcomer.person_id,),
    )
    store.sessions.finish(session_id)
    page.show()
    assert page.filter_bar.circle.currentData() == circle_id
    assert page.model.total == before + 1
    assert shown_ids(page)[0] == session_id
    assert page.filter_bar.person.findData(newcomer.person_id) > 0


def test_the_circles_tab_opens_on_a_circle_and_its_picker_names_it(qtbot, page) -> None:
    first = page.source.circle_choices()[0]
    page.tabs.setCurrentIndex(2)
    view = page.circle_view
    assert view is not None, "the tab is never blank"
    assert view.history.circle_id == first.item_id
    assert page.circle_picker.currentText() == f"{first.name} (demo)"
    page.refresh_choices()  # shown again later: the picker still names the circle in view
    assert page.circle_picker.currentText() == f"{first.name} (demo)"


def test_the_circle_column_has_room_for_a_usual_name(qtbot, page) -> None:
    metrics = page.table.fontMetrics()
    assert page.table.columnWidth(1) >= metrics.horizontalAdvance("Tuesday evening circle")
    index = page.model.index(0, 1)
    assert page.model.data(index, Qt.ItemDataRole.ToolTipRole) == page.model.data(index)


def test_every_history_table_is_one_stop_on_the_tab_round(qtbot, page, store) -> None:
    """Tab in a table moved its current cell instead of going on (see ui/table_keys.py)."""
    from PySide6.QtWidgets import QTableView

    circle_id = page.source.circle_choices()[0].item_id
    page.tabs.setCurrentIndex(1)
    page.show_person(store.people.members(circle_id)[0].person_id)
    page.tabs.setCurrentIndex(2)
    page.show_circle(circle_id)
    page.tabs.setCurrentIndex(3)
    tables = page.findChildren(QTableView)
    assert len(tables) >= 4
    assert [t.accessibleName() for t in tables if t.tabKeyNavigation()] == []


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Down])
def test_return_or_down_in_the_search_box_goes_to_the_sessions_found(qtbot, page, key) -> None:
    """The keys stayed in the box: Return seemed to do nothing, and the table needed a Tab
    and a Down before the first session showed."""
    search = page.filter_bar.text
    search.setFocus()
    qtbot.keyClicks(search, "a")
    qtbot.keyClick(search, key)
    assert page.table.hasFocus()
    assert page.table.selectionModel().selectedRows()[0].row() == 0
    assert page.detail_view is not None
    assert page.detail_view.detail.listing.session_id == shown_ids(page)[0]


def test_ctrl_end_goes_to_the_oldest_session_not_the_end_of_a_page(qtbot, page, store) -> None:
    """It stopped at the last row read so far (the 40th here; three presses for 300 sessions
    in the app), which looked like the oldest session and was not."""
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    oldest = min(
        (page.model.listing(r) for r in range(page.model.rowCount())),
        key=lambda listing: listing.started_at,
    )
    assert page.model.rowCount() == SESSIONS
    assert page.table.currentIndex().row() == SESSIONS - 1
    assert page.model.listing(SESSIONS - 1).session_id == oldest.session_id
    assert page.detail_view is not None
    assert page.detail_view.detail.listing.session_id == oldest.session_id


def test_the_first_down_in_the_table_shows_the_newest_session(qtbot, page) -> None:
    """The table took the keys (Ctrl+2) with its first row current but not chosen, and Down
    went on to the second: the newest session was skipped."""
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    assert page.table.currentIndex().row() == 0 and not page.table.selectionModel().hasSelection()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.table.selectionModel().selectedRows()[0].row() == 0
    assert page.detail_view is not None
    assert page.detail_view.detail.listing.session_id == shown_ids(page)[0]
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.table.selectionModel().selectedRows()[0].row() == 1


def test_the_menu_key_sorts_the_table_from_the_keyboard(qtbot, page) -> None:
    """Only a click on a heading sorted the table, and the header takes no keyboard focus."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    seen: list[list[str]] = []

    def choose(text: str) -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.append([a.text() + ("*" if a.isChecked() else "") for a in menu.actions()])
        next(a for a in menu.actions() if a.text().startswith(text)).trigger()
        menu.close()

    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    page.table.selectRow(0)
    assert page.detail_view is not None
    for _ in range(2):
        QTimer.singleShot(50, lambda: choose("Fairness"))
        # What the Menu key (or Shift+F10) sends; QTest's key clicks skip the window that
        # turns the key into this event.
        at = page.table.visualRect(page.table.currentIndex()).center()
        global_at = page.table.viewport().mapToGlobal(at)
        menu_key = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, global_at)
        QApplication.sendEvent(page.table.viewport(), menu_key)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert seen[0] == [
        "Date (newest first)*",  # which way it is sorted: choosing it again turns it round
        "Circle",
        "Present",
        "Duration",
        "Fairness",
        "Status",
    ]
    assert seen[1][4] == "Fairness (fairest first)*"
    assert page.model.order.key is SessionSort.FAIRNESS and not page.model.order.descending
    values = [page.model.listing(r).fairness or -1 for r in range(page.model.rowCount())]
    assert values == sorted(values)  # fairest first, then turned round: least fair first
    assert page.table.horizontalHeader().sortIndicatorSection() == 5
    assert page.detail_view is None  # not the session chosen before, rows away now


def _ink_columns(widget) -> list[int]:
    image = widget.grab().toImage()
    background = image.pixelColor(2, 2).lightness()
    return [
        x
        for x in range(image.width())
        if any(
            abs(image.pixelColor(x, y).lightness() - background) > 60 for y in range(image.height())
        )
    ]


def test_the_people_tabs_hint_looks_like_the_sessions_tabs(qtbot, page) -> None:
    """ "Choose a person." was pinned to the left edge of its view, unlike "Choose a session…"
    centred on the Sessions tab: every history hint is centred, wrapped, plain text."""
    picker = page.people_tab
    page.tabs.setCurrentWidget(picker)
    qtbot.waitUntil(lambda: picker.built)
    hint = picker.area.widget()
    sessions_hint = page.detail_placeholder
    assert hint.alignment() == sessions_hint.alignment()
    assert hint.wordWrap() and hint.textFormat() == sessions_hint.textFormat()
    ink = _ink_columns(hint)
    assert ink, "the hint is drawn"
    middle = (min(ink) + max(ink)) / 2
    assert abs(middle - hint.width() / 2) < 10, "centred in its view"
