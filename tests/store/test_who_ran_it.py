"""History names the facilitator who ran a session, not the circle's usual one.

The start dialog fills the facilitator's name with the circle's usual facilitator. When Sam
ran Robin's circle on the organization's server and left the name as it was, History's
Facilitator column, the session's detail and the printed summary all said "Robin". Against
the real server with two facilitator roles: the session records Sam's login role when it
starts (``sessions.run_by``, migration 0009), and all three show it; the typed name stays
visible in the detail. On a SQLite file (one facilitator, who typed their name) nothing
changes. Sessions older than the column keep a sensible value (the migration test).
"""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO

from alembic import command
from pypdf import PdfReader
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from circlekeeper.commands.report_input import session_report
from circlekeeper.reports import render_session
from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.store import CircleRecord, migrate, open_store
from circlekeeper.store.database import make_engine
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.store.location import resolve
from circlekeeper.ui.history.session_detail import SessionDetailView
from tests.store.test_server_roles import Org, org  # noqa: F401 - the fixture

USUAL = "Robin Usual"


def run_a_circle(url: str, circle_id: int | None = None) -> tuple[int, int]:
    """A session started (and finished) by whoever logs in with ``url``, the facilitator's
    name left as the start dialog fills it: the circle's usual facilitator."""
    with open_store(url) as store:
        if circle_id is None:
            circle_id = store.circles.save(CircleRecord(None, "Tuesday", facilitators=(USUAL,)))
        session_id = store.sessions.create(
            circle_id,
            facilitators=(USUAL,),
            co_facilitators=("Jonas",),
            plan=(),
            started_at=datetime.now(UTC),
            timezone="UTC",
            people=(),
        )
        circle = CircleSession(
            FakeClock(), sink=lambda entry: store.sessions.append(session_id, entry)
        )
        circle.start("Tuesday", (Participant("1", "Amal"),), (USUAL, "Jonas"))
        circle.end_session()
        store.sessions.finish(session_id)
    return circle_id, session_id


def pdf_text(url: str, session_id: int) -> str:
    with open_store(url, read_only=True) as store:
        summary, context = session_report(store, session_id, invariant=True)
    pdf = render_session(summary, context)
    return " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_history_the_detail_and_the_pdf_name_who_ran_the_session(
    qtbot,
    org: Org,  # noqa: F811
) -> None:
    circle_id, _robin_session = run_a_circle(org.robin)
    _, sam_session = run_a_circle(org.sam, circle_id)
    sam = make_url(org.sam).username
    robin = make_url(org.robin).username
    with open_store(org.robin, read_only=True) as store:  # Robin reviews the shared history
        queries = HistoryQueries.for_store(store)
        listing = queries.listing(sam_session)
        assert listing.facilitators == (sam,), "who ran it, not the circle's usual facilitator"
        assert listing.named_facilitators == (USUAL,), "the typed name is still there"
        rows = {row.session_id: row.facilitators for row in queries.sessions().rows}
        assert rows[_robin_session] == (robin,)
        view = SessionDetailView(queries.detail(sam_session))
        qtbot.addWidget(view)
        facts = view.facts_label.text().replace("\u2066", "").replace("\u2069", "")
        assert f"Facilitated by {sam}" in facts and f"named at the start: {USUAL}" in facts
    printed = pdf_text(org.robin, sam_session)
    assert f"Facilitators: {sam} and Jonas" in printed, printed


def test_a_file_shows_the_names_typed_for_its_one_facilitator(tmp_path) -> None:  # type: ignore[no-untyped-def]
    where = str(tmp_path / "circle.sqlite3")
    _, session_id = run_a_circle(where)
    with open_store(where, read_only=True) as store:
        listing = HistoryQueries.for_store(store).listing(session_id)
    assert listing.facilitators == (USUAL,)
    assert listing.named_facilitators == ()
    assert f"Facilitators: {USUAL} and Jonas" in pdf_text(where, session_id)


def test_older_sessions_keep_a_sensible_facilitator_after_the_upgrade(
    org: Org,  # noqa: F811
) -> None:
    """0009 copies the login role of sessions a facilitator's app made; sessions the database
    owner holds (given to it by 0004, or demo and imported ones) keep their typed names."""
    circle_id, sam_session = run_a_circle(org.sam)
    _, owner_session = run_a_circle(org.admin, circle_id)
    engine = make_engine(resolve(org.admin), foreign_keys=False)
    try:
        config = migrate.alembic_config()
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0008_period_covering_index")
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        engine.dispose()
    admin = create_engine(org.admin)
    try:
        with admin.connect() as connection:
            run_by = dict(connection.execute(text("SELECT id, run_by FROM sessions")).all())
    finally:
        admin.dispose()
    assert run_by[sam_session] == make_url(org.sam).username
    assert run_by[owner_session] is None
    with open_store(org.robin, read_only=True) as store:
        assert HistoryQueries.for_store(store).listing(owner_session).facilitators == (USUAL,)
