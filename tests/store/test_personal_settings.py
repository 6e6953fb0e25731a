"""One facilitator's Settings never change another's circles on a shared server.

Walking the two-facilitator set-up of docs/storage.md found every setting in one shared table:
Sam choosing "never lock" for private notes left Robin's notes unlocked for good from Robin's
next start, Sam's chime, cues and presenter-screen choices (its planned end, the names shown)
became Robin's in Robin's room, and the logo path of Sam's laptop went into Robin's PDFs.
Against the real server with two facilitator roles: those keys are each facilitator's own, the
organization's (its name, report privacy and paper) stay shared, and a value set before
facilitators had their own is read until they choose. A SQLite file keeps its keys as they are.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from circlekeeper.reports.context import Privacy
from circlekeeper.store import open_store
from circlekeeper.ui.settings_dialog import AppSettings
from tests.store.test_server_roles import Org, org  # noqa: F401 - the fixture

ROBINS = AppSettings(
    organization="Harbour House",
    logo_path="/home/robin/harbour-logo.png",
    privacy=Privacy.NAMES,
    vault_idle_minutes=0,  # never lock
    discreet_cues=True,
    neutral_presenter=False,
    auto_start_next=False,
    muted=True,
    presenter_end_time=True,
)


def test_each_facilitators_own_settings_stay_theirs(org: Org) -> None:  # noqa: F811
    engine = create_engine(org.admin)
    try:
        with engine.begin() as connection:  # chosen before facilitators had their own
            connection.execute(text("INSERT INTO settings (key, value) VALUES ('muted', '1')"))
    finally:
        engine.dispose()
    with open_store(org.robin) as store:
        ROBINS.save(store.settings)
    with open_store(org.sam) as store:
        sams = AppSettings.load(store.settings)
    default = AppSettings()
    assert sams.vault_idle_minutes == default.vault_idle_minutes, "Sam's notes still lock"
    assert sams.logo_path == ""
    assert (sams.discreet_cues, sams.neutral_presenter, sams.auto_start_next) == (
        default.discreet_cues,
        default.neutral_presenter,
        default.auto_start_next,
    )
    assert sams.presenter_end_time is False, "Sam's room sees no clock"
    assert sams.muted is True, "the value chosen before is read until Sam chooses"
    assert (sams.organization, sams.privacy) == ("Harbour House", Privacy.NAMES), "shared"
    with open_store(org.robin, read_only=True) as store:
        assert AppSettings.load(store.settings) == ROBINS


def test_a_file_keeps_its_settings_under_their_own_names(tmp_path: Path) -> None:
    where = str(tmp_path / "circle.sqlite3")
    with open_store(where) as store:
        ROBINS.save(store.settings)
    with open_store(where, read_only=True) as store:
        assert AppSettings.load(store.settings) == ROBINS
    engine = create_engine(f"sqlite:///{where}")
    try:
        with engine.connect() as connection:
            keys = set(connection.execute(text("SELECT key FROM settings")).scalars())
    finally:
        engine.dispose()
    assert {"muted", "vault_idle_minutes", "organization"} <= keys
    assert not any("@" in key for key in keys)
