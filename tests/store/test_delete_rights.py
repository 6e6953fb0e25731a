"""Whether a session may be deleted is known before History asks "Delete session?".

History asked the question first and only then met the server's refusal: Sam confirmed
deleting Robin's session and was told it was Robin's; a coordinator confirmed and met a
permission error. ``delete_refusal`` answers before anything is asked or touched, and it must
say exactly what the server's own DELETE then does: checked against the real server for each
kind of role (the session's facilitator, another facilitator, a coordinator, the owner).
"""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from circlekeeper.store import open_store
from circlekeeper.store.errors import NotYourSession, RecordNotFound
from circlekeeper.store.history.queries import HistoryQueries
from tests.store.backends import Backend
from tests.store.test_server_roles import Org, org  # noqa: F401 - the fixture
from tests.store.test_who_ran_it import run_a_circle


def refusal_then_delete(url: str, session_id: int) -> tuple[str | None, str | None]:
    """What ``url``'s role is told before the question, then what deleting does (``None``:
    deleted)."""
    with open_store(url) as store:
        queries = HistoryQueries.for_store(store)
        before = queries.delete_refusal(session_id)
        try:
            queries.delete_session(session_id)
        except NotYourSession as refused:
            return before, str(refused)
        return before, None


def still_there(url: str, session_id: int) -> bool:
    with open_store(url, read_only=True) as store:
        queries = HistoryQueries.for_store(store)
        try:
            queries.listing(session_id)
        except KeyError:
            return False
        return store.sessions.entries(session_id) != ()


def test_another_facilitators_session_is_refused_before_the_question(org: Org) -> None:  # noqa: F811
    _, robins = run_a_circle(org.robin)
    robin = make_url(org.robin).username
    before, deleting = refusal_then_delete(org.sam, robins)
    assert before == f"Session {robins} was run by {robin}; only {robin} can delete it."
    assert deleting == f"{before} Nothing was deleted.", "the server refuses it, and says so"
    assert still_there(org.admin, robins)


def test_a_coordinator_is_told_their_role_may_not_delete(org: Org) -> None:  # noqa: F811
    _, robins = run_a_circle(org.robin)
    cora = make_url(org.cora).username
    before, deleting = refusal_then_delete(org.cora, robins)
    assert before is not None
    assert f"Your role {cora} may read the history on this server but not delete" in before
    assert deleting == f"{before} Nothing was deleted."
    assert still_there(org.admin, robins)


def test_ones_own_session_and_the_owners_may_be_deleted(org: Org) -> None:  # noqa: F811
    circle_id, robins = run_a_circle(org.robin)
    _, sams = run_a_circle(org.sam, circle_id)
    assert refusal_then_delete(org.robin, robins) == (None, None)
    assert not still_there(org.admin, robins)
    assert refusal_then_delete(org.admin, sams) == (None, None), "not bound by the policies"
    assert not still_there(org.admin, sams)


def test_a_file_has_one_facilitator_who_may_delete_every_session(backend: Backend) -> None:
    if not backend.is_sqlite:
        pytest.skip("the server's roles are tested above")
    where = backend.fresh("one")
    _, session_id = run_a_circle(where)
    with open_store(where) as store:
        queries = HistoryQueries.for_store(store)
        assert queries.delete_refusal(session_id) is None
        queries.delete_session(session_id)
        with pytest.raises(RecordNotFound):
            queries.delete_refusal(session_id)
