"""The database schema as typed SQLAlchemy 2 models (used only inside ``store/``).

Every constraint has a name (the naming convention below) so alembic batch migrations on SQLite
can find and change them later. Times are stored as UTC without an offset and come back as
timezone-aware UTC ``datetime``s; lists and plans are JSON text, so the schema stays the same on
SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    FetchedValue,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def built_on(item: object, dialect_name: str) -> bool:
    """Whether the migrations build the schema object ``item`` on this kind of database: one
    declared with ``.ddl_if(dialect=...)`` (an index only PostgreSQL has) exists there only."""
    condition = getattr(item, "_ddl_if", None)
    wanted = None if condition is None else condition.dialect
    if wanted is None:
        return True
    return dialect_name == wanted if isinstance(wanted, str) else dialect_name in wanted


def compared_on(dialect_name: str) -> Callable[[object, str | None, str, bool, object], bool]:
    """Alembic's ``include_object`` hook for comparing this database with the models (the
    autogenerate of a new revision, the schema tests): a model object that is not built on
    this database is not missing from it."""

    def include(item: object, name: str | None, kind: str, reflected: bool, other: object) -> bool:
        return reflected or built_on(item, dialect_name)

    return include


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC without an offset (SQLite has no time zones); always returns aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment: datetime = value
        if moment.tzinfo is None:
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)


OWNER_DEFAULT = FetchedValue()
"""``owner`` columns default, on the server, to the login role (``session_user``; ``'local'``
on a SQLite file: 0005_facilitator_vaults), so an INSERT that names no owner is its writer's."""
RUN_BY_DEFAULT = FetchedValue()
"""``sessions.run_by`` defaults, on the server, to the login role too (0010_run_by_enforced),
and a trigger keeps any other role out of it; a SQLite file has no default (NULL)."""


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class CircleRow(Base):
    __tablename__ = "circles"
    __table_args__ = (
        UniqueConstraint("name"),
        CheckConstraint("privacy IN ('counts', 'initials', 'names')", name="privacy"),
        CheckConstraint("retention_days IS NULL OR retention_days > 0", name="retention_days"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    agreements_json: Mapped[str] = mapped_column(Text, default="[]")
    default_plan_json: Mapped[str] = mapped_column(Text, default="[]")
    facilitators_json: Mapped[str] = mapped_column(Text, default="[]")
    archived: Mapped[bool] = mapped_column(Boolean(create_constraint=False), default=False)
    privacy: Mapped[str] = mapped_column(String(16), default="counts")
    retention_days: Mapped[int | None] = mapped_column(Integer)
    mood_enabled: Mapped[bool] = mapped_column(Boolean(create_constraint=False), default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    # The language its prompts are drawn in; NULL follows the app (migration 0005).
    language: Mapped[str | None] = mapped_column(String(16))
    # Made up by the demo data, not a real circle (migration 0006_demo_circles).
    demo: Mapped[bool] = mapped_column(
        Boolean(create_constraint=False), default=False, server_default=false()
    )
    # How often it plans to meet (session/cadence.py's kinds; "none": no fixed schedule) and
    # the first planned meeting, NULL for "its first session" (migration 0007_circle_cadence).
    cadence: Mapped[str] = mapped_column(String(16), default="none", server_default="none")
    cadence_since: Mapped[date | None] = mapped_column(Date)


class PersonRow(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    pronouns: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean(create_constraint=False), default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class CircleMemberRow(Base):
    """Who belongs to which circle; ``position`` keeps the seating (insertion) order."""

    __tablename__ = "circle_members"

    circle_id: Mapped[int] = mapped_column(
        ForeignKey("circles.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer)


class SessionRow(Base):
    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint("status IN ('live', 'ended', 'abandoned')", name="status"),
        Index("ix_sessions_circle_id_started_at", "circle_id", "started_at"),
        Index("ix_sessions_started_at", "started_at"),
        Index("ix_sessions_status", "status"),
        # History sorts by these (migration 0002_history_sort); keyset pages walk the index.
        Index("ix_sessions_fairness", "fairness"),
        Index("ix_sessions_duration_seconds", "duration_seconds"),
        Index("ix_sessions_present_count", "present_count"),
        # A trigram GIN index on PostgreSQL (0003_search_text_trigram): a btree entry there
        # is limited to 2,704 bytes, and a shareable summary is unbounded text.
        Index(
            "ix_sessions_search_text",
            "search_text",
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    circle_id: Mapped[int] = mapped_column(ForeignKey("circles.id", ondelete="RESTRICT"))
    facilitators_json: Mapped[str] = mapped_column(Text, default="[]")
    co_facilitators_json: Mapped[str] = mapped_column(Text, default="[]")
    plan_json: Mapped[str] = mapped_column(Text, default="[]")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    status: Mapped[str] = mapped_column(String(16), default="live")
    shareable: Mapped[str] = mapped_column(Text, default="")
    heartbeat_wall: Mapped[datetime | None] = mapped_column(UTCDateTime)
    heartbeat_elapsed: Mapped[float | None] = mapped_column(Float)
    event_count: Mapped[int] = mapped_column(Integer, default=0)
    # Derived at finish() from summarize(entries), so history pages never replay logs.
    present_count: Mapped[int | None] = mapped_column(Integer)
    duration_seconds: Mapped[float | None] = mapped_column(Float)
    fairness: Mapped[float | None] = mapped_column(Float)
    search_text: Mapped[str] = mapped_column(Text, default="")
    # Who runs a live session (0004_session_leases, store/leases.py): the facilitator who
    # owns it, and the lease one app instance holds while it writes the log.
    owner: Mapped[str] = mapped_column(Text, server_default=OWNER_DEFAULT)
    # Who ran it, as History, the detail and the PDF name them (0009_session_run_by): the
    # facilitator's login role on a server, recorded by the server itself when the session
    # starts (0010_run_by_enforced: default session_user, never another role, never changed);
    # NULL on a SQLite file (its one facilitator typed their name) and for sessions older
    # than the column.
    run_by: Mapped[str | None] = mapped_column(Text, server_default=RUN_BY_DEFAULT)
    lease_token: Mapped[str | None] = mapped_column(String(36))
    lease_holder: Mapped[str | None] = mapped_column(Text)
    lease_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lease_renewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class EventRow(Base):
    """One line of a session's log; ``UNIQUE(session_id, seq)`` refuses a duplicate."""

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("session_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)
    wall: Mapped[datetime] = mapped_column(UTCDateTime)
    elapsed: Mapped[float] = mapped_column(Float)


class SessionPersonRow(Base):
    """Per person per session figures, filled at finish() for the history queries."""

    __tablename__ = "session_people"
    __table_args__ = (
        Index("ix_session_people_person_id_session_id", "person_id", "session_id"),
        # PostgreSQL only (0008_period_covering_index): the period figures join a month's
        # sessions to their attendances and need only these three columns, which this index
        # answers without visiting the table; without it the server reads every attendance
        # ever stored. A SQLite file has no INCLUDE and walks the primary key already.
        Index(
            "ix_session_people_session_id_covering",
            "session_id",
            postgresql_include=["person_id", "passes"],
        ).ddl_if(dialect="postgresql"),
    )

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    spoken_seconds: Mapped[float | None] = mapped_column(Float)
    passes: Mapped[int | None] = mapped_column(Integer)
    equal_share: Mapped[float | None] = mapped_column(Float)
    joined_late: Mapped[bool] = mapped_column(Boolean(create_constraint=False), default=False)
    left_early: Mapped[bool] = mapped_column(Boolean(create_constraint=False), default=False)


class NoteRow(Base):
    """A private note: ciphertext only (the vault encrypts before anything reaches here)."""

    __tablename__ = "notes"
    __table_args__ = (
        Index("ix_notes_session_id", "session_id"),
        Index("ix_notes_person_id", "person_id"),
        Index("ix_notes_owner", "owner"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    elapsed: Mapped[float | None] = mapped_column(Float)
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    owner: Mapped[str] = mapped_column(Text, server_default=OWNER_DEFAULT)
    """The facilitator who wrote it (0005_facilitator_vaults); only they can read it."""


class VaultHeaderRow(Base):
    """A facilitator's vault header (key wrapped under their passphrase); never the key."""

    __tablename__ = "vault_header"
    __table_args__ = (UniqueConstraint("owner"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kdf: Mapped[str] = mapped_column(String(64))
    kdf_params_json: Mapped[str] = mapped_column(Text, default="{}")
    salt: Mapped[bytes] = mapped_column(LargeBinary)
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)
    verifier: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    owner: Mapped[str] = mapped_column(Text, server_default=OWNER_DEFAULT)


class CustomPromptRow(Base):
    """A facilitator's own prompt; its public id is ``custom:<id>``."""

    __tablename__ = "custom_prompts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(32))
    intensity: Mapped[str] = mapped_column(String(16))
    principles_json: Mapped[str] = mapped_column(Text, default="[]")
    first_meeting: Mapped[bool] = mapped_column(Boolean(create_constraint=False), default=False)
    tags_json: Mapped[str] = mapped_column(Text, default="[]")
    deck: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean(create_constraint=False), default=False)
    based_on: Mapped[str | None] = mapped_column(Text)


class PromptPreferenceRow(Base):
    """Favourite / hidden marks on any prompt, shipped or custom, by prompt id."""

    __tablename__ = "prompt_preferences"

    prompt_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    favourite: Mapped[bool] = mapped_column(Boolean(create_constraint=False), default=False)
    hidden: Mapped[bool] = mapped_column(Boolean(create_constraint=False), default=False)


class PromptUseRow(Base):
    __tablename__ = "prompt_uses"
    __table_args__ = (Index("ix_prompt_uses_session_id_round_index", "session_id", "round_index"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    round_index: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    prompt_id: Mapped[str | None] = mapped_column(String(200))
    person_id: Mapped[str | None] = mapped_column(String(64))
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class MoodRow(Base):
    """Anonymous mood counts for one moment of a session (how many chose each value)."""

    __tablename__ = "moods"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    moment: Mapped[str] = mapped_column(String(32), primary_key=True)
    counts_json: Mapped[str] = mapped_column(Text, default="{}")


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
