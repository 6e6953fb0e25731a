"""Alembic migrations of the CircleKeeper schema (run from code by ``store/migrate.py``)."""
