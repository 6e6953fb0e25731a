"""The :class:`Catalog` the app really uses: the windows' questions answered by the store.

This is the only UI module that knows the store exists; it translates between the store's
records (integer person ids, UTC datetimes) and what the windows and the session engine use
(string person ids, plain records).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _, ngettext
from circlekeeper.i18n.formats import format_list
from circlekeeper.session import events as ev
from circlekeeper.session.document import document_from_log
from circlekeeper.session.interchange.session_file import (
    InvalidSessionFile,
    dump_session,
    load_session,
)
from circlekeeper.session.model import Participant
from circlekeeper.session.summary import SessionSummary, summarize
from circlekeeper.store import Store
from circlekeeper.store.facilitation import SeatingRules, recent_facilitators, reseat
from circlekeeper.store.journal import StoreJournal
from circlekeeper.store.location import default_path
from circlekeeper.store.offline_journal import LocalJournal, ResilientJournal, journal_path
from circlekeeper.store.records import PersonRecord
from circlekeeper.store.restoring import (
    BackupFacts,
    database_file,
    describe_backup,
    restorable_backups,
    restore_database,
)
from circlekeeper.ui.catalog import (
    CircleCard,
    CircleDetail,
    LiveSessionInfo,
    Member,
    ResumeData,
)
from circlekeeper.ui.prompts.feature import PromptFeature
from circlekeeper.ui.setup.setup_dialog import CircleBrief, SessionSetup, default_plan

BalanceSource = Callable[[int], Mapping[int, float]]
"""Speaking balance per person over a circle's recent sessions (history queries)."""

DemoFactory = Callable[[Store], int]
SessionCount = Callable[[int], int]
"""How many sessions a circle has held (history queries)."""


def local_timezone_name() -> str:
    """The machine's zone as people read it (stored beside UTC times for the history view)."""
    return datetime.now().astimezone().tzname() or "UTC"


class StoreCatalog:
    def __init__(
        self,
        store: Store,
        *,
        balance: BalanceSource | None = None,
        demo_factory: DemoFactory | None = None,
        prompts: PromptFeature | None = None,
        session_count: SessionCount | None = None,
        offline_folder: Path | None = None,
    ) -> None:
        self.store = store
        self._offline_folder = offline_folder or default_path().parent / "offline"
        """Where a server's events wait while it does not answer (the user data folder)."""
        self._session_count = session_count
        self._prompts = prompts
        self._balance = balance
        self._demo_factory = demo_factory

    # ---------------------------------------------------------------- circles

    def circles(self) -> list[CircleCard]:
        return self._cards(archived=False)

    def archived_circles(self) -> list[CircleCard]:
        return self._cards(archived=True)

    def _cards(self, *, archived: bool) -> list[CircleCard]:
        cards = []
        for record in self.store.circles.list(include_archived=archived):
            if record.archived != archived:
                continue
            assert record.circle_id is not None
            members = self.store.people.members(record.circle_id)
            held = self._session_count(record.circle_id) if self._session_count else 0
            cards.append(
                CircleCard(
                    record.circle_id,
                    record.name,
                    record.description,
                    len(members),
                    held,
                    demo=record.demo,
                )
            )
        return cards

    def circle(self, circle_id: int) -> CircleDetail:
        record = self.store.circles.get(circle_id)
        members = self.store.people.members(circle_id)
        return CircleDetail.of(record, tuple(_member(p) for p in members))

    def save_circle(self, detail: CircleDetail) -> int:
        circle_id = self.store.circles.save(detail.record())
        kept = {m.person_id for m in detail.members if m.person_id > 0}
        for old in self.store.people.members(circle_id):
            if old.person_id not in kept:
                self.store.people.remove_from_circle(old.person_id, circle_id)
        seating: list[int] = []  # the editor's list order is the room's seating
        for member in detail.members:
            if member.person_id > 0:
                self.store.people.update(
                    PersonRecord(member.person_id, member.name, member.pronouns, member.archived)
                )
                self.store.people.add_to_circle(member.person_id, circle_id)
                seating.append(member.person_id)
            else:
                added = self.store.people.add(member.name, member.pronouns, (circle_id,))
                seating.append(added.person_id)
        reseat(self.store.engine, circle_id, seating)
        return circle_id

    def archive_circle(self, circle_id: int) -> None:
        self.store.circles.archive(circle_id)

    def restore_circle(self, circle_id: int) -> None:
        self.store.circles.restore(circle_id)

    def add_member(self, circle_id: int, name: str, pronouns: str) -> Member:
        return _member(self.store.people.add(name, pronouns, (circle_id,)))

    def update_member(self, member: Member) -> None:
        self.store.people.update(
            PersonRecord(member.person_id, member.name, member.pronouns, member.archived)
        )

    def archive_member(self, circle_id: int, person_id: int) -> None:
        self.store.people.archive(person_id)

    def brief(self, circle_id: int) -> CircleBrief:
        detail = self.circle(circle_id)
        balance = self._balance(circle_id) if self._balance else {}
        return CircleBrief(
            detail.name,
            tuple(m.participant() for m in detail.members if not m.archived),
            detail.agreements,
            detail.default_plan or default_plan(),
            detail.facilitators,
            previous_first=self._previous_first(circle_id),
            balance={str(pid): value for pid, value in balance.items()},
            seating_rule=SeatingRules(self.store.settings).get(circle_id),
            recent_facilitators=recent_facilitators(self.store.engine, circle_id),
            demo=detail.demo,
        )

    def _previous_first(self, circle_id: int, *, before: int | None = None) -> str | None:
        """Who spoke first last time, so *rotation* can move on by one (None: the circle's
        first meeting); with ``before``, the last time before that session."""
        latest = self.store.sessions.latest_for_circle(circle_id, before=before)
        if latest is None:
            return None
        for entry in self.store.sessions.entries(latest):
            if isinstance(entry.event, ev.RoundStarted) and entry.event.order:
                return entry.event.order[0]
        return None

    # ---------------------------------------------------------------- sessions

    def begin_session(
        self, circle_id: int, setup: SessionSetup
    ) -> tuple[int, StoreJournal | ResilientJournal, tuple[Participant, ...]]:
        present: list[Participant] = []
        for person in setup.present:
            if not person.person_id.isdigit():
                person = self.add_member(circle_id, person.name, person.pronouns).participant()
            present.append(person)
        setup = setup.with_stored_people(present)
        started_at = datetime.now(UTC)
        session_id = self.store.sessions.create(
            circle_id,
            facilitators=setup.facilitators[:1],
            co_facilitators=setup.facilitators[1:],
            plan=setup.plan,
            started_at=started_at,
            timezone=local_timezone_name(),
            people=tuple(int(p.person_id) for p in present),
        )
        if self._prompts is not None:
            self._prompts.record_session(
                session_id,
                setup.plan,
                started_at=started_at,
                language=self.store.circles.get(circle_id).language,
            )
        self._keep_seating(circle_id, setup)
        return session_id, self.journal(session_id), tuple(present)

    def _keep_seating(self, circle_id: int, setup: SessionSetup) -> None:
        """The room's order and the circle's habits, as set today, are next time's default."""
        seated = [int(p.person_id) for p in setup.seating if p.person_id.isdigit()]
        if seated:
            reseat(self.store.engine, circle_id, seated)
        SeatingRules(self.store.settings).save(circle_id, setup.seating_rule)

    def journal(self, session_id: int) -> StoreJournal | ResilientJournal:
        """A circle's journal, claiming its lease first (``LeaseHeld`` if someone has it).

        On a server, events that cannot reach it wait in a local journal in the data folder
        (``store/offline_journal.py``); one left by an app that stopped offline is delivered
        first, before the log is read back for resuming.
        """
        journal = StoreJournal(self.store, session_id, self.store.leases.claim(session_id))
        local = self._kept_offline(session_id)
        if local is None:
            return journal
        resilient = ResilientJournal(journal, local)
        if resilient.pending:
            resilient.deliver()
        return resilient

    def _kept_offline(self, session_id: int) -> LocalJournal | None:
        """The laptop's journal of a server's session (``None`` on a file, which has none)."""
        if self.store.location.is_sqlite:
            return None
        where = self.store.location.url.render_as_string(hide_password=True)
        return LocalJournal(journal_path(self._offline_folder, where, session_id))

    def _events_counting_offline(self, session_id: int, on_server: int) -> int:
        """How many events the session has, those waiting on this laptop included (an app
        that stopped while the server was away); seqs count from 1 without gaps."""
        local = self._kept_offline(session_id)
        kept = [entry.seq for entry in local.entries()] if local is not None else []
        return max([on_server, *kept])

    def finish_ended_offline(self) -> tuple[str, ...]:
        """Own circles that ended while their actions waited on this laptop (server away,
        rights revoked): delivered with their shareable summary and finished; their names."""
        done: list[str] = []
        stale = set(self.store.leases.stale_own())
        for record in self.store.sessions.live():
            local = self._kept_offline(record.session_id)
            kept = local.entries() if local is not None and record.session_id in stale else []
            if local is None or not kept or not isinstance(kept[-1].event, ev.SessionEnded):
                continue
            shareable = local.shareable()
            self.journal(record.session_id)  # claims the lease and delivers what waited
            self.store.sessions.finish(record.session_id, status="ended")
            self.store.sessions.set_shareable(record.session_id, shareable or "")
            local.clear()
            done.append(record.circle_name)
        return tuple(done)

    def keep_shareable(self, session_id: int, shareable: str) -> None:
        """Keep the shareable summary beside the actions waiting on this laptop."""
        if (local := self._kept_offline(session_id)) is not None:
            local.keep_shareable(shareable)

    def running_elsewhere(self, circle_id: int) -> str | None:
        return self.store.leases.running_in(circle_id)

    def finish_session(self, session_id: int, shareable: str) -> None:
        if self.store.sessions.get(session_id).status == "live":
            self.store.sessions.finish(session_id, status="ended")
        self.store.sessions.set_shareable(session_id, shareable)

    def summary(self, session_id: int) -> SessionSummary:
        return summarize(self.store.sessions.entries(session_id))

    def live_sessions(self) -> list[LiveSessionInfo]:
        """The facilitator's own interrupted circles: live, and nobody's lease is fresh."""
        stale = set(self.store.leases.stale_own())
        return [
            LiveSessionInfo(
                record.session_id,
                record.circle_name,
                record.started_at,
                record.last_heartbeat_wall,
                self._events_counting_offline(record.session_id, record.events),
            )
            for record in self.store.sessions.live()
            if record.session_id in stale
        ]

    def resume_data(self, session_id: int) -> ResumeData:
        record = self.store.sessions.get(session_id)
        entries = self.store.sessions.entries(session_id)
        last_wall = record.last_heartbeat_wall
        if entries and (last_wall is None or entries[-1].wall > last_wall):
            last_wall = entries[-1].wall
        down = (datetime.now(UTC) - last_wall).total_seconds() if last_wall else 0.0
        last_elapsed = record.last_heartbeat_elapsed
        if entries and (last_elapsed is None or entries[-1].elapsed > last_elapsed):
            last_elapsed = entries[-1].elapsed
        return ResumeData(
            session_id,
            record.circle_id,
            entries,
            record.plan,
            last_elapsed,
            max(0.0, down),
            # As *Start a circle* judged it when this session began (see ``brief``).
            first_meeting=self._previous_first(record.circle_id, before=session_id) is None,
        )

    def close_at_last_heartbeat(self, session_id: int) -> None:
        """Finish the session at its last sign of life, after delivering the events its app
        kept on this laptop while the server was away (claiming the lease: ``LeaseHeld`` if
        someone runs it after all). The last sign of life is the later of the last heartbeat
        and the last event: offline, heartbeats were not sent but events were kept."""
        self.journal(session_id)
        record = self.store.sessions.get(session_id)
        entries = self.store.sessions.entries(session_id)
        signs = [wall for wall in (record.last_heartbeat_wall,) if wall is not None]
        signs += [entries[-1].wall] if entries else []
        self.store.sessions.finish(
            session_id, status="abandoned", ended_at=max(signs) if signs else None
        )

    def discard(self, session_id: int) -> None:
        """Delete the session, and the copy of its events kept on this laptop if any."""
        self.store.leases.claim(session_id)  # LeaseHeld if someone runs it after all
        self.store.sessions.delete(session_id)
        local = self._kept_offline(session_id)
        if local is not None:
            local.clear()

    def create_demo(self) -> int:
        if self._demo_factory is None:
            raise RuntimeError("no demo factory was configured")
        return self._demo_factory(self.store)

    def import_session_file(self, path: str) -> str:
        """File a session file (a rescue copy, or one from another CircleKeeper) under its
        circle, all or nothing; returns a sentence saying what came in."""
        from circlekeeper.store.sessions.importing import import_session, read_session_text

        document = load_session(read_session_text(Path(path)))
        result = import_session(self.store.engine, document)
        return imported_message(
            document.circle[:80],
            created=result.circle_created,
            events=result.events,
            matched=result.people_matched,
            added=result.people_added,
        )

    def export_log(self, session_id: int, entries: Sequence[ev.Entry], path: str) -> None:
        """The rescue copy when the database fails mid-circle: the log in the documented
        session format (*Import a session file…* or ``circlekeeper import FILE`` take it
        back), written without asking the failing store for anything but what it may still
        answer."""
        try:
            plan = self.store.sessions.get(session_id).plan
        except UserFacingError:
            plan = ()
        try:  # the check-in moods and the prompts heard, if the store can still say
            moods = self.store.moods.for_session(session_id)
            uses = self.store.prompts.uses_for_session(session_id)
        except UserFacingError:
            moods, uses = [], []
        timezone = local_timezone_name()
        text = dump_session(
            document_from_log(
                entries, round_plan=plan, timezone=timezone, moods=moods, prompt_uses=uses
            )
        )
        try:
            load_session(text)
        except InvalidSessionFile:
            # The log is what must be rescued; extras that do not fit it are left out.
            text = dump_session(document_from_log(entries, round_plan=plan, timezone=timezone))
        target = Path(path)
        temporary = target.with_name(target.name + ".part")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(target)


def imported_message(circle: str, *, created: bool, events: int, matched: int, added: int) -> str:
    """What came in from a session file, in whole sentences, each count with its plural."""
    counts = [ngettext("{count} event", "{count} events", events).format(count=events)]
    counts.append(
        ngettext("{count} person matched", "{count} people matched", matched).format(count=matched)
    )
    if added:
        counts.append(
            ngettext("{count} new person", "{count} new people", added).format(count=added)
        )
    if created:
        # Translators: {details} lists counts, e.g. "12 events, 5 people matched and 1 new person".
        said = _("The session of “{circle}” is in the new circle ({details}).")
    else:
        said = _("The session of “{circle}” is in the circle ({details}).")
    return said.format(circle=circle, details=format_list(counts))


def _member(person: PersonRecord) -> Member:
    return Member(person.person_id, person.name, person.pronouns, person.archived)


class StoreBackups:
    """The open store's backups for *Restore from backup…* (``ui/restore/shelf.py``)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def refusal(self) -> str | None:
        try:
            database_file(self.store.path)
        except UserFacingError as error:
            return str(error)
        if self.store.read_only:
            from circlekeeper.ui.read_only_hold import read_only_reason

            return read_only_reason()
        return None

    @property
    def _path(self) -> Path:
        assert self.store.path is not None  # refusal() said so before anything else is asked
        return self.store.path

    def backups(self) -> Sequence[BackupFacts]:
        return restorable_backups(self._path)

    def describe(self, path: Path) -> BackupFacts:
        return describe_backup(path)

    def current(self) -> BackupFacts:
        return self.describe(self._path)

    def folder(self) -> Path:
        folder = self.store.backups.directory
        return folder if folder is not None and folder.is_dir() else self._path.parent

    def restore(self, path: Path, progress: Callable[[str, int, int], object]) -> Path | None:
        return restore_database(
            path, self._path, lambda step, done, total: progress(step.value, done, total)
        )
