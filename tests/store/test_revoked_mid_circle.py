"""A facilitator's rights revoked on the server mid-circle: nothing of the circle is lost.

Against the real PostgreSQL server with the roles ``setup-roles`` makes: Robin runs a circle in
the real window; the owner runs ``REVOKE circlekeeper_facilitator FROM robin`` half-way. The
actions Robin takes afterwards are kept on the laptop (the offline journal's fsynced file), the
live screen says what happened and what to do, and the circle ends as usual. The next start
while the rights are still gone says where the actions wait; the start after they are given
back stores every action, the end and the shareable summary, and ends the session there.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from circlekeeper.app import build_app
from circlekeeper.errors import UserFacingError
from circlekeeper.session import events as ev
from circlekeeper.store import open_store
from circlekeeper.store.roles import FACILITATOR_GROUP
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.quit_question import quit_question
from tests.store.test_server_roles import Org, org  # noqa: F401 - the fixture
from tests.ui.conftest import TestClock, app_options

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the offline journal's folder
    yield tmp_path / "data"


def as_owner(org: Org, statement: str) -> None:  # noqa: F811
    engine = create_engine(org.admin, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


def robin_role(org: Org) -> str:  # noqa: F811
    name = make_url(org.robin).username
    assert name is not None
    return name


def test_actions_after_a_revoke_are_kept_and_stored_once_the_rights_are_back(
    qtbot,
    org: Org,  # noqa: F811
    data_home: Path,
) -> None:
    clock = TestClock()
    parts = build_app(org.robin, app_options(clock))
    window = parts.window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.save_circle(
            CircleDetail(None, "Friday", members=(Member(-1, "Amal"), Member(-2, "Jonas")))
        )
        window.start_circle()
        session_id = window._session_id
        live = window.live_view
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        live.setFocus()
        qtbot.keyClick(live, Qt.Key.Key_N)  # the round opens
        clock.advance(20)
        qtbot.keyClick(live, Qt.Key.Key_N)
        as_owner(org, f'REVOKE {FACILITATOR_GROUP} FROM "{robin_role(org)}"')
        for _ in range(3):
            clock.advance(20)
            qtbot.keyClick(live, Qt.Key.Key_N)
        assert window.controller.storage_error is None, "not the store's failure: kept"
        banner = live.storage_banner.text()
        assert live.storage_banner.isVisibleTo(window)
        assert "no longer lets your role save this circle" in banner
        waiting = window.controller.waiting_for_server
        assert waiting >= 3
        assert f"Nothing is lost: {waiting} actions are kept safely on this computer" in banner
        assert "give your role its rights back, then open CircleKeeper again" in banner
        assert "the server refuses your role" in window.statusBar().currentMessage()
        journals = list(data_home.rglob("journal-*.jsonl"))
        assert len(journals) == 1 and journals[0].stat().st_mode & 0o077 == 0
        _title, question = quit_question(window.controller, 0)
        assert f"{waiting} of its actions wait on this computer" in question, question
        live.end_circle()  # the circle ends as usual, its end kept with the actions
        assert window.summary_view is not None
        assert "waits on this computer" in window.statusBar().currentMessage()
        window.summary_view.shareable.setPlainText("We met and shared.")
        window.summary_view.close_button.click()
        assert window.summary_view is None
    finally:
        window.close()
        parts.data.close()

    # The next start, the rights still gone: refused, and told where the actions wait.
    with pytest.raises(UserFacingError) as refused:
        build_app(org.robin, app_options(clock))
    said = str(refused.value)
    assert "actions of circles are still kept safely on this computer" in said, said
    assert journals[0].exists()

    # The rights are given back: the next start stores everything and ends the session.
    as_owner(org, f'GRANT {FACILITATOR_GROUP} TO "{robin_role(org)}"')
    # ... a while later: the lease the closed window held has gone stale (20 s).
    as_owner(
        org,
        "UPDATE sessions SET lease_renewed_at = lease_renewed_at - interval '1 minute'"
        f" WHERE id = {session_id}",
    )
    again = build_app(org.robin, app_options(clock))
    qtbot.addWidget(again.window)
    try:
        again.window.offer_resume()
        said = again.window.statusBar().currentMessage()
        assert "now stored on the server: Friday" in said, said
    finally:
        again.window.close()
        again.data.close()
    with open_store(org.admin, read_only=True) as store:
        record = store.sessions.get(session_id)
        stored = store.sessions.entries(session_id)
        assert record.status == "ended"
        assert record.shareable == "We met and shared."
        assert [e.seq for e in stored] == list(range(1, len(stored) + 1))
        assert isinstance(stored[-1].event, ev.SessionEnded)
        assert len(stored) >= 7
    assert not list(data_home.rglob("journal-*"))
