"""The SQL store keeps the same repository contract as the in-memory fakes, and the library,
drawer and mood service work on top of it unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest

from circlekeeper.prompts import (
    DrawRequest,
    MoodService,
    PromptDrawer,
    PromptLibrary,
    PromptQuery,
    PromptUseRecorder,
    import_deck_file,
)
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.store import Store, open_store
from circlekeeper.store.records import CircleRecord
from tests.prompts.conftest import week
from tests.prompts.repository_contract import MoodRepositoryContract, PromptRepositoryContract


@dataclass
class StoreBackend:
    store: Store
    circles: dict[int, int] = field(default_factory=dict)

    @property
    def prompts(self):  # type: ignore[no-untyped-def]
        return self.store.prompts

    @property
    def moods(self):  # type: ignore[no-untyped-def]
        return self.store.moods

    def add_session(self, circle_id: int, started_at: datetime) -> int:
        """``circle_id`` is the contract's number; the store's own circle id may differ."""
        if circle_id not in self.circles:
            self.circles[circle_id] = self.store.circles.save(
                CircleRecord(None, f"Circle {circle_id}")
            )
        return self.store.sessions.create(
            self.circles[circle_id],
            facilitators=("Sam",),
            plan=(),
            started_at=started_at,
            timezone="UTC",
            people=(),
        )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "ck.sqlite3")
    try:
        yield opened
    finally:
        opened.close()


class MappedStoreBackend(StoreBackend):
    """Reads for circle N go to the store's id for the contract's circle N."""

    class _Prompts:
        def __init__(self, backend: StoreBackend) -> None:
            self._backend = backend

        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return getattr(self._backend.store.prompts, name)

        def uses_for_circle(self, circle_id: int, **kw):  # type: ignore[no-untyped-def]
            real = self._backend.circles.get(circle_id, -1)
            return self._backend.store.prompts.uses_for_circle(real, **kw)

    class _Moods:
        def __init__(self, backend: StoreBackend) -> None:
            self._backend = backend

        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return getattr(self._backend.store.moods, name)

        def for_circle(self, circle_id: int):  # type: ignore[no-untyped-def]
            return self._backend.store.moods.for_circle(self._backend.circles.get(circle_id, -1))

    @property
    def prompts(self):  # type: ignore[no-untyped-def]
        return self._Prompts(self)

    @property
    def moods(self):  # type: ignore[no-untyped-def]
        return self._Moods(self)


@pytest.fixture
def backend(store: Store) -> StoreBackend:
    return MappedStoreBackend(store)


class TestStorePromptRepository(PromptRepositoryContract):
    pass


class TestStoreMoodRepository(MoodRepositoryContract):
    pass


def test_library_and_drawer_over_the_real_store(store: Store, shipped, tmp_path) -> None:
    backend = StoreBackend(store)
    library = PromptLibrary(shipped, store.prompts)
    recorder = PromptUseRecorder(library)
    drawer_circle = None
    heard = []
    for n in range(10):
        sid = backend.add_session(1, week(n))
        drawer_circle = backend.circles[1]
        drawer = PromptDrawer(library, circle_id=drawer_circle, avoid_last=8, seed=n)
        prompt = drawer.draw(DrawRequest.for_round(RoundKind.CHECK_IN)).prompt
        assert prompt.prompt_id not in heard[-8:]
        recorder.record_plan(
            sid, [RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), prompt.text)]
        )
        heard.append(prompt.prompt_id)
    history = recorder.history(drawer_circle)
    assert [r.prompt_id for r in history] == list(reversed(heard))

    deck = tmp_path / "mine.toml"
    deck.write_text(
        '[deck]\nid = "mine"\ntitle = "Mine"\n[[prompts]]\nslug = "a"\n'
        'text = "Qu\'est-ce qui te fait du bien ? 🌿"\ncategory = "hope"\n'
        'intensity = "light"\nprinciples = ["respect"]\ntags = ["français"]\n',
        encoding="utf-8",
    )
    (saved,) = import_deck_file(library, deck)
    assert PromptLibrary(shipped, store.prompts).prompts(PromptQuery(text="français")) == [saved]

    service = MoodService(store.moods)
    sid = backend.add_session(1, week(20))
    service.record(sid, "check-in", {2: 1, 3: 2})
    service.record(sid, "check-out", {4: 3})
    (point,) = [p for p in service.trend(drawer_circle) if p.when == week(20)]
    assert point.shift == pytest.approx(4 - 8 / 3)


def test_a_prompt_for_each_person_is_recorded_with_the_person(store: Store, shipped) -> None:
    backend = StoreBackend(store)
    library = PromptLibrary(shipped, store.prompts)
    recorder = PromptUseRecorder(library)
    sid = backend.add_session(1, week(1))
    dealt = PromptDrawer(library, seed=3).draw_for_people(
        DrawRequest.for_round(RoundKind.CHECK_IN), ["11", "12"]
    )
    texts = {person: draw.prompt.text for person, draw in dealt.items()}
    plan = [
        RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), person_prompts=texts),
        RoundPlan(RoundKind.CHECK_OUT, TimePolicy.fixed(60), "One word 🌙"),
    ]
    recorder.record_plan(sid, plan)
    uses = store.prompts.uses_for_session(sid)
    assert [(u.round_index, u.person_id, u.text) for u in uses] == [
        (0, "11", texts["11"]),
        (0, "12", texts["12"]),
        (1, None, "One word 🌙"),
    ]
    assert [u.prompt_id for u in uses[:2]] == [
        dealt["11"].prompt.prompt_id,
        dealt["12"].prompt.prompt_id,
    ]
    # The next draw for this circle avoids both people's prompts.
    drawer = PromptDrawer(library, circle_id=backend.circles[1], avoid_last=8, seed=0)
    request = DrawRequest.for_round(RoundKind.CHECK_IN)
    heard = {dealt["11"].prompt.prompt_id, dealt["12"].prompt.prompt_id}
    for _ in range(20):
        assert drawer.draw(request).prompt.prompt_id not in heard
