"""The event records behave as the frozen dataclasses they replaced (session/frozen.py).

Each event type is held against a ``@dataclass(frozen=True, slots=True)`` made from the same
fields and defaults: what it prints, what it equals, how it hashes, copies and pickles, how a
``match`` takes it apart and how a bad call is refused must all be the same, because the log,
the session file and every screen are built on these records.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
from typing import Any, ClassVar

import pytest

from circlekeeper.session import events as ev
from circlekeeper.session import frozen
from circlekeeper.session.frozen import FrozenRecord
from circlekeeper.session.model import Participant, RoundKind, RoundPlan, TimePolicy

PLAN = RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(600), prompt="What gave you hope?")
SAMPLE: dict[str, Any] = {
    "circle": "Tuesday circle",
    "facilitators": ("Robin", "Sam"),
    "participants": (Participant("p1", "Ada", "she/her"), Participant("p2", "مريم")),
    "nearing_fraction": 0.75,
    "participant": Participant("p3", "Grace"),
    "place": ev.JoinPlace.NEXT_ROUND,
    "person_id": "p1",
    "text": "One word to leave with.",
    "prompt_id": "check-out:3",
    "plan": PLAN,
    "order": ("p2", "p1"),
    "allotted": 90.0,
    "auto": True,
    "spoke": True,
    "seconds_earlier": 4.5,
    "seconds": 30.0,
    "first_index": 1,
    "plans": (PLAN,),
    "down_seconds": 12.5,
    "target_seq": 7,
}


def _twin(cls: type[ev.Event]) -> type[Any]:
    """The frozen slots dataclass ``cls`` would have been."""
    specs: list[Any] = []
    for name in frozen.fields(cls):
        if frozen.has_default(cls, name):
            specs.append((name, Any, dataclasses.field(default=cls.__record_defaults__[name])))
        else:
            specs.append((name, Any))
    return dataclasses.make_dataclass(cls.__name__, specs, frozen=True, slots=True)


EVENTS = sorted(ev.EVENT_TYPES.values(), key=lambda cls: cls.kind)


@pytest.mark.parametrize("cls", EVENTS, ids=lambda cls: cls.kind)
def test_each_event_prints_compares_and_hashes_as_its_dataclass_twin(
    cls: type[ev.Event],
) -> None:
    twin = _twin(cls)
    values = {name: SAMPLE[name] for name in frozen.fields(cls)}
    event, same, twin_event = cls(**values), cls(**values), twin(**values)

    assert frozen.fields(cls) == tuple(f.name for f in dataclasses.fields(twin))
    assert repr(event) == repr(twin_event)
    assert event == same and hash(event) == hash(same)
    assert event != twin_event  # only the very same class is equal, as dataclasses are
    assert cls.__match_args__ == twin.__match_args__
    assert cls.kind != "event" and ev.EVENT_TYPES[cls.kind] is cls
    for name in frozen.fields(cls):
        changed = frozen.replace(event, **{name: "something else"})
        assert changed != event and getattr(changed, name) == "something else"
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(event, name, SAMPLE[name])
    assert copy.copy(event) == event and copy.deepcopy(event) == event
    assert pickle.loads(pickle.dumps(event)) == event
    with pytest.raises(AttributeError):
        event.__dict__  # noqa: B018 (slots: no instance dictionary)


def test_a_record_is_taken_apart_by_position_and_by_name() -> None:
    event = ev.TurnStarted("p1", 60.0)
    match event:
        case ev.TurnStarted(person, allotted, auto):
            assert (person, allotted, auto) == ("p1", 60.0, False)
        case _:
            pytest.fail("a turn-started event did not match its own class")
    match event:
        case ev.TurnPaused():
            pytest.fail("a record matched another class")
        case ev.TurnStarted(auto=False, person_id="p1"):
            pass
        case _:
            pytest.fail("keyword pattern did not match")


CALLS: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = [
    ("nothing", (), {}),
    ("one missing", ("p1",), {}),
    ("too many", ("p1", 60.0, False, "extra"), {}),
    ("twice", ("p1", 60.0), {"person_id": "p2"}),
    ("unknown", ("p1", 60.0), {"speaker": "p2"}),
]


@pytest.mark.parametrize(("args", "kwargs"), [c[1:] for c in CALLS], ids=[c[0] for c in CALLS])
def test_a_bad_call_is_refused_in_the_dataclass_s_words(
    args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    twin = _twin(ev.TurnStarted)
    with pytest.raises(TypeError) as ours:
        ev.TurnStarted(*args, **kwargs)
    with pytest.raises(TypeError) as theirs:
        twin(*args, **kwargs)
    assert str(ours.value) == str(theirs.value)


def test_fields_follow_the_bases_and_a_field_without_default_may_not_follow_one() -> None:
    class Base(FrozenRecord):
        tag: ClassVar[str] = "base"
        first: int
        second: str = "two"

    class Child(Base):
        third: float = 3.0

    assert frozen.fields(Child) == ("first", "second", "third")
    assert Child(1) == Child(1, "two", 3.0) and Child.tag == "base"
    assert repr(Child(1, third=0.5)).endswith(".Child(first=1, second='two', third=0.5)")
    with pytest.raises(TypeError, match="non-default argument 'fourth' follows default"):

        class Broken(Base):
            fourth: int


@pytest.mark.parametrize("default", [[], {}, set(), bytearray()], ids=type)
def test_a_mutable_default_is_refused_when_the_class_is_made(default: object) -> None:
    """One list default would be the same list in every record made without the field, so
    appending to one record's list would change them all; ``@dataclass`` refuses it, and so
    does a record, in the same error and words."""
    with pytest.raises(ValueError) as theirs:
        dataclasses.make_dataclass(
            "Twin", [("tags", Any, dataclasses.field(default=default))], frozen=True
        )
    with pytest.raises(ValueError, match=r"^mutable default ") as ours:

        class Tagged(FrozenRecord):
            tags: Any = default

    assert str(ours.value) == str(theirs.value)


def test_an_immutable_default_is_shared_safely() -> None:
    class Tagged(FrozenRecord):
        tags: tuple[str, ...] = ()
        kinds: frozenset[str] = frozenset()
        label: str | None = None

    assert Tagged() == Tagged((), frozenset(), None)
    assert Tagged().tags is Tagged().tags  # one empty tuple, and nobody can change it


def test_a_factory_default_is_made_afresh_and_post_init_runs_as_a_dataclass_s() -> None:
    from circlekeeper.session.prompts import MoodCounts

    first, second = MoodCounts("check-in"), MoodCounts("check-in")
    assert first.counts == {} and first.counts is not second.counts
    assert RoundPlan().policy == TimePolicy.fair_share(1200)
    policy = TimePolicy(seconds=60, minimum=5)  # __post_init__ makes the seconds floats
    assert repr(policy.seconds) == "60.0" and repr(policy.minimum) == "5.0"
    with pytest.raises(ValueError, match="negative"):
        TimePolicy(seconds=-1)
    plan = RoundPlan(person_prompts={"p1": "Yours", "p2": " "})  # normalised after the fields
    assert plan.person_prompts == (("p1", "Yours"),)
    assert copy.deepcopy(plan) == plan and pickle.loads(pickle.dumps(plan)) == plan


def test_the_records_own_field_makes_a_fresh_default_as_dataclasses_field_does() -> None:
    """``frozen.field(default_factory=...)`` (which does not load ``dataclasses``) and
    ``dataclasses.field`` make the same record; a field may still not be modified in place."""

    class Shelf(FrozenRecord):
        name: str
        books: list[str] = frozen.field(default_factory=list)

    class Twin(FrozenRecord):
        name: str
        books: list[str] = dataclasses.field(default_factory=list)

    first, second = Shelf("a"), Shelf("b")
    assert first.books == [] and first.books is not second.books
    assert frozen.has_default(Shelf, "books") and frozen.has_default(Twin, "books")
    assert repr(Shelf("a", ["x"])).endswith("Shelf(name='a', books=['x'])")
    assert [f.name for f in dataclasses.fields(Shelf)] == [f.name for f in dataclasses.fields(Twin)]
    assert dataclasses.replace(first, name="c") == Shelf("c")
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.name = "z"  # type: ignore[misc]  # the refusal under test


def test_dataclasses_functions_take_the_domain_records_as_they_took_the_dataclasses() -> None:
    from circlekeeper.reports.context import Privacy, ReportContext
    from circlekeeper.session.prompts import PromptUse

    use = PromptUse(3, 1, "What gave you hope?", person_id="p1")
    assert dataclasses.is_dataclass(use) and dataclasses.is_dataclass(PromptUse)
    assert [f.name for f in dataclasses.fields(PromptUse)] == list(frozen.fields(PromptUse))
    assert dataclasses.replace(use, person_id="p2") == PromptUse(
        3, 1, "What gave you hope?", None, "p2"
    )
    assert dataclasses.astuple(use) == (3, 1, "What gave you hope?", None, "p1", None)
    assert dataclasses.asdict(PLAN)["policy"] == {
        "mode": "fair-share",
        "seconds": 600.0,
        "minimum": 30.0,
    }
    context = dataclasses.replace(ReportContext(), privacy=Privacy.NAMES)
    assert context.privacy is Privacy.NAMES and context.moods == ()
    plan = dataclasses.replace(PLAN, person_prompts={"p1": "Yours"})  # through __post_init__
    assert plan.person_prompts == (("p1", "Yours"),)


def test_a_field_option_a_record_would_ignore_is_refused() -> None:
    with pytest.raises(TypeError, match="only a default or a factory"):

        class Hidden(FrozenRecord):
            secret: str = dataclasses.field(default="", repr=False)


def test_the_live_state_behaves_as_the_mutable_dataclasses_it_replaced() -> None:
    from circlekeeper.session.state import RoundState, SessionState, TurnState

    @dataclasses.dataclass(slots=True)
    class TurnTwin:
        person_id: str
        allotted: float | None
        started_at: float
        banked: float = 0.0
        running_since: float | None = None

    record, twin = TurnState("p1", 60.0, 3.0), TurnTwin("p1", 60.0, 3.0)
    record.banked, twin.banked = 12.5, 12.5
    shown = repr(twin)
    assert repr(record) == shown[shown.index("TurnTwin(") :].replace("TurnTwin", "TurnState")
    assert record == TurnState("p1", 60.0, 3.0, banked=12.5) != TurnState("p1", 60.0, 3.0)
    assert type(record).__hash__ is None is type(twin).__hash__
    with pytest.raises(TypeError, match="unhashable"):
        hash(record)
    with pytest.raises(AttributeError):
        record.unknown = 1  # type: ignore[attr-defined]
    state = SessionState()
    state.rounds.append(RoundState(0, PLAN, ["p1", "p2"], 0.0, current=record))
    assert SessionState().rounds == []  # a fresh list for each state
    probe = copy.deepcopy(state)
    probe.rounds[0].queue.pop()
    probe.rounds[0].current.banked = 0.0  # type: ignore[union-attr]
    assert state.rounds[0].queue == ["p1", "p2"] and record.banked == 12.5
    assert probe != state and copy.deepcopy(state) == state
    assert pickle.loads(pickle.dumps(state)) == state


def test_a_mutable_record_s_subclasses_are_mutable_and_frozen_ones_stay_frozen() -> None:
    class Mutable(FrozenRecord, frozen=False):
        a: int

    class Child(Mutable):
        b: int = 0

    child = Child(1)
    child.b = 2
    assert child == Child(1, 2)

    class Frozen(FrozenRecord):
        a: int

    with pytest.raises(dataclasses.FrozenInstanceError):
        Frozen(1).a = 2  # type: ignore[misc]
