"""A late arrival's own prompt, kept where a circle's prompts are kept: drawn from the real
library without repeating the round's, recorded as heard when the circle finishes (so the
history lists it and later draws avoid it), printed in the PDF (read back with pypdf), and
left out when the arrival was undone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from circlekeeper.commands.report_input import session_report
from circlekeeper.prompts import PromptDrawer, PromptLibrary, PromptUseRecorder
from circlekeeper.prompts.drawer import DrawRequest
from circlekeeper.prompts.late_deal import library_deal
from circlekeeper.prompts.translated import shipped_decks_in
from circlekeeper.reports import Privacy, render_session
from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.session.events import JoinPlace
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.session.prompts import PromptCategory
from circlekeeper.store import CircleRecord, Store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.store.journal import StoreJournal
from tests.reports.conftest import pdf_text, words

pytestmark = pytest.mark.sqlite_only

START = datetime(2026, 11, 24, 17, 30, tzinfo=UTC)
NAMES = ("Ada", "Bea", "Cy")


class Played:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.circle = store.circles.save(CircleRecord(None, "Tuesday"))
        self.people = [
            Participant(str(store.people.add(n, circle_ids=[self.circle]).person_id), n)
            for n in NAMES
        ]
        self.kai = Participant(
            str(store.people.add("Kai", circle_ids=[self.circle]).person_id), "Kai"
        )
        self.library = PromptLibrary(shipped_decks_in("en"), store.prompts)
        drawer = PromptDrawer(self.library, circle_id=self.circle, seed=7)
        at_set_up = DrawRequest.for_round(RoundKind.SHARING)
        dealt = drawer.draw_for_people(at_set_up, [p.person_id for p in self.people])
        own = tuple((pid, d.prompt.text) for pid, d in dealt.items() if d.prompt is not None)
        self.plan = (
            RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), prompt="How are you arriving?"),
            RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(600), person_prompts=own),
        )
        self.sid = store.sessions.create(
            self.circle,
            facilitators=("Robin",),
            plan=self.plan,
            started_at=START,
            timezone="UTC",
            people=tuple(int(p.person_id) for p in self.people),
        )
        PromptUseRecorder(self.library).record_plan(self.sid, self.plan, used_at=START)
        self.clock = FakeClock()
        origin = self.clock.now()
        self.deal = library_deal(self.library, PromptDrawer(self.library, circle_id=self.circle))
        self.session = CircleSession(
            self.clock,
            sink=StoreJournal(store, self.sid).append,
            wall=lambda: START + timedelta(seconds=self.clock.now() - origin),
        )
        self.session.start("Tuesday", self.people)

    def finish(self) -> None:
        self.session.end_session()
        self.store.sessions.finish(self.sid)


def test_a_late_arrivals_prompt_is_heard_listed_printed_and_avoided(store: Store) -> None:
    played = Played(store)
    session = played.session
    session.start_round(played.plan[0])
    session.join(played.kai, JoinPlace.NEXT_ROUND, deal=played.deal)
    session.end_round()
    session.start_round(played.plan[1], deal=played.deal)
    kai = played.kai.person_id
    round_ = session.state.current_round
    theirs = round_.plan.prompt_for(kai)
    others = [text for pid, text in played.plan[1].person_prompts]
    # A library prompt of the round's category, none of the others' (nor the check-in's).
    found = played.library.match_text(theirs)
    assert found is not None and found.category is PromptCategory.SHARING
    assert theirs not in others and theirs != "How are you arriving?"
    session.start_turn(kai)
    played.clock.advance(75)
    session.end_turn()
    played.finish()
    store.sessions.finish(played.sid)  # finishing again (closing the summary) adds nothing

    uses = store.prompts.uses_for_session(played.sid)
    mine = [u for u in uses if u.person_id == kai]
    assert [(u.round_index, u.text, u.prompt_id) for u in mine] == [(1, theirs, found.prompt_id)]
    # The history lists it among the prompts the circle heard.
    detail = HistoryQueries.for_store(store).detail(played.sid)
    assert theirs in [u.text for u in detail.prompts]
    # The next draw for this circle sets it aside with the rest of what was heard.
    by_id, _by_text = PromptDrawer(played.library, circle_id=played.circle).recent_uses()
    assert found.prompt_id in by_id
    # The PDF prints who heard which prompt where the round's prompts are listed.
    summary, context = session_report(store, played.sid, privacy=Privacy.NAMES, invariant=True)
    text = words(pdf_text(render_session(summary, context)))
    assert f"Kai: {theirs}" in text
    summary, context = session_report(store, played.sid, privacy=Privacy.COUNTS, invariant=True)
    text = words(pdf_text(render_session(summary, context)))
    assert theirs in text and "Kai" not in text


def test_an_undone_arrival_leaves_no_prompt_behind(store: Store) -> None:
    played = Played(store)
    session = played.session
    session.start_round(played.plan[1], deal=played.deal)
    session.join(played.kai, deal=played.deal)
    dealt = session.state.current_round.plan.prompt_for(played.kai.person_id)
    assert dealt not in [text for _pid, text in played.plan[1].person_prompts]
    session.undo()
    played.finish()
    uses = store.prompts.uses_for_session(played.sid)
    assert played.kai.person_id not in {u.person_id for u in uses}
    assert dealt not in [u.text for u in uses]
