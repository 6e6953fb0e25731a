"""The behaviour every PromptRepository / MoodRepository must have, as reusable tests.

The in-memory fakes run these in ``test_repository_contract.py``. The SQL store can run the very
same tests by subclassing the contract classes and providing the ``backend`` fixture: an object
with ``prompts``, ``moods`` and ``add_session(circle_id, started_at) -> session_id`` (which, in
the store, creates a circle and a session row so foreign keys hold).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from circlekeeper.session.prompts import (
    Intensity,
    MoodCounts,
    Principle,
    Prompt,
    PromptCategory,
    PromptUse,
)

T0 = datetime(2026, 2, 3, 18, 0, tzinfo=UTC)


def custom(text: str, **kw) -> Prompt:
    fields = dict(
        prompt_id="",
        text=text,
        category=PromptCategory.SHARING,
        intensity=Intensity.MEDIUM,
        principles=frozenset({Principle.MUTUALITY, Principle.RESPECT}),
        first_meeting=True,
        tags=frozenset({"a", "ü"}),
        deck="custom",
        custom=True,
    )
    fields.update(kw)
    return Prompt(**fields)


class PromptRepositoryContract:
    def test_save_custom_assigns_ids_and_round_trips_every_field(self, backend) -> None:
        repo = backend.prompts
        first = repo.save_custom(custom("Hello 👋 <b>&</b> عربي"))
        second = repo.save_custom(custom("Another", based_on="check-in:inner-weather"))
        assert first.prompt_id.startswith("custom:") and first.prompt_id != second.prompt_id
        by_id = {p.prompt_id: p for p in repo.custom_prompts()}
        assert by_id[first.prompt_id] == first
        assert by_id[second.prompt_id].based_on == "check-in:inner-weather"

    def test_save_custom_with_an_id_updates(self, backend) -> None:
        repo = backend.prompts
        saved = repo.save_custom(custom("Before"))
        from dataclasses import replace

        repo.save_custom(replace(saved, text="After", tags=frozenset()))
        (only,) = repo.custom_prompts()
        assert only.text == "After" and only.tags == frozenset()

    def test_archive_and_restore(self, backend) -> None:
        repo = backend.prompts
        saved = repo.save_custom(custom("Archive me"))
        repo.set_archived(saved.prompt_id, True)
        assert repo.custom_prompts()[0].archived
        repo.set_archived(saved.prompt_id, False)
        assert not repo.custom_prompts()[0].archived

    def test_preferences(self, backend) -> None:
        repo = backend.prompts
        repo.set_favourite("check-in:inner-weather", True)
        repo.set_favourite("hope:small-hope", True)
        repo.set_hidden("hope:small-hope", True)
        repo.set_favourite("check-in:inner-weather", False)
        repo.set_hidden("never:set", False)  # turning off what was never on is fine
        prefs = repo.preferences()
        assert prefs.favourites == frozenset({"hope:small-hope"})
        assert prefs.hidden == frozenset({"hope:small-hope"})

    def test_uses_per_session_and_last_k_sessions_of_a_circle(self, backend) -> None:
        repo = backend.prompts
        sessions = [backend.add_session(1, T0 + timedelta(weeks=n)) for n in range(5)]
        other = backend.add_session(2, T0)
        for n, sid in enumerate(sessions):
            if n == 3:
                continue  # a session that heard no prompt still counts as a session
            repo.record_use(PromptUse(sid, 0, f"prompt {n}", f"d:{n}", used_at=T0))
        repo.record_use(PromptUse(sessions[4], 1, "personal", None, person_id="7", used_at=T0))
        repo.record_use(PromptUse(other, 0, "elsewhere", "d:x", used_at=T0))
        assert [u.text for u in repo.uses_for_session(sessions[4])] == ["prompt 4", "personal"]
        everything = repo.uses_for_circle(1)
        assert sorted(u.text for _, u in everything) == sorted(
            ["prompt 0", "prompt 1", "prompt 2", "prompt 4", "personal"]
        )
        recent = repo.uses_for_circle(1, last_sessions=2)
        assert sorted(u.text for _, u in recent) == ["personal", "prompt 4"]
        assert {when for when, _ in recent} == {T0 + timedelta(weeks=4)}
        assert {u.person_id for _, u in recent} == {None, "7"}

    def test_import_custom_is_all_or_nothing(self, backend) -> None:
        repo = backend.prompts
        saved = repo.import_custom([custom("One"), custom("Two")])
        assert [p.text for p in saved] == ["One", "Two"]
        assert all(p.prompt_id.startswith("custom:") for p in saved)
        assert len(repo.custom_prompts()) == 2


class MoodRepositoryContract:
    def test_save_replaces_per_moment_and_reads_back(self, backend) -> None:
        moods = backend.moods
        sid = backend.add_session(1, T0)
        moods.save(sid, MoodCounts("check-in", {1: 0, 2: 1, 3: 2, 4: 0, 5: 0}))
        moods.save(sid, MoodCounts("check-in", {1: 0, 2: 0, 3: 0, 4: 3, 5: 0}))
        moods.save(sid, MoodCounts("check-out", {1: 0, 2: 0, 3: 0, 4: 1, 5: 2}))
        by_moment = {c.moment: c for c in moods.for_session(sid)}
        assert by_moment["check-in"].counts == {1: 0, 2: 0, 3: 0, 4: 3, 5: 0}
        assert by_moment["check-out"].total == 3

    def test_for_circle_carries_session_start_times(self, backend) -> None:
        moods = backend.moods
        early = backend.add_session(1, T0)
        late = backend.add_session(1, T0 + timedelta(days=7))
        elsewhere = backend.add_session(2, T0)
        for sid in (late, early, elsewhere):
            moods.save(sid, MoodCounts("check-in", {3: 1}))
        rows = moods.for_circle(1)
        assert sorted(when for when, _ in rows) == [T0, T0 + timedelta(days=7)]
        assert all(c.counts.get(3) == 1 for _, c in rows)
