"""Which schema revision this install ships, read without SQLAlchemy or alembic.

Importing alembic (and SQLAlchemy behind it) costs most of a one-session
``circlekeeper export``; a database already at the newest schema (nearly every start) needs
none of it, so the revision chain is read from the migration files' headers and a reader
compares it with the one ``SELECT`` of ``alembic_version``. alembic is imported only to
migrate, or to settle a chain with branches. A test checks this agrees with alembic's reading.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from circlekeeper.i18n import _
from circlekeeper.store.errors import StoreError, StoreUnavailable

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

_REVISION = re.compile(r"^revision(?:: str)? = [\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?:: [^=]+)? = (?:None|[\"']([^\"']+)[\"'])", re.MULTILINE)


@cache
def known_revisions() -> dict[str, str | None]:
    """Each shipped revision and the one it revises, read from the migration files' headers."""
    chain: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision and down:
            chain[revision.group(1)] = down.group(1)
    return chain


def head_revision() -> str:
    chain = known_revisions()
    heads = set(chain) - {down for down in chain.values() if down}
    if len(heads) == 1:
        return heads.pop()
    from alembic.config import Config  # merges or branches: alembic decides
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(config).get_current_head()
    if head is None:  # pragma: no cover - the package always ships migrations
        raise StoreError(_("CircleKeeper's database migrations are missing from this install."))
    return head


def require_head_revision(current: str | None, where: str) -> None:
    """Refuse, with what to do, a schema revision a read-only opener cannot migrate.

    Read-only commands run beside the app and may not write, so an older schema is not
    upgraded by them: the person is told to open CircleKeeper once, which migrates it (after
    a backup). A revision this install does not know comes from a newer CircleKeeper.
    """
    if current == head_revision():
        return
    if current is None:
        raise StoreUnavailable(
            _(
                "The database {where} holds no CircleKeeper data yet; open CircleKeeper once to"
                " set it up, then run this command again."
            ).format(where=where)
        )
    if current not in known_revisions():
        raise StoreUnavailable(
            _(
                "The database {where} was last opened by a newer CircleKeeper (schema"
                " {schema}); update CircleKeeper to read it."
            ).format(where=where, schema=current)
        )
    raise StoreUnavailable(
        _(
            "The database {where} was made by an older CircleKeeper and needs an update first;"
            " open CircleKeeper once to update it, then run this command again."
        ).format(where=where)
    )
