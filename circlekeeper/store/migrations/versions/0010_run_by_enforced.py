"""The server, not the app, records who ran a session.

``sessions.run_by`` (0009_session_run_by) is what History, the session's detail and the
printed summary name as the facilitator, but the app wrote it: a facilitator's client (or
``psql``) could store a session "run by" another facilitator, or rename it afterwards. On
PostgreSQL it is now the server's:

- the column defaults to ``session_user``, the login role that is each facilitator's
  identity (as ``owner`` does since 0005_facilitator_vaults), so a session the client names no
  runner for is its writer's;
- a trigger fills an explicit NULL with ``session_user`` too, refuses (SQLSTATE 42501, as the
  policies do) an INSERT naming another role, and refuses any UPDATE that changes the value,
  for every role the row-level security policies bind: facilitators, and coordinators, who
  may close another's abandoned session but not rename who ran it.

The roles the policies do not bind (the database's owner, a superuser, a role with
BYPASSRLS: the administrator who migrates, seeds demo data or imports old sessions) are not
bound here either, exactly as ``row_security_active`` reports for the table; what they store
is kept as they send it, so demo and imported sessions they write keep NULL (their typed
names). Existing rows are not touched. A SQLite file has one facilitator and no roles: this
revision changes nothing there.

Revision ID: 0010_run_by_enforced
Revises: 0009_session_run_by
Create Date: 2026-12-03 00:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0010_run_by_enforced"
down_revision: str | None = "0009_session_run_by"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FUNCTION = "circlekeeper_run_by_is_the_writer"
TRIGGER = "sessions_run_by_is_the_writer"

# Not SECURITY DEFINER: row_security_active() must judge the role running the statement.
# The search_path is fixed so a role cannot shadow a function or operator it calls.
CREATE_FUNCTION = f"""
CREATE FUNCTION {FUNCTION}() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT row_security_active(TG_RELID) THEN
        RETURN NEW;  -- the owner or an administrator: not bound by the policies either
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.run_by IS NULL THEN
            NEW.run_by := session_user;
        ELSIF NEW.run_by <> session_user THEN
            RAISE EXCEPTION 'a session is run by the role that starts it: % cannot start one'
                ' run by %', session_user, NEW.run_by
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF NEW.run_by IS DISTINCT FROM OLD.run_by THEN
        RAISE EXCEPTION 'who ran session % is recorded when it starts and cannot be changed',
            OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$
"""

# UPDATE OF run_by: no client can change the column without naming it, and the heartbeat
# and every appended event (UPDATEs of other columns) do not pay for the check.
CREATE_TRIGGER = (
    f"CREATE TRIGGER {TRIGGER} BEFORE INSERT OR UPDATE OF run_by ON sessions"
    f" FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE sessions ALTER COLUMN run_by SET DEFAULT session_user")
    op.execute(CREATE_FUNCTION)
    op.execute(CREATE_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON sessions")
    op.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
    op.execute("ALTER TABLE sessions ALTER COLUMN run_by DROP DEFAULT")
