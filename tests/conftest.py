"""Suite-wide settings: Qt draws offscreen, so the tests run on machines with no screen.

PostgreSQL: the ``postgres_admin_url`` session fixture names a server the PostgreSQL variants
may create databases on: ``CIRCLEKEEPER_TEST_POSTGRES_URL`` when set, else a throw-away cluster
this run starts on a loopback port and removes at the end (``tests/postgres_cluster.py``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

# Hypothesis fails an example that takes over 200 ms by default. Property tests here check
# what is computed, never how fast (speed lives in benchmarks/), and on a loaded 2-core CI
# machine a 400-day count once crossed that line: the deadline is off for the whole suite.
settings.register_profile("circlekeeper", deadline=None)
settings.load_profile("circlekeeper")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CIRCLEKEEPER_MUTE", "1")
# Tests read English messages whatever the machine's language; tests of other languages ask
# for them explicitly (tests/i18n).
os.environ["CIRCLEKEEPER_LANG"] = "en"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "installers: uses the built installers (dist/); runs after every other test, so that"
        " .ci/run can build them meanwhile",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The installer tests last: in CI they wait for the build running beside the suite."""
    items.sort(key=lambda item: item.get_closest_marker("installers") is not None)


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """A role allowed to CREATE DATABASE (and, on our own cluster, a superuser)."""
    from tests import postgres_cluster

    configured = os.environ.get(postgres_cluster.POSTGRES_ENV, "").strip()
    if configured:
        yield configured
        return
    reason = postgres_cluster.unavailable_reason()
    if reason is not None:
        if postgres_cluster.in_ci():
            pytest.fail(f"CI=true but {reason[0].lower()}{reason[1:]}", pytrace=False)
        pytest.skip(reason)
    cluster = postgres_cluster.start_shared_cluster()
    try:
        yield cluster.url()
    finally:
        cluster.stop()


@pytest.fixture(autouse=True)
def _collector_unfrozen() -> Iterator[None]:
    """A one-session export freezes what it imported (``gc.freeze``: its process ends after
    the PDF); run inside the test process, it would keep every test's leftovers for good."""
    yield
    import gc

    if gc.get_freeze_count():
        gc.unfreeze()
