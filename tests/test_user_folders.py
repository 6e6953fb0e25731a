"""The folders worked out without platformdirs are the ones platformdirs names."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from circlekeeper.user_folders import user_cache_folder, user_config_folder, user_data_folder


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="elsewhere platformdirs answers")
@pytest.mark.parametrize("xdg", [None, "", "  ", "/srv/somewhere"])
def test_the_xdg_rule_gives_platformdirs_answer(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, xdg: str | None
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        if xdg is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, xdg)
    assert user_config_folder() == Path(platformdirs.user_config_dir("circlekeeper"))
    assert user_data_folder() == Path(platformdirs.user_data_dir("circlekeeper"))
    assert user_cache_folder() == Path(platformdirs.user_cache_dir("circlekeeper"))
