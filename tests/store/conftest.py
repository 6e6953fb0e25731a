"""Store tests run on a real SQLite file in a fresh temporary folder, and on PostgreSQL too.

A test that asks for ``store``, ``new_db`` or ``backend`` runs once per backend (see
:mod:`tests.store.backends`): ``[sqlite]`` always, ``[postgresql]`` when a server can run
(``CIRCLEKEEPER_TEST_POSTGRES_URL``, or a throw-away cluster this run starts from the installed
binaries), else it is skipped with that reason (a failure under ``CI=true``). Tests of
what only SQLite has (the file, its ``-wal``, pragmas, the writer lock, backups, crashes) are
marked ``@pytest.mark.sqlite_only`` and run on SQLite alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from circlekeeper.store import Store, open_store
from tests.store.backends import Backend, backend_params, make_backend


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: tests SQLite's own behaviour (files, WAL, lock); not on servers"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        return
    metafunc.parametrize("backend", backend_params(), indirect=True)


@pytest.fixture(scope="module")
def backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Backend]:
    made = make_backend(
        getattr(request, "param", "sqlite"),
        tmp_path_factory.mktemp("backend"),
        lambda: request.getfixturevalue("postgres_admin_url"),
    )
    try:
        yield made
    finally:
        made.drop_all()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "circlekeeper.sqlite3"


@pytest.fixture
def new_db(backend: Backend) -> Callable[[str], str]:
    """Makes empty databases on the test's backend (a path or a URL for ``--db``)."""
    return backend.fresh


@pytest.fixture
def store(backend: Backend, db_path: Path) -> Iterator[Store]:
    opened = open_store(db_path if backend.is_sqlite else backend.fresh("store"))
    try:
        yield opened
    finally:
        opened.close()
