"""A circle's language is kept with the circle (migration 0005) and must be one we speak."""

from __future__ import annotations

from pathlib import Path

import pytest

from circlekeeper.store import InvalidRecord, open_store
from circlekeeper.store.records import CircleRecord


def test_a_circle_keeps_its_language_and_an_old_circle_follows_the_app(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "c.sqlite3")) as store:
        spanish = store.circles.save(CircleRecord(None, "Los jueves", language="es"))
        plain = store.circles.save(CircleRecord(None, "Thursdays"))
    with open_store(str(tmp_path / "c.sqlite3")) as store:
        assert store.circles.get(spanish).language == "es"
        assert store.circles.get(plain).language == ""


def test_a_language_we_do_not_speak_is_refused(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "c.sqlite3")) as store, pytest.raises(InvalidRecord) as caught:
        store.circles.save(CircleRecord(None, "Klingon night", language="tlh"))
    assert "'tlh'" in str(caught.value)
