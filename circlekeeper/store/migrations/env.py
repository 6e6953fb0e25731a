"""Alembic environment: runs on the connection :mod:`circlekeeper.store.migrate` hands over.

``render_as_batch=True`` because SQLite cannot ALTER most things in place; batch mode copies the
table, which is why every constraint has a name (see ``models.NAMING_CONVENTION``).
"""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from sqlalchemy import Connection

from circlekeeper.store.database import make_engine
from circlekeeper.store.location import resolve
from circlekeeper.store.models import Base, UTCDateTime, compared_on

config = context.config
target_metadata = Base.metadata


def _render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Write our UTC column type as a plain ``sa.DateTime()``: revisions must not import
    the models (they change later; a migration is frozen in time)."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=_render_item,
        # An index declared for PostgreSQL only is not "missing" from a SQLite file.
        include_object=compared_on(connection.dialect.name),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    # Used by developers running alembic by hand: `sqlalchemy.url` or $CIRCLEKEEPER_DB.
    engine = make_engine(resolve(config.get_main_option("sqlalchemy.url")), foreign_keys=False)
    try:
        with engine.connect() as connection:
            _run(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("CircleKeeper migrations run online only.")
run_migrations_online()
