"""A session started with a prompt for each person keeps them, newcomers included, in the store."""

from __future__ import annotations

from circlekeeper.session import Participant
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.session.order import OrderStrategy
from circlekeeper.store import open_store
from circlekeeper.ui.catalog import CircleDetail
from circlekeeper.ui.prompts.feature import PromptFeature
from circlekeeper.ui.setup.setup_dialog import SessionSetup
from circlekeeper.ui.store_catalog import StoreCatalog


def test_begin_session_files_each_persons_prompt_under_their_stored_id(tmp_path) -> None:
    store = open_store(tmp_path / "ck.sqlite3")
    try:
        catalog = StoreCatalog(store, prompts=PromptFeature(store.prompts))
        circle_id = catalog.save_circle(CircleDetail(None, "Tuesday"))
        amal = catalog.add_member(circle_id, "Amal", "she/her").participant()
        noor = Participant("new-1", "نور", "")
        plan = (
            RoundPlan(
                RoundKind.CHECK_IN,
                TimePolicy.fixed(60),
                person_prompts=((amal.person_id, "<b>What</b> & why?"), ("new-1", "Welcome 🌱")),
            ),
            RoundPlan(RoundKind.CHECK_OUT, TimePolicy.fixed(30), "One word"),
        )
        setup = SessionSetup((amal, noor), (noor,), ("Sam",), plan, OrderStrategy.SEATING, 1)
        session_id, _journal, present = catalog.begin_session(circle_id, setup)
        noor_id = present[1].person_id
        assert noor_id.isdigit()
        uses = store.prompts.uses_for_session(session_id)
        assert [(u.round_index, u.person_id, u.text) for u in uses] == [
            (0, amal.person_id, "<b>What</b> & why?"),
            (0, noor_id, "Welcome 🌱"),
            (1, None, "One word"),
        ]
        stored = store.sessions.get(session_id).plan
        assert stored[0].prompt_for(noor_id) == "Welcome 🌱"
        assert stored[0].prompt_for("new-1") == ""
    finally:
        store.close()
