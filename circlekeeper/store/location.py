"""Where the database lives: a path, a SQLAlchemy URL, ``$CIRCLEKEEPER_DB`` or the default.

The default is ``circlekeeper.sqlite3`` in the user data folder from ``platformdirs``, so a
facilitator never has to choose a file; organizations point ``--db`` at a server URL.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from circlekeeper.i18n import _
from circlekeeper.store.errors import StoreUnavailable
from circlekeeper.store.file_path import DEFAULT_FILENAME as DEFAULT_FILENAME
from circlekeeper.store.file_path import ENV_VAR as ENV_VAR
from circlekeeper.store.file_path import chosen
from circlekeeper.store.file_path import default_path as default_path


@dataclass(frozen=True, slots=True)
class DatabaseLocation:
    url: URL
    path: Path | None
    """The SQLite file, or ``None`` for in-memory SQLite and server databases."""

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"


def resolve(url_or_path: str | os.PathLike[str] | None = None) -> DatabaseLocation:
    """Turn what the person gave (or nothing) into a URL and, for SQLite files, a path."""
    url_or_path = chosen(url_or_path)
    if url_or_path is None:
        return _from_path(default_path())
    text = os.fspath(url_or_path)
    if "://" not in text:
        return _from_path(Path(text))
    try:
        url = make_url(text)
        url.get_dialect()
    except (ArgumentError, NoSuchModuleError) as error:
        raise StoreUnavailable(
            _(
                "{value} is neither a file path nor a database URL that CircleKeeper understands."
            ).format(value=repr(text))
        ) from error
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            return DatabaseLocation(url, None)
        return DatabaseLocation(url, Path(database).expanduser().absolute())
    return DatabaseLocation(url, None)


def _from_path(path: Path) -> DatabaseLocation:
    path = path.expanduser().absolute()
    return DatabaseLocation(URL.create("sqlite+pysqlite", database=str(path)), path)
