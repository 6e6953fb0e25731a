"""Settings that travel with the data (organization, privacy, paper size, …) as text pairs."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from circlekeeper.store.models import SettingRow

KNOWN_KEYS = (
    "organization",
    "logo_path",
    "privacy",
    "paper",
    "vault_idle_minutes",
    "prompt_avoid_last",
)


class SettingsRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def get(self, key: str, default: str | None = None) -> str | None:
        with Session(self._engine) as s:
            row = s.get(SettingRow, key)
            return default if row is None else row.value

    def set(self, key: str, value: str) -> None:
        with Session(self._engine) as s, s.begin():
            row = s.get(SettingRow, key)
            if row is None:
                s.add(SettingRow(key=key, value=str(value)))
            else:
                row.value = str(value)
