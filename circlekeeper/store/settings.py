"""Settings that travel with the data (organization, privacy, paper size, …) as text pairs.

On an organization's server several facilitators share the ``settings`` table. What belongs
to the organization (its name, the privacy level and paper of its reports, how many sessions a
prompt rests) is shared, as before. What is one facilitator's own — how long *their* notes stay
unlocked, the cues and chime of *their* live screen, what *their* presenter screen shows, the
logo file on *their* laptop — is kept under their login role (``muted@robin``), so Sam choosing
"never lock" or a visible clock never changes Robin's circles. A personal key nobody has chosen
yet reads the shared value (one set before facilitators had their own, or by an administrator).
A SQLite file has one facilitator and keeps every key as it is.
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
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

PERSONAL_KEYS = frozenset(
    {
        "logo_path",
        "vault_idle_minutes",
        "discreet_cues",
        "neutral_presenter",
        "auto_start_next",
        "muted",
        "presenter_end_time",
    }
)
"""Each facilitator's own on a server: their vault, their live and presenter screens, a file on
their laptop."""


class SettingsRepository:
    def __init__(self, engine: Engine, *, owner: str | None = None) -> None:
        """``owner``: the facilitator whose personal keys these are (a server's login role);
        ``None`` on a SQLite file, where every key is the one facilitator's."""
        self._engine = engine
        self._owner = owner

    def _own(self, key: str) -> str | None:
        """Where this facilitator's own value of ``key`` is kept (``None``: shared key)."""
        if self._owner is None or key not in PERSONAL_KEYS:
            return None
        return f"{key}@{self._owner}"

    def get(self, key: str, default: str | None = None) -> str | None:
        with Session(self._engine) as s:
            own = self._own(key)
            row = s.get(SettingRow, own) if own is not None else None
            if row is None:
                row = s.get(SettingRow, key)
            return default if row is None else row.value

    def set(self, key: str, value: str) -> None:
        key = self._own(key) or key
        try:
            self._write(key, value)
        except IntegrityError:  # another facilitator added the same shared key just now
            self._write(key, value)

    def _write(self, key: str, value: str) -> None:
        with Session(self._engine) as s, s.begin():
            row = s.get(SettingRow, key)
            if row is None:
                s.add(SettingRow(key=key, value=str(value)))
            else:
                row.value = str(value)
