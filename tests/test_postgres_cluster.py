"""The suite's PostgreSQL variants run wherever a server can: skipped with one line on a
developer's machine without the binaries, never silently skipped under ``CI=true``."""

from __future__ import annotations

import pytest

from tests import postgres_cluster
from tests.store.backends import backend_params


@pytest.fixture
def no_server_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(postgres_cluster.POSTGRES_ENV, raising=False)
    monkeypatch.setattr(postgres_cluster.glob, "glob", lambda pattern: [])
    monkeypatch.setattr(postgres_cluster.shutil, "which", lambda name: None)


@pytest.mark.usefixtures("no_server_here")
def test_without_binaries_a_developer_gets_a_one_line_skip_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CI", raising=False)
    reason = postgres_cluster.unavailable_reason()
    assert reason is not None and "\n" not in reason
    assert "apt-get install postgresql" in reason
    sqlite, postgres = backend_params()
    assert sqlite == "sqlite"
    assert [mark.kwargs["reason"] for mark in postgres.marks] == [reason]  # type: ignore[union-attr]


@pytest.mark.usefixtures("no_server_here")
def test_under_ci_a_missing_server_is_not_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert backend_params() == ["sqlite", "postgresql"]  # the fixture then fails, loudly


def test_a_configured_server_needs_no_binaries(
    no_server_here: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(postgres_cluster.POSTGRES_ENV, "postgresql+psycopg://ck@db/postgres")
    assert postgres_cluster.unavailable_reason() is None


def test_the_cluster_answers_on_loopback(postgres_admin_url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(postgres_admin_url)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT 1")).scalar() == 1
    finally:
        engine.dispose()
