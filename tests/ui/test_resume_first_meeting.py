"""A circle's first meeting stays its first meeting after a crash and the resume offer.

*Start a circle* deals a first meeting's prompts from those written for one, and a late
arrival's own prompt is drawn by the same rule. The app goes down in the check-in of a circle's
first session; at the next start the facilitator takes the circle back and someone walks in:
their prompt is still one for a first meeting (it was drawn as for any evening, because the
resumed circle handed the drawing no first-meeting flag). The circle's second session, resumed
the same way, draws as for any evening.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import circlekeeper.ui.live.resume_dialog as resume_dialog
from circlekeeper.app import AppParts
from circlekeeper.prompts.drawer import PromptMode
from circlekeeper.session.dealing import PromptDeal
from circlekeeper.session.model import Participant
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.setup.setup_dialog import default_plan
from tests.ui.conftest import AutoSetup, TestClock


class EachTheirOwnCheckIn(AutoSetup):
    """The check-in deals a prompt to each person present."""

    def exec(self) -> int:
        cell = self.plan.cell(0)
        assert cell is not None, "the prompt tools are there"
        cell.set_mode(PromptMode.PER_PERSON)
        cell.people.draw()
        return super().exec()


MEMBERS = (Member(-1, "Amal", "she/her"), Member(-2, "Jonas"))


def crash_in_the_check_in(parts: AppParts, clock: TestClock) -> int:
    """Starts the chosen circle, lets the check-in's first turn run, then the app dies."""
    window = parts.window
    window.start_circle()
    controller = window.controller
    assert controller is not None
    controller.toggle()  # the check-in opens and Amal speaks
    clock.advance(20)
    controller.tick()
    session_id = window._session_id
    assert session_id is not None
    controller.shutdown()
    parts.data.close()
    clock.advance(300)
    return session_id


def resume_recording_flags(parts: AppParts, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Takes the resume offer; returns the first-meeting flag each drawing was built with."""
    flags: list[bool] = []
    real_dealer = parts.window.options.prompt_dealer
    assert real_dealer is not None

    def dealer(circle_id: int, first_meeting: bool, language: str) -> PromptDeal:
        flags.append(first_meeting)
        return real_dealer(circle_id, first_meeting, language)

    parts.window.options.prompt_dealer = dealer
    monkeypatch.setattr(
        resume_dialog, "ask_resume", lambda parent, info: resume_dialog.ResumeChoice.RESUME
    )
    parts.window.offer_resume()
    assert parts.window.live_view is not None, "the circle is back on screen"
    return flags


def walk_in_prompt_is_for_a_first_meeting(parts: AppParts) -> bool:
    """Zoë walks into the resumed check-in; whether the prompt she is dealt suits a first
    meeting, as the library says."""
    controller = parts.window.controller
    assert controller is not None
    controller.join(Participant("zoe", "Zoë", "she/her"))
    theirs = controller.session.state.current_round.plan.prompt_for("zoe")
    assert theirs, "Zoë is dealt a prompt of her own"
    library = parts.window.options.prompts.library_in("")  # type: ignore[union-attr]
    found = library.match_text(theirs)
    assert found is not None, "a library prompt"
    return found.first_meeting


def test_a_resumed_first_meeting_deals_late_arrivals_first_meeting_prompts(
    real_app: Callable[..., AppParts], clock: TestClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = real_app(EachTheirOwnCheckIn)
    first.window.save_circle(
        CircleDetail(None, "Tuesday", default_plan=default_plan(), members=MEMBERS)
    )
    crash_in_the_check_in(first, clock)

    second = real_app(EachTheirOwnCheckIn)
    flags = resume_recording_flags(second, monkeypatch)
    assert flags == [True], "the resumed circle is still its circle's first meeting"
    assert walk_in_prompt_is_for_a_first_meeting(second)


def test_a_resumed_later_meeting_draws_as_any_evening(
    real_app: Callable[..., AppParts], clock: TestClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = real_app(EachTheirOwnCheckIn)
    window = first.window
    window.save_circle(CircleDetail(None, "Tuesday", default_plan=default_plan(), members=MEMBERS))
    window.start_circle()  # the first meeting, held to its end
    assert window.controller is not None
    window.controller.toggle()
    clock.advance(60)
    assert window.live_view is not None
    window.live_view.end_circle()
    clock.advance(7 * 24 * 3600)
    crash_in_the_check_in(first, clock)  # a week later, the second meeting goes down

    second = real_app(EachTheirOwnCheckIn)
    assert resume_recording_flags(second, monkeypatch) == [False]
