"""A vault per facilitator, notes owned by their author, and the server enforcing it.

- ``vault_header.owner`` (unique) and ``notes.owner``: each facilitator has their own
  passphrase and master key, and their notes are theirs. The existing single vault and its
  notes become the migrating facilitator's (``local`` on a SQLite file; on PostgreSQL the role
  that runs this upgrade: the facilitator who used the single vault, or an administrator who
  then hands them over with one UPDATE, see docs/storage.md). Nobody new can read anything.
- On PostgreSQL the owner columns default to ``session_user``, and row-level security makes
  the server refuse (even to ``psql``) any facilitator reading or changing another's notes or
  vault, or writing another's live session; the roles are set up by
  ``circlekeeper setup-roles`` (``store/roles.py``). The table owner (the administrator who
  migrates) is not subject to the policies.

Revision ID: 0005_facilitator_vaults
Revises: 0004_session_leases
Create Date: 2026-12-01 22:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_facilitator_vaults"
down_revision: str | None = "0004_session_leases"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCAL_FACILITATOR = "local"

POLICIES = (
    # Notes and vaults: their owner only, for every command.
    "CREATE POLICY own_notes ON notes USING (owner = session_user)"
    " WITH CHECK (owner = session_user)",
    "CREATE POLICY own_vault ON vault_header USING (owner = session_user)"
    " WITH CHECK (owner = session_user)",
    # Sessions: everyone reads (history, reports); a facilitator writes only their own, and a
    # coordinator may close any (close-abandoned).
    "CREATE POLICY read_sessions ON sessions FOR SELECT USING (true)",
    "CREATE POLICY add_own_sessions ON sessions FOR INSERT WITH CHECK (owner = session_user)",
    "CREATE POLICY change_own_sessions ON sessions FOR UPDATE"
    " USING (owner = session_user OR EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname ="
    " 'circlekeeper_coordinator' AND pg_has_role(session_user, r.oid, 'MEMBER')))",
    "CREATE POLICY delete_own_sessions ON sessions FOR DELETE USING (owner = session_user)",
    # A live session's log: appended only by the session's owner.
    "CREATE POLICY read_events ON events FOR SELECT USING (true)",
    "CREATE POLICY append_own_events ON events FOR INSERT WITH CHECK (EXISTS (SELECT 1 FROM"
    " sessions s WHERE s.id = session_id AND s.owner = session_user))",
    "CREATE POLICY delete_own_events ON events FOR DELETE USING (EXISTS (SELECT 1 FROM"
    " sessions s WHERE s.id = session_id AND s.owner = session_user))",
)
SECURED_TABLES = ("notes", "vault_header", "sessions", "events")


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    owner_default = sa.text("session_user") if postgres else sa.text(f"'{LOCAL_FACILITATOR}'")
    with op.batch_alter_table("vault_header", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner", sa.Text(), nullable=True))
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner", sa.Text(), nullable=True))
    migrator = "session_user" if postgres else f"'{LOCAL_FACILITATOR}'"
    for table in ("vault_header", "notes"):
        op.execute(f"UPDATE {table} SET owner = {migrator}")
    op.execute(f"UPDATE sessions SET owner = {migrator} WHERE owner IS NULL")
    for table in ("vault_header", "notes", "sessions"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(
                "owner", existing_type=sa.Text(), nullable=False, server_default=owner_default
            )
    with op.batch_alter_table("vault_header", schema=None) as batch_op:
        batch_op.create_unique_constraint("uq_vault_header_owner", ["owner"])
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.create_index("ix_notes_owner", ["owner"], unique=False)
    if postgres:
        for table in SECURED_TABLES:
            op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for policy in POLICIES:
            op.execute(policy)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for policy in POLICIES:
            name, table = policy.split()[2], policy.split()[4]
            op.execute(f"DROP POLICY IF EXISTS {name} ON {table}")
        for table in SECURED_TABLES:
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_index("ix_notes_owner")
        batch_op.drop_column("owner")
    with op.batch_alter_table("vault_header", schema=None) as batch_op:
        batch_op.drop_constraint("uq_vault_header_owner", type_="unique")
        batch_op.drop_column("owner")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.alter_column("owner", existing_type=sa.Text(), nullable=True, server_default=None)
