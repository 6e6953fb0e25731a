"""Initial schema: circles, people, sessions with their event logs, notes, prompts, moods.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 20:01:33.772069
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "circles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("agreements_json", sa.Text(), nullable=False),
        sa.Column("default_plan_json", sa.Text(), nullable=False),
        sa.Column("facilitators_json", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("privacy", sa.String(length=16), nullable=False),
        sa.Column("retention_days", sa.Integer(), nullable=True),
        sa.Column("mood_enabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "privacy IN ('counts', 'initials', 'names')", name=op.f("ck_circles_privacy")
        ),
        sa.CheckConstraint(
            "retention_days IS NULL OR retention_days > 0", name=op.f("ck_circles_retention_days")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_circles")),
        sa.UniqueConstraint("name", name=op.f("uq_circles_name")),
    )
    op.create_table(
        "custom_prompts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("intensity", sa.String(length=16), nullable=False),
        sa.Column("principles_json", sa.Text(), nullable=False),
        sa.Column("first_meeting", sa.Boolean(), nullable=False),
        sa.Column("tags_json", sa.Text(), nullable=False),
        sa.Column("deck", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("based_on", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_prompts")),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("pronouns", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
    )
    op.create_table(
        "prompt_preferences",
        sa.Column("prompt_id", sa.String(length=200), nullable=False),
        sa.Column("favourite", sa.Boolean(), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("prompt_id", name=op.f("pk_prompt_preferences")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "vault_header",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kdf", sa.String(length=64), nullable=False),
        sa.Column("kdf_params_json", sa.Text(), nullable=False),
        sa.Column("salt", sa.LargeBinary(), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=False),
        sa.Column("verifier", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vault_header")),
    )
    op.create_table(
        "circle_members",
        sa.Column("circle_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["circle_id"],
            ["circles.id"],
            name=op.f("fk_circle_members_circle_id_circles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_circle_members_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("circle_id", "person_id", name=op.f("pk_circle_members")),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("circle_id", sa.Integer(), nullable=False),
        sa.Column("facilitators_json", sa.Text(), nullable=False),
        sa.Column("co_facilitators_json", sa.Text(), nullable=False),
        sa.Column("plan_json", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("shareable", sa.Text(), nullable=False),
        sa.Column("heartbeat_wall", sa.DateTime(), nullable=True),
        sa.Column("heartbeat_elapsed", sa.Float(), nullable=True),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.Column("present_count", sa.Integer(), nullable=True),
        sa.Column("duration_seconds", sa.Float(), nullable=True),
        sa.Column("fairness", sa.Float(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "status IN ('live', 'ended', 'abandoned')", name=op.f("ck_sessions_status")
        ),
        sa.ForeignKeyConstraint(
            ["circle_id"],
            ["circles.id"],
            name=op.f("fk_sessions_circle_id_circles"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
    )
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sessions_circle_id_started_at", ["circle_id", "started_at"], unique=False
        )
        batch_op.create_index("ix_sessions_started_at", ["started_at"], unique=False)
        batch_op.create_index("ix_sessions_status", ["status"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("wall", sa.DateTime(), nullable=False),
        sa.Column("elapsed", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_events_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("session_id", "seq", name=op.f("uq_events_session_id_seq")),
    )
    op.create_table(
        "moods",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("moment", sa.String(length=32), nullable=False),
        sa.Column("counts_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_moods_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "moment", name=op.f("pk_moods")),
    )
    op.create_table(
        "notes",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("elapsed", sa.Float(), nullable=True),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_notes_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_notes_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
    )
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.create_index("ix_notes_person_id", ["person_id"], unique=False)
        batch_op.create_index("ix_notes_session_id", ["session_id"], unique=False)

    op.create_table(
        "prompt_uses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("round_index", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("prompt_id", sa.String(length=200), nullable=True),
        sa.Column("person_id", sa.String(length=64), nullable=True),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_prompt_uses_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prompt_uses")),
    )
    with op.batch_alter_table("prompt_uses", schema=None) as batch_op:
        batch_op.create_index(
            "ix_prompt_uses_session_id_round_index", ["session_id", "round_index"], unique=False
        )

    op.create_table(
        "session_people",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("spoken_seconds", sa.Float(), nullable=True),
        sa.Column("passes", sa.Integer(), nullable=True),
        sa.Column("equal_share", sa.Float(), nullable=True),
        sa.Column("joined_late", sa.Boolean(), nullable=False),
        sa.Column("left_early", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_session_people_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_session_people_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "person_id", name=op.f("pk_session_people")),
    )
    with op.batch_alter_table("session_people", schema=None) as batch_op:
        batch_op.create_index(
            "ix_session_people_person_id_session_id", ["person_id", "session_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("session_people", schema=None) as batch_op:
        batch_op.drop_index("ix_session_people_person_id_session_id")

    op.drop_table("session_people")
    with op.batch_alter_table("prompt_uses", schema=None) as batch_op:
        batch_op.drop_index("ix_prompt_uses_session_id_round_index")

    op.drop_table("prompt_uses")
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_index("ix_notes_session_id")
        batch_op.drop_index("ix_notes_person_id")

    op.drop_table("notes")
    op.drop_table("moods")
    op.drop_table("events")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_sessions_status")
        batch_op.drop_index("ix_sessions_started_at")
        batch_op.drop_index("ix_sessions_circle_id_started_at")

    op.drop_table("sessions")
    op.drop_table("circle_members")
    op.drop_table("vault_header")
    op.drop_table("settings")
    op.drop_table("prompt_preferences")
    op.drop_table("people")
    op.drop_table("custom_prompts")
    op.drop_table("circles")
