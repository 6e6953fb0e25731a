"""Where a store test's database lives: a SQLite file, or a fresh PostgreSQL database.

The repository tests run on every backend the design promises. SQLite is always there; a
PostgreSQL server is used when ``CIRCLEKEEPER_TEST_POSTGRES_URL`` names one (a role that may
``CREATE DATABASE``), e.g.::

    CIRCLEKEEPER_TEST_POSTGRES_URL=postgresql+psycopg://circlekeeper@127.0.0.1:5432/postgres

Each test gets its own database (``ck_test_…``), created empty so that the real start-up path
(alembic migrations 0001, 0002, …) runs on it, and dropped afterwards. Without the variable the
PostgreSQL variants are skipped with that reason, so CI without a server stays green.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

POSTGRES_ENV = "CIRCLEKEEPER_TEST_POSTGRES_URL"
SKIP_REASON = (
    f"PostgreSQL variant: set {POSTGRES_ENV}=postgresql+psycopg://USER@HOST:PORT/postgres"
    " (a role allowed to CREATE DATABASE) to run it"
)
NewDb = Callable[[str], str]
"""The ``new_db`` fixture: a label in, an empty database (a path or a URL for ``--db``) out."""


def backend_params() -> list[object]:
    """``sqlite`` always; ``postgresql`` skipped with a reason when no server is configured."""
    postgres = (
        pytest.param("postgresql")
        if os.environ.get(POSTGRES_ENV, "").strip()
        else pytest.param("postgresql", marks=pytest.mark.skip(reason=SKIP_REASON))
    )
    return ["sqlite", postgres]


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
        engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                connection.execute(text(statement))
        finally:
            engine.dispose()


def make_backend(name: str, folder: Path) -> Backend:
    if name == "sqlite":
        return Backend(name, folder)
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:  # pragma: no cover - the parameter is skipped before we get here
        pytest.skip(SKIP_REASON)
    return Backend(name, folder, admin_url=make_url(url))
