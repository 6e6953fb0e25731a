"""Facilitators as identities, a vault each, and the server enforcing it (issue #14).

Against the real PostgreSQL server: three login roles made by ``setup-roles`` (two
facilitators and a coordinator), each checked through the app *and* through plain SQL as
``psql`` would send it, so the rights are the server's, not the app's promise. The vault
tests that need no roles (atomic creation, the single vault migrating to its creator) also
run on the SQLite file.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from alembic import command
from sqlalchemy import create_engine, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from circlekeeper.cli import main
from circlekeeper.store import CircleRecord, Store, migrate, open_store
from circlekeeper.store.database import make_engine
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.store.location import resolve
from circlekeeper.store.models import SessionRow
from circlekeeper.vault import NotesService, Vault, fast_settings
from circlekeeper.vault.errors import VaultAlreadySetUp
from tests.store.backends import Backend

ROBIN_WORDS = "robin's passphrase, long enough"
SAM_WORDS = "sam has another passphrase"


def notes_of(store: Store) -> NotesService:
    vault = Vault(store.vault_header, kdf=fast_settings(), idle_minutes=None)
    return NotesService(vault, store.notes)


def start_circle(store: Store, name: str) -> int:
    circle_id = store.circles.save(CircleRecord(None, name))
    return store.sessions.create(
        circle_id,
        facilitators=(store.identity,),
        plan=(),
        started_at=datetime.now(UTC),
        timezone="UTC",
        people=(),
    )


@dataclass
class Org:
    admin: str
    robin: str
    sam: str
    cora: str

    def login(self, url: str) -> psycopg.Connection:
        """A plain connection, as psql would open one (no CircleKeeper code in between)."""
        parsed = make_url(url)
        return psycopg.connect(
            host=parsed.host,
            port=parsed.port,
            user=parsed.username,
            dbname=parsed.database,
            autocommit=True,
        )


@pytest.fixture
def org(backend: Backend) -> Iterator[Org]:
    if backend.is_sqlite:
        pytest.skip("a SQLite file has one local facilitator and no roles")
    admin = backend.fresh("org")
    open_store(admin).close()
    suffix = uuid.uuid4().hex[:6]
    names = {who: f"ck_{who}_{suffix}" for who in ("robin", "sam", "cora")}
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            if not connection.execute(
                text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
            ).scalar():
                pytest.skip("needs a role that may CREATE ROLE (the suite's own cluster has one)")
            for name in names.values():
                connection.execute(text(f'CREATE ROLE "{name}" LOGIN'))
        assert (
            main(
                [
                    "--db",
                    admin,
                    "setup-roles",
                    "--facilitator",
                    names["robin"],
                    "--facilitator",
                    names["sam"],
                    "--coordinator",
                    names["cora"],
                ]
            )
            == 0
        )
        as_ = {
            w: make_url(admin).set(username=n).render_as_string(hide_password=False)
            for w, n in names.items()
        }
        yield Org(admin, as_["robin"], as_["sam"], as_["cora"])
    finally:
        with engine.connect() as connection:
            for name in names.values():
                connection.execute(text(f'DROP OWNED BY "{name}"'))
                connection.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
        engine.dispose()


def test_each_facilitator_has_their_own_vault_and_never_sees_anothers(org: Org) -> None:
    with open_store(org.robin) as robin_store, open_store(org.sam) as sam_store:
        assert robin_store.identity != sam_store.identity
        session_id = start_circle(robin_store, "Tuesday")
        robin = notes_of(robin_store)
        robin.vault.create(ROBIN_WORDS)
        robin.add("Ana seemed tired tonight", session_id=session_id)
        sam = notes_of(sam_store)
        assert not sam.vault.is_set_up  # never asked about Robin's vault
        sam.vault.create(SAM_WORDS)
        assert sam.for_session(session_id) == []
        assert sam_store.notes.all() == []
        assert [n.text for n in robin.for_session(session_id)] == ["Ana seemed tired tonight"]


def test_plain_sql_as_another_facilitator_cannot_read_or_change_notes_vaults_or_logs(
    org: Org,
) -> None:
    with open_store(org.robin) as robin_store:
        session_id = start_circle(robin_store, "Tuesday")
        robin = notes_of(robin_store)
        robin.vault.create(ROBIN_WORDS)
        robin.add("private words", session_id=session_id)
    with org.login(org.sam) as sam:
        assert sam.execute("SELECT count(*) FROM notes").fetchone() == (0,)
        assert sam.execute("SELECT count(*) FROM vault_header").fetchone() == (0,)
        assert sam.execute("UPDATE notes SET ciphertext = ''::bytea").rowcount == 0
        assert sam.execute("DELETE FROM vault_header").rowcount == 0
        assert sam.execute("DELETE FROM notes").rowcount == 0
        assert (
            sam.execute(
                "UPDATE sessions SET status = 'abandoned' WHERE id = %s", (session_id,)
            ).rowcount
            == 0
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sam.execute(
                "INSERT INTO notes (id, ciphertext, owner) VALUES ('planted', '', %s)",
                (make_url(org.robin).username,),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sam.execute(
                "INSERT INTO events (session_id, seq, kind, payload, wall, elapsed)"
                " VALUES (%s, 99, 'turn-ended', '{}', now(), 1)",
                (session_id,),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sam.execute("UPDATE alembic_version SET version_num = 'x'")
    with open_store(org.robin) as robin_store:  # Robin's data is as it was
        assert [n.text for n in notes_of_unlocked(robin_store).for_session(session_id)] == [
            "private words"
        ]
        assert robin_store.sessions.get(session_id).status == "live"


def notes_of_unlocked(store: Store) -> NotesService:
    service = notes_of(store)
    service.vault.unlock(ROBIN_WORDS)
    return service


def test_a_coordinator_reads_reports_but_no_notes_or_vaults_and_closes_only_abandoned(
    org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(org.robin) as robin_store:
        session_id = start_circle(robin_store, "Tuesday")
        robin_store.leases.claim(session_id)
        notes_of(robin_store).vault.create(ROBIN_WORDS)
    with org.login(org.cora) as cora:
        for table in ("notes", "vault_header"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                cora.execute(f"SELECT count(*) FROM {table}")
        assert cora.execute("SELECT count(*) FROM sessions").fetchone() == (1,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            cora.execute("DELETE FROM sessions")
    with open_store(org.cora, read_only=True) as reports:
        assert HistoryQueries.for_store(reports).sessions().rows[0].session_id == session_id
    assert main(["--db", org.cora, "close-abandoned", str(session_id)]) != 0
    assert "is held by" in capsys.readouterr().err
    with open_store(org.admin) as admin:
        long_ago = datetime.now(UTC) - timedelta(hours=5)
        with Session(admin.engine) as s, s.begin():
            s.execute(update(SessionRow).values(lease_renewed_at=long_ago, heartbeat_wall=long_ago))
    assert main(["--db", org.cora, "close-abandoned", str(session_id)]) == 0, capsys.readouterr()
    with open_store(org.robin, read_only=True) as robin_store:
        assert robin_store.sessions.get(session_id).status == "abandoned"


def test_a_facilitator_refused_by_the_server_gets_one_line(
    org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(org.robin) as robin_store:
        session_id = start_circle(robin_store, "Tuesday")
    assert main(["--db", org.sam, "close-abandoned", str(session_id), "--hours", "0.0001"]) != 0
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err


def test_two_set_ups_at_once_leave_one_vault_and_refuse_the_other(
    backend: Backend, store: Store
) -> None:
    barrier = threading.Barrier(2)
    outcome: list[str] = []

    def set_up(words: str) -> None:
        vault = Vault(store.vault_header, kdf=fast_settings(), idle_minutes=None)
        barrier.wait()
        try:
            vault.create(words)
            outcome.append(words)
        except VaultAlreadySetUp:
            outcome.append("refused")

    threads = [threading.Thread(target=set_up, args=(w,)) for w in (ROBIN_WORDS, SAM_WORDS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcome, key=lambda o: o == "refused")[1] == "refused", outcome
    winner = next(o for o in outcome if o != "refused")
    Vault(store.vault_header, kdf=fast_settings(), idle_minutes=None).unlock(winner)


def test_the_single_vault_becomes_its_creators_and_keeps_its_notes(new_db) -> None:  # type: ignore[no-untyped-def]
    where = new_db("single")
    with open_store(where) as store:
        session_id = start_circle(store, "Tuesday")
        notes = notes_of(store)
        notes.vault.create(ROBIN_WORDS)
        notes.add("written before facilitators had vaults", session_id=session_id)
    engine = make_engine(resolve(where), foreign_keys=False)
    try:
        config = migrate.alembic_config()
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0004_session_leases")
    finally:
        engine.dispose()
    with open_store(where) as store:  # upgraded again by the facilitator who made the vault
        service = notes_of_unlocked(store)
        assert [n.text for n in service.for_session(session_id)] == [
            "written before facilitators had vaults"
        ]
