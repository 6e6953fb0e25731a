"""The only place that writes SQL: SQLAlchemy 2 models, repositories, migrations, backups.

Everything outside this package talks to :class:`Store` and receives frozen dataclasses.
Every name here is imported on first use (PEP 562): importing one light module of the package
must not pull the rest in. ``Store`` and ``open_store`` would load SQLAlchemy; the records and
errors are cheaper, but the window's first page is read (``first_look.py``) before it is shown,
and building the records' dataclasses would cost that first paint several milliseconds.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOMES = {
    "circlekeeper.store.errors": (
        "DatabaseCorrupted",
        "DatabaseLocked",
        "DuplicateEvent",
        "InvalidRecord",
        "RecordNotFound",
        "StoreError",
        "StoreUnavailable",
    ),
    "circlekeeper.store.records": (
        "CheckReport",
        "CircleRecord",
        "PersonRecord",
        "Privacy",
        "SessionRecord",
        "SessionStatus",
    ),
    "circlekeeper.store.store": ("Store", "open_store"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # asked once
    return value


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
