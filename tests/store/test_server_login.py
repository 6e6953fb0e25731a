"""A login the server refuses, or a database it does not have, says so, in the person's language.

Against a real cluster that asks this role for a password (scram-sha-256), as an
organization's server does. Before, a wrong password read "CircleKeeper cannot reach the
database server … Check that the server is running and reachable": the facilitator went to
look for a server that was running all along.
"""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from circlekeeper.cli import main
from tests.postgres_cluster import ThrowawayCluster, in_ci, server_binaries, unavailable_reason

ROLE = "ck_login_walk"
PASSWORD = "the-right-one"


@pytest.fixture(scope="module")
def guarded_server() -> Iterator[ThrowawayCluster]:
    """A cluster where :data:`ROLE` must give its password over TCP (the rest trust)."""
    binaries = server_binaries()
    if binaries is None or unavailable_reason() is not None:
        if in_ci():
            pytest.fail("CI=true but no PostgreSQL server binaries")
        pytest.skip(unavailable_reason() or "needs the PostgreSQL server binaries")
    cluster = ThrowawayCluster(binaries)
    cluster.start()
    try:
        with psycopg.connect(host="127.0.0.1", port=cluster.port, user="postgres") as admin:
            admin.autocommit = True
            admin.execute(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}'")
            admin.execute(f"CREATE DATABASE circlekeeper OWNER {ROLE}")
        hba = cluster.data / "pg_hba.conf"
        hba.write_text(
            f"host all {ROLE} 127.0.0.1/32 scram-sha-256\n" + hba.read_text(), encoding="utf-8"
        )
        cluster.pg_ctl("reload")
        yield cluster
    finally:
        cluster.stop()


def url(cluster: ThrowawayCluster, *, password: str, database: str = "circlekeeper") -> str:
    return f"postgresql+psycopg://{ROLE}:{password}@127.0.0.1:{cluster.port}/{database}"


def one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0, err
    return err


def test_the_right_password_opens(
    guarded_server: ThrowawayCluster, capsys: pytest.CaptureFixture[str]
) -> None:
    where = url(guarded_server, password=PASSWORD)
    assert main(["--db", where, "demo", "--sessions", "1", "--seed", "1"]) == 0
    assert main(["--db", where, "sessions"]) == 0


def test_a_wrong_password_says_the_login_was_refused(
    guarded_server: ThrowawayCluster, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", url(guarded_server, password="wrong"), "sessions"]) == 1
    said = one_line(capsys)
    assert "refused the login" in said, said
    assert "password" in said and "~/.pgpass" in said
    assert "is running" not in said, "the server is running: do not send them to look"
    assert "wrong" not in said.replace("password authentication failed", "")


def test_the_refusal_in_spanish_german_and_arabic(
    guarded_server: ThrowawayCluster, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = url(guarded_server, password="wrong")
    expected = {
        "es": "rechazó el inicio de sesión",
        "fr": "a refusé la connexion",
        "de": "hat die Anmeldung",
        "ar": "رفض خادم قاعدة البيانات",
    }
    for language, words in expected.items():
        assert main(["--lang", language, "--db", wrong, "sessions"]) == 1
        said = one_line(capsys)
        assert words in said, said
        assert "~/.pgpass" in said
        # docs/ is the project's folder: an installed copy (.deb, tarball) has none, so a
        # facilitator told to read docs/storage.md had nothing to open.
        assert "docs/" not in said, said
        if language == "fr":
            assert "Vérifiez" in said and "Vérifie " not in said  # « vous », as everywhere
    # In Arabic the address and the driver's English stay whole (left-to-right isolates),
    # instead of being reordered around the Arabic words.
    assert "\u2066postgresql+psycopg://" in said and "\u2066password authentication" in said


def test_a_database_the_server_does_not_have(
    guarded_server: ThrowawayCluster, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = url(guarded_server, password=PASSWORD, database="circles_typo")
    assert main(["--db", missing, "sessions"]) == 1
    said = one_line(capsys)
    assert "has no database" in said and "circles_typo" in said, said
    assert "is running" not in said
