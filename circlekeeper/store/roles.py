"""The PostgreSQL roles of an organization's server: who may do what, enforced by the server.

Three kinds of role, set up by the database's owner with ``circlekeeper setup-roles``:

- **owner/admin**: the role that owns the database and its tables (it created them: the
  first ``circlekeeper`` start, or ``setup-roles`` itself, runs the migrations). It is not
  subject to row-level security; it migrates, backs up, and hands roles out.
- **facilitator** (group ``circlekeeper_facilitator``): a login role per person, which is
  their identity. Reads circles, people and history; writes circles, people and sessions;
  row-level security (migration 0005) limits notes and the vault to their own rows and live
  session writes to their own sessions.
- **coordinator** (group ``circlekeeper_coordinator``): reads everything but notes and
  vaults (no grant at all on those two tables), and may close an abandoned session
  (``close-abandoned``), which updates that session's row and its per-person figures and
  forgets the prompts of rounds it never reached.

Everything is idempotent, so running it again after an upgrade grants the new tables.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, Engine, text

from circlekeeper.i18n import _
from circlekeeper.store.errors import StoreUnavailable

FACILITATOR_GROUP = "circlekeeper_facilitator"
COORDINATOR_GROUP = "circlekeeper_coordinator"
PRIVATE_TABLES = ("notes", "vault_header")
"""No coordinator grant at all: a coordinator cannot even count the rows."""


def grant_statements(database: str) -> list[str]:
    """The SQL ``setup-roles`` runs (also printed by ``setup-roles --print-sql`` for psql)."""
    quoted = _quote(database)
    statements = [
        _create_group(FACILITATOR_GROUP),
        _create_group(COORDINATOR_GROUP),
    ]
    for group in (FACILITATOR_GROUP, COORDINATOR_GROUP):
        statements += [
            f"GRANT CONNECT ON DATABASE {quoted} TO {group}",
            f"GRANT USAGE ON SCHEMA public TO {group}",
            f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {group}",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {group}",
        ]
    statements += [
        # Facilitators: read and write everything but the schema's own version.
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {FACILITATOR_GROUP}",
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {FACILITATOR_GROUP}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {FACILITATOR_GROUP}",
        # Coordinators: reports only, plus closing an abandoned session.
        *(f"REVOKE ALL ON {table} FROM {COORDINATOR_GROUP}" for table in PRIVATE_TABLES),
        f"GRANT UPDATE ON sessions TO {COORDINATOR_GROUP}",
        f"GRANT INSERT, DELETE ON session_people TO {COORDINATOR_GROUP}",
        # closing forgets the prompts of rounds the session never reached (never heard)
        f"GRANT DELETE ON prompt_uses TO {COORDINATOR_GROUP}",
    ]
    return statements


def check_may_set_up(db: str | None) -> None:
    """Refuse, before anything is opened or migrated, a role that cannot set the roles up.

    ``setup-roles`` creates two group roles and hands them out, which needs ``CREATEROLE``
    (or the groups already there and the ADMIN option on them), and is run by the role that
    owns the database, which then owns the tables. The server's own refusal ("permission
    denied to create role", or for a stranger "permission denied for table alembic_version")
    read like a facilitator's missing rights; this says what is missing and how to give it.
    A SQLite file has no roles: the caller says so once it is open.
    """
    from circlekeeper.store.database import make_engine
    from circlekeeper.store.location import resolve

    location = resolve(db)
    if location.is_sqlite or location.url.get_backend_name() != "postgresql":
        return
    engine = make_engine(location)
    try:
        with engine.connect() as connection:
            me, owner, superuser, creates, admin_of_groups = connection.execute(
                text(
                    "SELECT r.rolname, pg_get_userbyid(d.datdba), r.rolsuper, r.rolcreaterole,"
                    " (SELECT count(*) FROM pg_roles g WHERE g.rolname IN (:facilitators,"
                    " :coordinators) AND pg_has_role(r.oid, g.oid, 'MEMBER WITH ADMIN OPTION'))"
                    " FROM pg_roles r, pg_database d"
                    " WHERE r.rolname = current_user AND d.datname = current_database()"
                ),
                {"facilitators": FACILITATOR_GROUP, "coordinators": COORDINATOR_GROUP},
            ).one()
    finally:
        engine.dispose()
    if superuser:
        return
    if me != owner:
        raise StoreUnavailable(
            _(
                "Roles are set up by the role that owns the database, {owner}; you are"
                " connected as {role}. Run setup-roles again as {owner}"
                " (docs/storage.md, “Facilitators and roles”)."
            ).format(owner=owner, role=me)
        )
    if not creates and admin_of_groups < 2:
        raise StoreUnavailable(
            _(
                "The role {role} owns the database but may not create roles or hand them out,"
                " so nothing was set up. As a PostgreSQL administrator, run"
                " {statement} and then setup-roles again."
            ).format(role=me, statement=f"ALTER ROLE {_quote(me)} CREATEROLE;")
        )


def setup_roles(
    engine: Engine, *, facilitators: Iterable[str] = (), coordinators: Iterable[str] = ()
) -> None:
    """Create the group roles, grant their rights, and make the named login roles members."""
    with engine.begin() as connection:
        database = str(connection.execute(text("SELECT current_database()")).scalar_one())
        for statement in grant_statements(database):
            connection.execute(text(statement))
        _add_members(connection, FACILITATOR_GROUP, facilitators)
        _add_members(connection, COORDINATOR_GROUP, coordinators)


def _add_members(connection: Connection, group: str, logins: Iterable[str]) -> None:
    for login in logins:
        connection.execute(text(f"GRANT {group} TO {_quote(login)}"))


def _create_group(name: str) -> str:
    return (
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
        f"'{name}') THEN CREATE ROLE {name} NOLOGIN; END IF; END $$"
    )


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
