"""The only place that writes SQL: SQLAlchemy 2 models, repositories, migrations, backups.

Everything outside this package talks to :class:`Store` and receives frozen dataclasses.
``Store`` and ``open_store`` are imported on first use (PEP 562): importing a light module of
the package (records, errors, the read-only file reader) must not pull SQLAlchemy in.
"""

from typing import TYPE_CHECKING, Any

from circlekeeper.store.errors import (
    DatabaseCorrupted,
    DatabaseLocked,
    DuplicateEvent,
    InvalidRecord,
    RecordNotFound,
    StoreError,
    StoreUnavailable,
)
from circlekeeper.store.records import (
    CheckReport,
    CircleRecord,
    PersonRecord,
    Privacy,
    SessionRecord,
    SessionStatus,
)

if TYPE_CHECKING:
    from circlekeeper.store.store import Store, open_store


def __getattr__(name: str) -> Any:
    if name in ("Store", "open_store"):
        from circlekeeper.store import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CheckReport",
    "CircleRecord",
    "DatabaseCorrupted",
    "DatabaseLocked",
    "DuplicateEvent",
    "InvalidRecord",
    "PersonRecord",
    "Privacy",
    "RecordNotFound",
    "SessionRecord",
    "SessionStatus",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "open_store",
]
