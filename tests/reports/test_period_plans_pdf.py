"""Sessions held against each circle's schedule in the period report, read back from the PDF
(pypdf) and the CSV: the figures of :mod:`tests.store.test_period_plans`, worked out by hand,
in plain words that judge nobody.

March 2026. Tuesday meets every week (3, 10 and 24 March held; 17 and 31 planned too),
Thursday on the first Thursday of each month (5 March), Wednesday every week from its first
session on 18 March (18 and 25 held), Friday has no fixed schedule (one session, 6 March).
Evening meets every Tuesday since 3 February and has never held a session.
"""

from __future__ import annotations

import csv as csv_module
import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from circlekeeper.commands.report_input import base_context, period_report
from circlekeeper.i18n import active_language, use_language
from circlekeeper.reports import render_period
from circlekeeper.reports.period_csv import period_csv
from circlekeeper.session.cadence import Cadence, CadenceKind
from circlekeeper.store import CircleRecord, Store, open_store
from tests.reports.conftest import GENERATED, pdf_pages, words
from tests.store.period_history import Turn, build_history, day, play

MARCH = (date(2026, 3, 1), date(2026, 3, 31))
WEEKLY = Cadence(CadenceKind.WEEKLY)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(tmp_path_factory.mktemp("plans") / "ck.sqlite3")
    built = build_history(opened)
    for circle_id, cadence in (
        (built.tuesday, WEEKLY),
        (built.thursday, Cadence(CadenceKind.MONTHLY)),
    ):
        opened.circles.save(replace(opened.circles.get(circle_id), cadence=cadence))
    wednesday = opened.circles.save(CircleRecord(None, "Wednesday", cadence=WEEKLY))
    play(built, wednesday, day(3, 18), [Turn("Ana"), Turn("Bo")])
    play(built, wednesday, day(3, 25), [Turn("Ana")])
    friday = opened.circles.save(CircleRecord(None, "Friday"))
    play(built, friday, day(3, 6), [Turn("Cy")])
    opened.circles.save(
        CircleRecord(None, "Evening", cadence=Cadence(CadenceKind.WEEKLY, date(2026, 2, 3)))
    )
    try:
        yield opened
    finally:
        opened.close()


def _body(store: Store) -> str:
    report = period_report(store, *MARCH)
    context = base_context(store, generated=GENERATED, invariant=True)
    return " ".join(words(page) for page in pdf_pages(render_period(report, context))[1:])


def _section(body: str, circle: str) -> str:
    return body[body.index(f"{circle} This period") :]


def test_each_circle_section_sets_the_sessions_held_beside_those_planned(store: Store) -> None:
    body = _body(store)
    tuesday = _section(body, "Tuesday")
    assert "Sessions held 3 1 +200%" in tuesday
    assert "Every week on Tuesday: 3 of 5 planned sessions held." in tuesday
    assert "On the first Thursday of each month: 1 of 1 planned session held." in (
        _section(body, "Thursday")
    )
    assert "Every week on Wednesday, from Mar 18: 2 of 2 planned sessions held." in (
        _section(body, "Wednesday")
    )
    assert "No fixed schedule: 1 session held." in _section(body, "Friday")
    for unkind in ("missed", "behind", "only"):
        assert unkind not in body


def test_a_scheduled_circle_that_never_met_has_its_section(store: Store) -> None:
    """The board sees the circle planned every Tuesday that held nothing, in the list of
    circles on page one and with a section of its own, without a chart of nothing."""
    report = period_report(store, *MARCH)
    context = base_context(store, generated=GENERATED, invariant=True)
    pages = [words(page) for page in pdf_pages(render_period(report, context))]
    assert "Evening 0 0 0 — —" in pages[0]
    evening = _section(" ".join(pages[1:]), "Evening")
    assert evening.startswith("Evening This period Previous Change Sessions held 0 0 —")
    assert "Every week on Tuesday: 0 of 5 planned sessions held." in evening
    assert "People present per" not in evening[: evening.index("Friday This period")]


def test_the_csv_carries_the_same_figures(store: Store) -> None:
    rows = {
        (row[4], row[5]): row[6]
        for row in csv_module.reader(io.StringIO(period_csv(period_report(store, *MARCH))))
    }
    assert rows[("Tuesday", "schedule")] == "Every week on Tuesday"
    assert rows[("Tuesday", "sessions planned")] == "5"
    assert rows[("Tuesday", "sessions held on the days the schedule covers")] == "3"
    assert rows[("Wednesday", "sessions planned")] == "2"
    assert rows[("Wednesday", "schedule counted from")] == "2026-03-18"
    assert rows[("Friday", "schedule")] == "No fixed schedule"
    assert ("Friday", "sessions planned") not in rows
    assert rows[("Evening", "sessions planned")] == "5"
    assert rows[("Evening", "sessions held on the days the schedule covers")] == "0"


def test_a_german_report_names_the_schedule_in_german(store: Store) -> None:
    before = active_language()
    use_language("de")
    try:
        body = _body(store)
    finally:
        use_language(before)
    assert "Jede Woche am Dienstag: 3 von 5 geplanten Sitzungen abgehalten." in body
    assert "Am ersten Donnerstag im Monat: 1 von 1 geplanten Sitzung abgehalten." in body
    assert "Kein fester Rhythmus: 1 Sitzung abgehalten." in body
