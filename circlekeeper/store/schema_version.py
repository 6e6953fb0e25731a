"""Which schema revision this install ships, read without SQLAlchemy or alembic.

Importing alembic (and SQLAlchemy behind it) costs most of a one-session
``circlekeeper export``; a database already at the newest schema (nearly every start) needs
none of it, so the revision chain is read from the migration files' headers and a reader
compares it with the one ``SELECT`` of ``alembic_version``. alembic is imported only to
migrate, or to settle a chain with branches. A test checks this agrees with alembic's reading.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from circlekeeper.i18n import _
from circlekeeper.store.errors import StoreError, StoreUnavailable

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@cache
def known_revisions() -> dict[str, str | None]:
    """Each shipped revision and the one it revises, read from the migration files' headers.

    Read before the window's first paint (is the file at the newest schema?), so cheaply: the
    folder listed rather than globbed, and the two header lines found by their names rather
    than by regular expressions searched line by line through every file (which cost the
    first paint about 3 M instructions, compiling them included)."""
    chain: dict[str, str | None] = {}
    folder = MIGRATIONS_DIR / "versions"
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".py"):
            continue
        source = (folder / name).read_text(encoding="utf-8")
        has_revision, revision = _header(source, "revision")
        has_down, down = _header(source, "down_revision")
        if revision is not None and has_revision and has_down:
            chain[revision] = down
    return chain


def _header(source: str, name: str) -> tuple[bool, str | None]:
    """Whether ``source`` has a line that sets ``name`` (``name = "…"``, or with a type,
    ``name: str | None = …``), and the revision it names (``None`` for ``= None``)."""
    text = "\n" + source
    at = text.find("\n" + name)
    while at >= 0:
        end = text.find("\n", at + 1)
        line = text[at + 1 : end if end > 0 else len(text)]
        target, equals, value = line.partition(" = ")
        annotation = target[len(name) :]
        if equals and (not annotation or annotation.startswith(": ")):
            if value.startswith("None"):
                return True, None
            quote = value[:1]
            closing = value.find(quote, 1) if quote in ("'", '"') else -1
            if closing > 1:
                return True, value[1:closing]
        at = text.find("\n" + name, at + 1)
    return False, None


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
