"""A failing store never stops the circle: the keeper says so once and keeps every entry."""

from __future__ import annotations

from datetime import UTC, datetime

from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.session import events as ev
from circlekeeper.session.live.journal import JournalKeeper

WALL = datetime(2026, 3, 3, 18, tzinfo=UTC)


class Journal:
    """Takes entries until ``broken`` says why not; ``pending`` as a server journal has."""

    def __init__(self) -> None:
        self.entries: list[ev.Entry] = []
        self.beats: list[float] = []
        self.broken: str | None = None
        self.pending = 0

    def append(self, entry: ev.Entry) -> None:
        if self.broken is not None:
            raise OSError(self.broken)
        self.entries.append(entry)

    def heartbeat(self, wall: datetime, elapsed: float) -> None:
        if self.broken is not None:
            raise OSError(self.broken)
        self.beats.append(elapsed)


class Heard:
    def __init__(self) -> None:
        self.failures: list[str] = []
        self.offline: list[int] = []


def keeper_for(journal: Journal | None, heard: Heard) -> JournalKeeper:
    return JournalKeeper(journal, on_failed=heard.failures.append, on_offline=heard.offline.append)


def test_after_the_store_fails_the_circle_goes_on_and_every_entry_is_kept() -> None:
    journal, heard = Journal(), Heard()
    keeper = keeper_for(journal, heard)
    circle = CircleSession(FakeClock(), sink=keeper.persist)
    circle.start("Tuesday", [Participant("A", "Amal"), Participant("B", "Bo")])
    journal.broken = "No space left on device\nerrno 28"
    circle.join(Participant("C", "Chen"))
    circle.leave("B")
    assert [e.seq for e in journal.entries] == [1]
    assert [e.seq for e in keeper.unsaved] == [2, 3]
    assert [e.seq for e in circle.log] == [1, 2, 3]  # the circle did not stop
    assert heard.failures == [keeper.error]  # said once, the first line of the reason
    assert "(No space left on device)" in heard.failures[0]
    assert "save a copy elsewhere" in heard.failures[0]
    journal.broken = None
    keeper.heartbeat(WALL, 10.0)
    assert journal.beats == [] and not keeper.beating  # no heartbeat pretends all is well


def test_a_failing_heartbeat_counts_as_the_store_failing() -> None:
    journal, heard = Journal(), Heard()
    keeper = keeper_for(journal, heard)
    keeper.heartbeat(WALL, 1.0)
    journal.broken = ""
    keeper.heartbeat(WALL, 2.0)
    assert journal.beats == [1.0]
    assert heard.failures and "(OSError)" in heard.failures[0]  # no reason given: its kind
    assert not keeper.beating


def test_events_waiting_for_the_server_are_reported_when_their_number_changes() -> None:
    journal, heard = Journal(), Heard()
    keeper = keeper_for(journal, heard)
    circle = CircleSession(FakeClock(), sink=keeper.persist)
    circle.start("Tuesday", [Participant("A", "Amal")])
    journal.pending = 1
    circle.leave("A")
    keeper.heartbeat(WALL, 3.0)  # still one waiting: nothing new to say
    journal.pending = 0
    keeper.heartbeat(WALL, 4.0)
    assert heard.offline == [1, 0]


def test_without_a_journal_nothing_is_kept_and_nothing_beats() -> None:
    heard = Heard()
    keeper = keeper_for(None, heard)
    circle = CircleSession(FakeClock(), sink=keeper.persist)
    circle.start("Tuesday", [Participant("A", "Amal")])
    keeper.heartbeat(WALL, 1.0)
    assert keeper.unsaved == [] and keeper.error is None and not keeper.beating
    assert heard.failures == [] and heard.offline == []


def test_the_stores_own_sentence_is_not_bracketed_inside_another() -> None:
    """A full disk said "… (The disk holding the database … is full, so the last change was
    not saved (everything saved before it is safe). Free some space and try again.). It
    carries on in memory; …": sentences in brackets, ending ".).". The store's sentence now
    stands first, as it is, and the circle's part follows."""
    from circlekeeper.errors import UserFacingError

    disk_full = (
        "The disk holding the database /media/circles.sqlite3 is full, so the last change was"
        " not saved (everything saved before it is safe). Free some space and try again."
    )

    class Refusing(Journal):
        def append(self, entry: ev.Entry) -> None:
            raise UserFacingError(disk_full)

    heard = Heard()
    keeper = keeper_for(Refusing(), heard)
    CircleSession(FakeClock(), sink=keeper.persist).start("Tuesday", [Participant("A", "Amal")])
    [said] = heard.failures
    assert said.startswith(disk_full + " "), said
    assert ".)." not in said and "(The disk" not in said
    assert said.endswith("save a copy elsewhere before closing.")


def test_a_freed_disk_takes_the_kept_entries_in_order_and_storing_goes_on() -> None:
    """A full disk freed mid-circle: the kept entries go to the store at the next retry, in
    order, the facilitator hears how many, and the next entries and heartbeats are stored as
    before, so nothing lives only in the window any more."""
    from circlekeeper.session.live.journal import RETRY_SECONDS

    journal, heard = Journal(), Heard()
    recovered: list[int] = []
    keeper = JournalKeeper(
        journal,
        on_failed=heard.failures.append,
        on_offline=heard.offline.append,
        on_recovered=recovered.append,
    )
    clock = FakeClock()
    circle = CircleSession(clock, sink=keeper.persist)
    circle.start("Tuesday", [Participant("A", "Amal"), Participant("B", "Bo")])
    journal.broken = "No space left on device"
    circle.join(Participant("C", "Chen"))
    assert not keeper.retry(clock.now())  # the failure's moment: nothing tried yet
    circle.leave("B")
    clock.advance(RETRY_SECONDS)
    assert not keeper.retry(clock.now())  # still full: kept, tried again later
    assert [e.seq for e in keeper.unsaved] == [2, 3] and recovered == []
    journal.broken = None
    clock.advance(RETRY_SECONDS / 2)
    assert not keeper.retry(clock.now()) and keeper.unsaved  # not yet: once per interval
    clock.advance(RETRY_SECONDS / 2)
    assert keeper.retry(clock.now())
    assert [e.seq for e in journal.entries] == [1, 2, 3] and keeper.unsaved == []
    assert recovered == [2] and keeper.error is None and keeper.beating
    circle.leave("C")
    keeper.heartbeat(WALL, 30.0)
    assert [e.seq for e in journal.entries] == [1, 2, 3, 4] and journal.beats == [30.0]
    assert heard.failures == [heard.failures[0]]  # said once, not again on recovery


def test_a_retry_that_stops_halfway_keeps_the_rest_in_order() -> None:
    from circlekeeper.session.live.journal import RETRY_SECONDS

    class Shaky(Journal):
        def __init__(self) -> None:
            super().__init__()
            self.room = 0

        def append(self, entry: ev.Entry) -> None:
            if self.broken is not None and self.room <= 0:
                raise OSError(self.broken)
            self.room -= 1
            self.entries.append(entry)

    journal, heard = Shaky(), Heard()
    keeper = keeper_for(journal, heard)
    clock = FakeClock()
    circle = CircleSession(clock, sink=keeper.persist)
    circle.start("Tuesday", [Participant("A", "Amal"), Participant("B", "Bo")])
    journal.broken = "No space left on device"
    circle.join(Participant("C", "Chen"))
    circle.leave("B")
    circle.leave("C")
    keeper.retry(clock.now())
    clock.advance(RETRY_SECONDS)
    journal.room = 1  # room for one more event only
    assert not keeper.retry(clock.now())
    assert [e.seq for e in journal.entries] == [1, 2]
    assert [e.seq for e in keeper.unsaved] == [3, 4] and keeper.error is not None
