"""The history and the prompt library in the facilitator's language: words, plurals, dates.

Over a real SQLite file seeded by the demo generator, as in ``test_history_page``; each test
builds its windows after choosing the language, the way the app rebuilds its views when the
language changes, and ends back in English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QScrollArea

from circlekeeper.demo.seeding import seed_demo
from circlekeeper.i18n import use_language
from circlekeeper.i18n.formats import format_duration, format_number
from circlekeeper.prompts import PromptLibrary, load_shipped_decks
from circlekeeper.prompts.memory import MemoryPromptRepository
from circlekeeper.store import Store, open_store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.ui.history import HistoryPage
from circlekeeper.ui.prompts.browser import PromptBrowser

SESSIONS = 20
NOW = datetime(2026, 11, 25, tzinfo=UTC)
SPANISH_MONTHS = [
    "ene",
    "feb",
    "mar",
    "abr",
    "may",
    "jun",
    "jul",
    "ago",
    "sept",
    "oct",
    "nov",
    "dic",
]


@pytest.fixture(autouse=True)
def back_to_english() -> Iterator[None]:
    yield
    use_language("en")


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("history-language") / "history.sqlite3"
    store = open_store(path)
    try:
        seed_demo(store.engine, SESSIONS, seed=7, end=NOW - timedelta(days=2))
    finally:
        store.close()
    return path


@pytest.fixture
def store(database: Path) -> Iterator[Store]:
    opened = open_store(database)
    try:
        yield opened
    finally:
        opened.close()


def history_in(qtbot, store: Store, language: str) -> HistoryPage:
    use_language(language)
    page = HistoryPage(
        HistoryQueries.for_store(store),
        threaded=False,
        ask=lambda parent, title, question: False,
        now=lambda: NOW,
        pdf_hook=lambda parent, session_id: None,
    )
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    return page


def headings(page: HistoryPage) -> list[str]:
    model = page.model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def tabs(page: HistoryPage) -> list[str]:
    return [page.tabs.tabText(i) for i in range(page.tabs.count())]


def open_first_session(page: HistoryPage) -> None:
    page.table.selectRow(0)
    assert page.detail_view is not None


def test_the_history_in_spanish(qtbot, store: Store) -> None:
    page = history_in(qtbot, store, "es")
    assert tabs(page) == ["&Sesiones", "&Personas", "Cí&rculos", "P&eriodo"]
    assert headings(page) == [
        "Fecha",
        "Círculo",
        "Facilitadores",
        "Presentes",
        "Duración",
        "Equidad",
        "Estado",
    ]
    assert page.count_label.text() == f"{SESSIONS} sesiones coinciden"
    bar = page.filter_bar
    assert bar.clear_button.text() == "&Quitar filtros"
    assert bar.text.placeholderText() == "Buscar en preguntas y resúmenes"
    assert [bar.status.itemText(i) for i in range(bar.status.count())] == [
        "Cualquier estado",
        "Terminada",
        "Cerrada tras un fallo",
        "En curso",
    ]
    assert bar.circle.itemText(0) == "Todos los círculos"
    open_first_session(page)
    view = page.detail_view
    assert view is not None
    buttons = {b.text() for b in view.findChildren(QPushButton)}
    assert {"&Copiar resumen", "&Borrar sesión…", "E&xportar el PDF otra vez…"} <= buttons
    header = view.rounds.headerItem()
    assert [header.text(c) for c in range(4)] == [
        "Ronda / persona",
        "Habló",
        "Asignado",
        "Qué pasó",
    ]
    assert page.period_view.preset.currentText() == "El mes pasado"
    assert page.period_view.show_button.text() == "&Mostrar cifras"


def test_a_page_built_after_a_switch_speaks_the_new_language(qtbot, store: Store) -> None:
    """Nothing is frozen at import: headings and statuses follow the language at build time."""
    history_in(qtbot, store, "es")
    french = history_in(qtbot, store, "fr")
    assert headings(french)[0] == "Date" and headings(french)[-1] == "État"
    assert tabs(french)[0] == "&Séances"
    assert french.filter_bar.status.itemText(1) == "Terminée"
    use_language("en")
    english = history_in(qtbot, store, "en")
    assert tabs(english)[0] == "&Sessions" and headings(english)[0] == "Date"


def test_the_history_in_arabic_with_its_own_plural_forms(qtbot, store: Store) -> None:
    page = history_in(qtbot, store, "ar")
    assert tabs(page) == ["ال&جلسات", "الأ&شخاص", "الح&لقات", "ال&فترة"]
    assert headings(page)[:2] == ["التاريخ", "الحلقة"]
    # Twenty takes the "many" form in Arabic (11–99): the noun in the singular accusative.
    assert page.count_label.text() == f"{SESSIONS} جلسةً مطابقة"
    page.filter_bar.circle.setCurrentIndex(1)
    shown = page.model.total
    assert 3 <= shown <= 10, "the demo spreads 20 sessions over a few circles"
    assert page.count_label.text() == f"{shown} جلسات مطابقة"  # 3–10: the plural
    open_first_session(page)
    view = page.detail_view
    assert view is not None
    assert "ح&ذف الجلسة…" in {b.text() for b in view.findChildren(QPushButton)}


def test_dates_and_figures_in_the_table_are_the_languages_own(qtbot, store: Store) -> None:
    page = history_in(qtbot, store, "de")
    listing = page.model.listing(0)
    local = listing.started_at.astimezone(ZoneInfo(listing.timezone))
    # On another clock than this computer's, the place follows: "19.11.2026, 18:05 (Lagos)".
    when, _, place = page.model.data(page.model.index(0, 0)).partition(" (")
    assert when == f"{local:%d.%m.%Y, %H:%M}"
    assert place in ("", listing.timezone.rsplit("/", 1)[-1] + ")")
    fairness = page.model.data(page.model.index(0, 5))
    assert re.fullmatch(r"[01],\d\d", fairness), fairness  # a decimal comma
    assert re.search(r"\d+\u00a0(Std\.|Min\.)", page.model.data(page.model.index(0, 4)))

    spanish = history_in(qtbot, store, "es")
    listing = spanish.model.listing(0)
    local = listing.started_at.astimezone(ZoneInfo(listing.timezone))
    month = SPANISH_MONTHS[local.month - 1]
    expected = f"{local.day} {month} {local.year}, {local:%H:%M}"
    assert spanish.model.data(spanish.model.index(0, 0)).partition(" (")[0] == expected


def test_the_prompt_library_in_spanish_and_arabic(qtbot) -> None:
    use_language("es")
    library = PromptLibrary(load_shipped_decks(), MemoryPromptRepository())
    browser = PromptBrowser(library)
    qtbot.addWidget(browser)
    assert browser.windowTitle() == "Biblioteca de preguntas"
    assert browser.category.itemText(0) == "Cualquier categoría"
    assert browser.count.text() == f"{browser.list.count()} preguntas"
    assert browser.use_button.text() == "&Usar esta pregunta"  # Alt+U
    use_language("ar")
    arabic = PromptBrowser(library)
    qtbot.addWidget(arabic)
    assert arabic.windowTitle() == "مكتبة الأسئلة"
    shown = arabic.list.count()
    # 155 ends in 55 (11–99): the "many" form, the noun in the singular accusative.
    assert shown == 155 and arabic.count.text() == f"{shown} سؤالًا"


def test_a_session_in_a_long_language_fits_its_pane_on_a_laptop(qtbot, store: Store) -> None:
    """In the pseudo-locale (a third longer than English, as German is) the session pane
    beside the table wraps its sentences instead of growing wider than what is shown."""
    page = history_in(qtbot, store, "qps")
    page.resize(880, 700)  # the narrowest history: a 1024×600 screen, or a wide circle list
    open_first_session(page)
    view = page.detail_view
    assert view is not None
    qtbot.waitUntil(lambda: view.isVisible())
    scroll = view.findChild(QScrollArea)
    body = scroll.widget()
    assert body.width() <= scroll.viewport().width(), (body.width(), scroll.viewport().width())


def test_the_fairness_sentence_writes_its_figures_as_the_window_language_does(
    qtbot, store: Store
) -> None:
    """The PDF said "0,86" in German while the window beside it said "0.86"."""
    page = history_in(qtbot, store, "de")
    open_first_session(page)
    view = page.detail_view
    assert view is not None
    sentence = view.fairness_label.text()
    assert re.search(r"\b[01],\d\d\b", sentence), sentence
    assert not re.search(r"\b[01]\.\d\d\b", sentence.replace("1.00", "")), sentence


@pytest.mark.parametrize("language", ["en", "de", "ar"])
def test_the_fairness_sentence_writes_its_largest_difference_as_the_key_figures_do(
    qtbot, store: Store, language: str
) -> None:
    """Beside "25 min in all" the sentence said "the largest difference … was 252 s"."""
    page = history_in(qtbot, store, language)
    open_first_session(page)
    view = page.detail_view
    assert view is not None
    summary = view.detail.summary
    difference = format_duration(summary.max_deviation_seconds)
    assert summary.max_deviation_seconds >= 60, "a difference in minutes, to be written as one"
    assert difference in view.fairness_label.text()
    assert format_duration(summary.duration_seconds) in view.facts_label.text()  # the same style
    bare_seconds = format_number(round(summary.max_deviation_seconds))
    assert bare_seconds not in view.fairness_label.text()
