"""Past sessions listed, filtered and paged, plus what the filter bar offers to choose from.

Paging is keyset paging (``WHERE (key, id) < (last key, last id)``): the cost of a page does
not grow with how far down the user has scrolled, and the started-at index serves the default
order directly. Kept apart from the per-person and per-circle views because this is the one
query that must stay fast over 100,000 sessions, and its tricks (segments for empty columns,
the rare-text shortcut, ids first when sorted by circle) deserve a module of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Connection, Engine, func, literal, select, tuple_
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql import ColumnElement

from circlekeeper.history.records import (
    Choice,
    PageCursor,
    SessionFilter,
    SessionListing,
    SessionOrder,
    SessionPage,
    SessionSort,
)
from circlekeeper.store import models as m
from circlekeeper.store.failures import strip_detail, translate_server
from circlekeeper.store.history.sql import SP, AnySelect, C, S, listing_from, listing_query

MAX_PAGE = 500
RARE_TEXT = 2000
"""Up to this many sessions containing a searched text, they are looked up first."""


def circle_choices(engine: Engine, include_archived: bool = True) -> list[Choice]:
    query = select(C.id, C.name, C.demo).order_by(C.name)
    if not include_archived:
        query = query.where(C.archived.is_(False))
    with engine.connect() as conn:
        rows = _driver_rows(conn, f"circles archived={include_archived}", query)
    return [Choice(item_id, name, bool(demo)) for item_id, name, demo in rows]


def people_choices(engine: Engine, circle_id: int | None = None) -> list[Choice]:
    query = select(m.PersonRow.id, m.PersonRow.name).order_by(m.PersonRow.name, m.PersonRow.id)
    if circle_id is not None:
        query = query.join(m.CircleMemberRow, m.CircleMemberRow.person_id == m.PersonRow.id).where(
            m.CircleMemberRow.circle_id == circle_id
        )
    with engine.connect() as conn:
        if circle_id is None:  # everyone: thousands of people, on every showing of the history
            rows = _driver_rows(conn, "people", query)
        else:
            rows = list(conn.execute(query).all())
    return [Choice(person_id, name) for person_id, name in rows]


_PLAIN_SQL: dict[tuple[str, str], str] = {}
"""Each parameterless picker query compiled once per database kind (SQLite, PostgreSQL)."""


def _driver_rows(conn: Connection, name: str, query: AnySelect) -> list[Any]:
    """``query``'s rows as the database driver returns them, fetched at once.

    SQLAlchemy's results make a ``Row`` for each row and pass every value through its column
    type: for the pickers' few thousand people that cost more than the query itself (about a
    quarter of showing the history at 100,000 sessions). ``query`` binds no parameters.
    """
    key = (conn.dialect.name, name)
    sql = _PLAIN_SQL.get(key)
    if sql is None:
        literal = query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
        sql = _PLAIN_SQL[key] = str(literal)
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql)
        return list(cursor.fetchall())
    except conn.dialect.loaded_dbapi.Error as error:
        # The driver's own cursor bypasses the engine's error hook: say it the same way
        # (a server refusing the role, or gone, is one sentence, never a traceback).
        if conn.dialect.name != "postgresql":
            raise
        strip_detail(error)
        translated = translate_server(
            error,
            conn.engine.url.render_as_string(hide_password=True),
            disconnected=False,
            operational=isinstance(error, conn.dialect.loaded_dbapi.OperationalError),
        )
        if translated is None:
            raise
        raise translated from error
    finally:
        cursor.close()


def session_page(
    engine: Engine,
    filter: SessionFilter,
    order: SessionOrder,
    *,
    after: PageCursor | None,
    limit: int,
    with_total: bool,
) -> SessionPage:
    """One page of sessions matching ``filter`` in ``order``, starting after ``after``.

    Columns that can be empty (fairness when nobody spoke, figures of a live session) are
    paged in two segments, the rows with a value (walking the column's index) and the rows
    without one (by id); empty ones come last newest-first and first oldest-first, as
    SQL orders them. A cursor with ``value=None`` sits in the empty segment.

    Sorted by circle, the page's ids come first from a query the indexes cover (SQLite
    then walks circle names and each circle's sessions in order instead of sorting every
    session), and the rows are read by id.
    """
    limit = max(1, min(MAX_PAGE, limit))
    columns, nullable = _sort_key(order.key)
    key = columns[0]
    by_ids = order.key is SessionSort.CIRCLE
    segments = ["values", "nulls"] if order.descending else ["nulls", "values"]
    if not nullable:
        segments = ["values"]
    if after is not None and nullable:
        segments = segments[segments.index("nulls" if after.value is None else "values") :]
    rows: list[Any] = []
    with engine.connect() as conn:
        conditions = _conditions(filter, text_ids=_text_ids(conn, filter))
        base: AnySelect
        if by_ids:
            base = (
                select(S.id, key.label("sort_value"), S.started_at)
                .join(C, C.id == S.circle_id)
                .where(*conditions)
            )
        else:
            base = listing_query().where(*conditions).add_columns(key.label("sort_value"))
        for segment in segments:
            query = _segment(base, columns, nullable, segment, order.descending, after)
            rows.extend(conn.execute(query.limit(limit + 1 - len(rows))).all())
            if len(rows) > limit:
                break
        more = len(rows) > limit
        rows = rows[:limit]
        listings = _by_ids(conn, [r.id for r in rows]) if by_ids else None
        total = _count(conn, filter, conditions) if with_total else None
    cursor = None
    if more and rows:
        last = rows[-1]
        value = last.sort_value if len(columns) == 1 else (last.sort_value, last.started_at)
        cursor = PageCursor(value, last.id)
    if listings is None:
        listings = [listing_from(row) for row in rows]
    return SessionPage(tuple(listings), cursor, total)


def count_sessions(engine: Engine, filter: SessionFilter) -> int:
    with engine.connect() as conn:
        return _count(conn, filter)


def session_listing(engine: Engine, session_id: int) -> SessionListing:
    with engine.connect() as conn:
        row = conn.execute(listing_query().where(S.id == session_id)).one_or_none()
    if row is None:
        raise KeyError(session_id)
    return listing_from(row)


def _by_ids(conn: Any, ids: list[int]) -> list[SessionListing]:
    found = {
        row.id: listing_from(row) for row in conn.execute(listing_query().where(S.id.in_(ids)))
    }
    return [found[i] for i in ids if i in found]


def _segment(
    base: AnySelect,
    columns: list[InstrumentedAttribute[Any]],
    nullable: bool,
    segment: str,
    descending: bool,
    after: PageCursor | None,
) -> AnySelect:
    key = columns[0]
    in_segment = after is not None and (after.value is None) == (segment == "nulls")
    if segment == "nulls":
        query = base.where(key.is_(None))
        if in_segment:
            assert after is not None
            query = query.where(S.id < after.session_id if descending else S.id > after.session_id)
        return query.order_by(S.id.desc() if descending else S.id.asc())
    query = base.where(key.is_not(None)) if nullable else base
    if in_segment:
        assert after is not None
        values = cast(tuple[object, ...], after.value) if len(columns) > 1 else (after.value,)
        bound = tuple_(*columns, S.id)
        value = tuple_(
            *(literal(v, c.type) for v, c in zip(values, columns, strict=True)),
            literal(after.session_id),
        )
        query = query.where(bound < value if descending else bound > value)
    if descending:
        return query.order_by(*(c.desc() for c in columns), S.id.desc())
    return query.order_by(*(c.asc() for c in columns), S.id.asc())


def _text_ids(conn: Any, filter: SessionFilter) -> tuple[int, ...] | None:
    """The ids of the sessions containing the filter's text when there are few of them
    (one scan of the narrow search-text index, stopped early when they are many)."""
    needle = filter.text.strip().lower()
    if not needle:
        return None
    ids = tuple(
        conn.execute(
            select(S.id).where(S.search_text.contains(needle, autoescape=True)).limit(RARE_TEXT + 1)
        ).scalars()
    )
    return ids if len(ids) <= RARE_TEXT else None


def _count(conn: Any, filter: SessionFilter, conditions: Sequence[ColumnElement[bool]] = ()) -> int:
    query = select(func.count()).select_from(S).where(*(conditions or _conditions(filter)))
    return int(conn.execute(query).scalar_one())


def _sort_key(sort: SessionSort) -> tuple[list[InstrumentedAttribute[Any]], bool]:
    """The columns to sort by (before the id) and whether the first can be empty (NULL).

    By circle, sessions come in time order within each circle: SQLite then walks the circle
    name index and each circle's (circle_id, started_at) index instead of sorting everything.
    """
    match sort:
        case SessionSort.STARTED:
            return [S.started_at], False
        case SessionSort.CIRCLE:
            return [C.name, S.started_at], False
        case SessionSort.PRESENT:
            return [S.present_count], True
        case SessionSort.DURATION:
            return [S.duration_seconds], True
        case SessionSort.FAIRNESS:
            return [S.fairness], True
        case SessionSort.STATUS:
            return [S.status], False
    raise ValueError(sort)


def _conditions(
    filter: SessionFilter, *, text_ids: tuple[int, ...] | None = None
) -> Sequence[ColumnElement[bool]]:
    """The WHERE terms of a filter.

    ``text_ids``: the sessions containing the text, when they are few; then only those are
    walked. When many contain it, walking the sort order and testing each row finds a page
    sooner.
    """
    conditions: list[ColumnElement[bool]] = []
    if filter.circle_id is not None:
        conditions.append(S.circle_id == filter.circle_id)
    if filter.since is not None:
        conditions.append(S.started_at >= filter.since)
    if filter.until is not None:
        conditions.append(S.started_at < filter.until)
    if filter.status:
        conditions.append(S.status == filter.status)
    if filter.person_id is not None:
        conditions.append(S.id.in_(select(SP.session_id).where(SP.person_id == filter.person_id)))
    if filter.hidden:
        conditions.append(S.id.not_in(sorted(filter.hidden)))
    needle = filter.text.strip().lower()
    if needle:
        if text_ids is not None:
            conditions.append(S.id.in_(text_ids))
        else:
            conditions.append(S.search_text.contains(needle, autoescape=True))
    return conditions
