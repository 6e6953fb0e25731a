"""How many rows a write touched: the one place that reads ``rowcount``.

``Session.execute`` is typed as returning a plain ``Result`` although an UPDATE or DELETE gives
a ``CursorResult`` with ``rowcount``; conditional writes (leases, vault creation, counters) all
decide on that number, so the cast lives here once.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, Result


def rows_changed(result: Result[Any]) -> int:
    return cast(CursorResult[Any], result).rowcount
