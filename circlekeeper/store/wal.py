"""WAL checkpoints after notes change, so old ciphertext does not linger in the ``-wal`` file."""

from __future__ import annotations

import logging

from sqlalchemy import Engine

log = logging.getLogger(__name__)


def checkpoint(engine: Engine) -> None:
    """``PRAGMA wal_checkpoint(TRUNCATE)`` on SQLite (outside a transaction); no-op elsewhere."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        busy, _log_frames, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            log.info("WAL checkpoint could not finish now (a reader is busy); it will later")
