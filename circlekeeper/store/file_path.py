"""The database file a person named (or the default one), worked out without SQLAlchemy.

``location.resolve`` turns anything (paths and URLs) into a SQLAlchemy URL; the read-only
report path only needs to know whether it is a plain SQLite file and where, and must not pay
for importing SQLAlchemy to find out.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from circlekeeper.i18n import _
from circlekeeper.store.errors import StoreUnavailable

ENV_VAR = "CIRCLEKEEPER_DB"
DEFAULT_FILENAME = "circlekeeper.sqlite3"


def default_path() -> Path:
    from circlekeeper.user_folders import user_data_folder

    return user_data_folder() / DEFAULT_FILENAME


def chosen(url_or_path: str | os.PathLike[str] | None) -> str | os.PathLike[str] | None:
    """What names the database: the argument, else ``$CIRCLEKEEPER_DB``; ``None`` for the
    default file."""
    if url_or_path is None or str(url_or_path).strip() == "":
        return os.environ.get(ENV_VAR, "").strip() or None
    return url_or_path


def plain_file(url_or_path: str | os.PathLike[str] | None = None) -> Path | None:
    """The SQLite file when the database is named by a path (or not named at all), ``None``
    when it is a URL (a server, or a ``sqlite://`` URL, which ``location.resolve`` reads)."""
    named = chosen(url_or_path)
    if named is None:
        return default_path().expanduser().absolute()
    text = os.fspath(named)
    if "://" in text:
        return None
    return Path(text).expanduser().absolute()


def existing_size(path: Path) -> int | None:
    """The database file's size, ``None`` when it does not exist yet.

    A folder, and a path the system refuses outright (a name too long, a file where a folder
    should be), become a sentence instead of an ``OSError`` traceback.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreUnavailable(
            _("CircleKeeper cannot use {path} as its database ({reason}).").format(
                path=path, reason=error.strerror
            )
        ) from error
    if stat.S_ISDIR(info.st_mode):
        raise StoreUnavailable(
            _("{path} is a folder; give the path of a database file.").format(path=path)
        )
    return info.st_size


def missing_database(path: Path) -> str:
    """What a reading command says when there is no database file to read."""
    return _(
        "There is no CircleKeeper database at {path} yet; open CircleKeeper once to"
        " create it, or give another file with --db."
    ).format(path=path)


def another_programs(path: Path) -> str:
    """What is said of a SQLite file that holds tables but was never CircleKeeper's."""
    return _(
        "{path} is a database of another program, not CircleKeeper's; it was left as it is."
        " Choose another file with --db."
    ).format(path=path)
