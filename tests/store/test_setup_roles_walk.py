"""``setup-roles`` as a newcomer administrator meets it, against the real server.

Walked from docs/storage.md: an owner role made with a plain ``createuser`` owns the database,
and ``setup-roles`` run as that owner stopped with "Your database role may not do this …
(permission denied to create role) … Ask whoever runs the server to give your role the
facilitator rights": advice for a facilitator, to the administrator. It now says what the
owner lacks and the one statement that gives it; run by a role that is not the owner, it says
who the owner is.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from circlekeeper.cli import main
from tests.store.backends import Backend


@dataclass
class Walk:
    owner: str
    owner_url: str
    stranger: str
    stranger_url: str
    admin_url: str

    def admin(self, statement: str) -> None:
        engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with engine.connect() as connection:
            connection.execute(text(statement))
        engine.dispose()


@pytest.fixture
def walk(backend: Backend) -> Iterator[Walk]:
    if backend.is_sqlite:
        pytest.skip("roles are a PostgreSQL server's")
    assert backend.admin_url is not None
    suffix = uuid.uuid4().hex[:6]
    owner, stranger, database = f"ck_own_{suffix}", f"ck_str_{suffix}", f"ck_walk_{suffix}"
    admin_url = backend.admin_url.render_as_string(hide_password=False)
    made = Walk(owner, "", stranger, "", admin_url)
    made.admin(f'CREATE ROLE "{owner}" LOGIN')  # createuser's defaults: no CREATEROLE
    made.admin(f'CREATE ROLE "{stranger}" LOGIN')
    made.admin(f'CREATE DATABASE "{database}" OWNER "{owner}"')
    url = make_url(admin_url).set(database=database)
    made.owner_url = url.set(username=owner).render_as_string(hide_password=False)
    made.stranger_url = url.set(username=stranger).render_as_string(hide_password=False)
    try:
        yield made
    finally:
        made.admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        for role in (owner, stranger):
            made.admin(f'DROP ROLE IF EXISTS "{role}"')


def said(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0, err
    return err


def test_an_owner_without_createrole_is_told_the_statement_that_gives_it(
    walk: Walk, capsys: pytest.CaptureFixture[str]
) -> None:
    setup = ["--db", walk.owner_url, "setup-roles", "--facilitator", walk.stranger]
    assert main(setup) == 1
    message = said(capsys)
    assert f'ALTER ROLE "{walk.owner}" CREATEROLE' in message, message
    assert "facilitator rights" not in message
    walk.admin(f'ALTER ROLE "{walk.owner}" CREATEROLE')
    assert main(setup) == 0


def test_a_role_that_does_not_own_the_database_is_told_who_does(
    walk: Walk, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", walk.owner_url, "sessions"]) == 1  # nothing set up yet
    capsys.readouterr()
    walk.admin(f'ALTER ROLE "{walk.owner}" CREATEROLE')
    assert main(["--db", walk.owner_url, "setup-roles"]) == 0  # the schema and the groups
    capsys.readouterr()
    assert main(["--db", walk.stranger_url, "setup-roles"]) == 1
    message = said(capsys)
    assert walk.owner in message and "owns the database" in message, message
