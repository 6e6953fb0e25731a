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
