"""The only place that writes SQL: SQLAlchemy 2 models, repositories, migrations, backups.

Everything outside this package talks to :class:`Store` and receives frozen dataclasses.
"""

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
from circlekeeper.store.store import Store, open_store

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
