"""Where a store test's database lives: a SQLite file, or a fresh PostgreSQL database.

The repository tests run on every backend the design promises. SQLite is always there; the
PostgreSQL server is the one ``CIRCLEKEEPER_TEST_POSTGRES_URL`` names (a role that may
``CREATE DATABASE``), else a throw-away cluster the run starts itself from the installed
server binaries (``tests/postgres_cluster.py``).

Each test gets its own database (``ck_test_…``), created empty so that the real start-up path
(alembic migrations 0001, 0002, …) runs on it, and dropped afterwards. With neither a URL nor
the binaries the PostgreSQL variants are skipped with a one-line reason on a developer's
machine, and fail under ``CI=true``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from tests.postgres_cluster import in_ci, unavailable_reason

NewDb = Callable[[str], str]
"""The ``new_db`` fixture: a label in, an empty database (a path or a URL for ``--db``) out."""


def backend_params() -> list[object]:
    """``sqlite`` always; ``postgresql`` too, skipped with a reason where no server can run
    (never under ``CI=true``: there the ``postgres_admin_url`` fixture fails instead)."""
    reason = unavailable_reason()
    if reason is None or in_ci():
        return ["sqlite", "postgresql"]
    return ["sqlite", pytest.param("postgresql", marks=pytest.mark.skip(reason=reason))]


@dataclass
class Backend:
    """Makes empty databases for one backend and removes them again."""

    name: str
    folder: Path
    admin_url: URL | None = None
    _made: list[str] = field(default_factory=list)

    @property
    def is_sqlite(self) -> bool:
        return self.name == "sqlite"

    def fresh(self, label: str = "db") -> str:
        """A new, empty database: a file path for SQLite, a URL for PostgreSQL."""
        if self.admin_url is None:
            folder = self.folder / f"{label}-{uuid.uuid4().hex[:8]}"
            folder.mkdir()
            return str(folder / "circlekeeper.sqlite3")
        name = f"ck_test_{label}_{uuid.uuid4().hex[:10]}".lower()
        self._admin(f'CREATE DATABASE "{name}"')
        self._made.append(name)
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        """Drop every database this backend made (``FORCE``: a leaked connection is no excuse)."""
        while self._made:
            self._admin(f'DROP DATABASE IF EXISTS "{self._made.pop()}" WITH (FORCE)')

    def _admin(self, statement: str) -> None:
        assert self.admin_url is not None
        engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        try:
            with engine.connect() as connection:
                connection.execute(text(statement))
        finally:
            engine.dispose()


def make_backend(name: str, folder: Path, admin_url: Callable[[], str]) -> Backend:
    """``admin_url`` is asked only for PostgreSQL, so SQLite runs never start a server."""
    if name == "sqlite":
        return Backend(name, folder)
    return Backend(name, folder, admin_url=make_url(admin_url()))
