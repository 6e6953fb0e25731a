"""History queries: past sessions listed, filtered and paged; people and circles over time.

They read the figures :meth:`SessionRepository.finish` stores beside each session
(``present_count``, ``duration_seconds``, ``fairness``, ``search_text`` and the
``session_people`` rows), so listing 100,000 sessions never replays a log. Only the detail of
one session folds its log, through the repository, like the summary screen does.

Paging is keyset paging (``WHERE (key, id) < (last key, last id)``): the cost of a page does
not grow with how far down the user has scrolled, and the started-at index serves the default
order directly.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Engine, and_, func, literal, select, tuple_
from sqlalchemy.sql import ColumnElement, Select

from circlekeeper.session import events as ev
from circlekeeper.session.model import RoundPlan
from circlekeeper.session.prompts import MoodCounts, PromptUse
from circlekeeper.session.summary import summarize
from circlekeeper.store import codec
from circlekeeper.store import models as m
from circlekeeper.store.history_records import (
    BalanceEntry,
    Choice,
    CircleAttendance,
    CircleHistory,
    CircleSessionPoint,
    PageCursor,
    PersonHistory,
    PersonSessionPoint,
    PromptCount,
    RetentionPreview,
    SessionDetail,
    SessionFilter,
    SessionListing,
    SessionOrder,
    SessionPage,
    SessionSort,
)
from circlekeeper.store.history_stats import attendance_runs, months_of

if TYPE_CHECKING:
    from circlekeeper.store.store import Store

log = logging.getLogger(__name__)

S = m.SessionRow
C = m.CircleRow
SP = m.SessionPersonRow
FINISHED = ("ended", "abandoned")
MAX_PAGE = 500
RARE_TEXT = 2000
"""Up to this many sessions containing a searched text, they are looked up first."""


class SessionLogs(Protocol):
    """The slice of :class:`SessionRepository` the history needs."""

    def entries(self, session_id: int) -> tuple[ev.Entry, ...]: ...

    def delete(self, session_id: int) -> None: ...


class RetentionSetting(Protocol):
    """The slice of :class:`CircleRepository` the history needs."""

    def set_retention(self, circle_id: int, days: int | None) -> None: ...


class HistoryQueries:
    """Read-mostly queries over the store's tables; deleting goes through the repository."""

    def __init__(self, engine: Engine, sessions: SessionLogs, circles: RetentionSetting) -> None:
        self._engine = engine
        self._sessions = sessions
        self._circles = circles

    @classmethod
    def for_store(cls, store: Store) -> HistoryQueries:
        return cls(store.engine, store.sessions, store.circles)

    # ------------------------------------------------------------ choices

    def circle_choices(self, include_archived: bool = True) -> list[Choice]:
        query = select(C.id, C.name).order_by(C.name)
        if not include_archived:
            query = query.where(C.archived.is_(False))
        with self._engine.connect() as conn:
            return [Choice(row.id, row.name) for row in conn.execute(query)]

    def people_choices(self, circle_id: int | None = None) -> list[Choice]:
        query = select(m.PersonRow.id, m.PersonRow.name).order_by(m.PersonRow.name, m.PersonRow.id)
        if circle_id is not None:
            query = query.join(
                m.CircleMemberRow, m.CircleMemberRow.person_id == m.PersonRow.id
            ).where(m.CircleMemberRow.circle_id == circle_id)
        with self._engine.connect() as conn:
            return [Choice(row.id, row.name) for row in conn.execute(query)]

    # ----------------------------------------------------------- sessions

    def sessions(
        self,
        filter: SessionFilter = SessionFilter(),  # noqa: B008 - frozen, safe as default
        order: SessionOrder = SessionOrder(),  # noqa: B008
        *,
        after: PageCursor | None = None,
        limit: int = 100,
        with_total: bool = False,
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
        with self._engine.connect() as conn:
            conditions = _conditions(filter, text_ids=self._text_ids(conn, filter))
            if by_ids:
                base = (
                    select(S.id, key.label("sort_value"), S.started_at)
                    .join(C, C.id == S.circle_id)
                    .where(*conditions)
                )
            else:
                base = _listing_query().where(*conditions).add_columns(key.label("sort_value"))
            for segment in segments:
                query = self._segment(base, columns, nullable, segment, order.descending, after)
                rows.extend(conn.execute(query.limit(limit + 1 - len(rows))).all())
                if len(rows) > limit:
                    break
            more = len(rows) > limit
            rows = rows[:limit]
            listings = self._by_ids(conn, [r.id for r in rows]) if by_ids else None
            total = self._count(conn, filter, conditions) if with_total else None
        cursor = None
        if more and rows:
            last = rows[-1]
            value = last.sort_value if len(columns) == 1 else (last.sort_value, last.started_at)
            cursor = PageCursor(value, last.id)
        if listings is None:
            listings = [_listing(row) for row in rows]
        return SessionPage(tuple(listings), cursor, total)

    @staticmethod
    def _by_ids(conn: Any, ids: list[int]) -> list[SessionListing]:
        found = {
            row.id: _listing(row) for row in conn.execute(_listing_query().where(S.id.in_(ids)))
        }
        return [found[i] for i in ids if i in found]

    @staticmethod
    def _segment(
        base: Select[Any],
        columns: list[ColumnElement[Any]],
        nullable: bool,
        segment: str,
        descending: bool,
        after: PageCursor | None,
    ) -> Select[Any]:
        key = columns[0]
        in_segment = after is not None and (after.value is None) == (segment == "nulls")
        if segment == "nulls":
            query = base.where(key.is_(None))
            if in_segment:
                assert after is not None
                query = query.where(
                    S.id < after.session_id if descending else S.id > after.session_id
                )
            return query.order_by(S.id.desc() if descending else S.id.asc())
        query = base.where(key.is_not(None)) if nullable else base
        if in_segment:
            assert after is not None
            values = after.value if len(columns) > 1 else (after.value,)
            bound = tuple_(*columns, S.id)
            value = tuple_(
                *(literal(v, c.type) for v, c in zip(values, columns, strict=True)),  # type: ignore[arg-type]
                literal(after.session_id),
            )
            query = query.where(bound < value if descending else bound > value)
        if descending:
            return query.order_by(*(c.desc() for c in columns), S.id.desc())
        return query.order_by(*(c.asc() for c in columns), S.id.asc())

    def count(self, filter: SessionFilter = SessionFilter()) -> int:  # noqa: B008
        with self._engine.connect() as conn:
            return self._count(conn, filter)

    @staticmethod
    def _text_ids(conn: Any, filter: SessionFilter) -> tuple[int, ...] | None:
        """The ids of the sessions containing the filter's text when there are few of them
        (one scan of the narrow search-text index, stopped early when they are many)."""
        needle = filter.text.strip().lower()
        if not needle:
            return None
        ids = tuple(
            conn.execute(
                select(S.id)
                .where(S.search_text.contains(needle, autoescape=True))
                .limit(RARE_TEXT + 1)
            ).scalars()
        )
        return ids if len(ids) <= RARE_TEXT else None

    def _count(
        self, conn: Any, filter: SessionFilter, conditions: Sequence[ColumnElement[bool]] = ()
    ) -> int:
        query = select(func.count()).select_from(S).where(*(conditions or _conditions(filter)))
        return int(conn.execute(query).scalar_one())

    def listing(self, session_id: int) -> SessionListing:
        with self._engine.connect() as conn:
            row = conn.execute(_listing_query().where(S.id == session_id)).one_or_none()
        if row is None:
            raise KeyError(session_id)
        return _listing(row)

    def detail(self, session_id: int) -> SessionDetail:
        """A session with the summary of its log, prompts and moods."""
        with self._engine.connect() as conn:
            row = conn.execute(
                _listing_query()
                .add_columns(S.co_facilitators_json, S.plan_json, S.shareable, S.event_count)
                .where(S.id == session_id)
            ).one_or_none()
            if row is None:
                raise KeyError(session_id)
            prompt_rows = conn.execute(
                select(m.PromptUseRow)
                .where(m.PromptUseRow.session_id == session_id)
                .order_by(m.PromptUseRow.round_index, m.PromptUseRow.id)
            ).all()
            mood_rows = conn.execute(
                select(m.MoodRow.moment, m.MoodRow.counts_json).where(
                    m.MoodRow.session_id == session_id
                )
            ).all()
        entries = self._sessions.entries(session_id)
        prompts = tuple(
            PromptUse(
                session_id=session_id,
                round_index=p.round_index,
                text=p.text,
                prompt_id=p.prompt_id,
                person_id=p.person_id,
                used_at=p.used_at,
            )
            for p in prompt_rows
        )
        moods = tuple(
            MoodCounts(
                r.moment, {int(k): int(v) for k, v in codec.loads(r.counts_json, {}).items()}
            )
            for r in sorted(mood_rows, key=lambda r: r.moment != "check-in")
        )
        return SessionDetail(
            listing=_listing(row),
            summary=summarize(entries),
            co_facilitators=tuple(codec.loads(row.co_facilitators_json, [])),
            plan=tuple(RoundPlan.from_dict(p) for p in codec.loads(row.plan_json, [])),
            prompts=prompts,
            moods=moods,
            shareable=row.shareable,
            events=row.event_count,
        )

    def delete_session(self, session_id: int) -> None:
        """The log, notes, prompt uses and moods go with it (the repository sees to that)."""
        self._sessions.delete(session_id)

    # ------------------------------------------------------------- people

    def person(self, person_id: int) -> PersonHistory:
        with self._engine.connect() as conn:
            person = conn.execute(
                select(m.PersonRow).where(m.PersonRow.id == person_id)
            ).one_or_none()
            if person is None:
                raise KeyError(person_id)
            rows = conn.execute(
                select(
                    S.id,
                    S.circle_id,
                    S.started_at,
                    SP.spoken_seconds,
                    SP.equal_share,
                    SP.passes,
                    SP.joined_late,
                    SP.left_early,
                )
                .join(SP, SP.session_id == S.id)
                .where(SP.person_id == person_id, S.status.in_(FINISHED))
                .order_by(S.started_at, S.id)
            ).all()
            circle_ids = sorted({row.circle_id for row in rows} | self._member_of(conn, person_id))
            attendance = [
                self._attendance(conn, circle_id, {r.id for r in rows}) for circle_id in circle_ids
            ]
        points = tuple(
            PersonSessionPoint(
                session_id=r.id,
                circle_id=r.circle_id,
                started_at=r.started_at,
                spoken_seconds=r.spoken_seconds or 0.0,
                equal_share=r.equal_share or 0.0,
                passes=r.passes or 0,
                joined_late=bool(r.joined_late),
                left_early=bool(r.left_early),
            )
            for r in rows
        )
        ratios = [p.share_ratio for p in points if p.share_ratio is not None]
        return PersonHistory(
            person_id=person.id,
            name=person.name,
            pronouns=person.pronouns,
            archived=bool(person.archived),
            sessions_attended=len(points),
            total_spoken_seconds=sum(p.spoken_seconds for p in points),
            average_share=sum(ratios) / len(ratios) if ratios else None,
            passes=sum(p.passes for p in points),
            late=sum(1 for p in points if p.joined_late),
            left_early=sum(1 for p in points if p.left_early),
            points=points,
            circles=tuple(a for a in attendance if a is not None),
        )

    def _member_of(self, conn: Any, person_id: int) -> set[int]:
        query = select(m.CircleMemberRow.circle_id).where(m.CircleMemberRow.person_id == person_id)
        return set(conn.execute(query).scalars())

    def _attendance(self, conn: Any, circle_id: int, attended: set[int]) -> CircleAttendance | None:
        name = conn.execute(select(C.name).where(C.id == circle_id)).scalar_one_or_none()
        if name is None:
            return None
        held = conn.execute(
            select(S.id, S.started_at)
            .where(S.circle_id == circle_id, S.status.in_(FINISHED))
            .order_by(S.started_at, S.id)
        ).all()
        flags = [row.id in attended for row in held]
        runs = attendance_runs(flags)
        last = max((row.started_at for row in held if row.id in attended), default=None)
        return CircleAttendance(
            circle_id=circle_id,
            circle_name=name,
            held=len(held),
            attended=sum(flags),
            longest_streak=runs.longest_streak,
            current_streak=runs.current_streak,
            longest_gap=runs.longest_gap,
            current_gap=runs.current_gap,
            last_attended=last,
        )

    def speaking_balance(self, circle_id: int, last_sessions: int = 10) -> dict[int, float]:
        """Each person's balance over the circle's last K finished sessions they attended.

        ``Σ(spoken − equal share) / Σ equal share``: +0.25 means heard a quarter more than an
        equal share, −0.5 half as much. Relative, so a regular and an occasional visitor compare
        fairly. People who were not there in those sessions are absent (count them as 0).
        """
        recent = (
            select(S.id)
            .where(S.circle_id == circle_id, S.status.in_(FINISHED))
            .order_by(S.started_at.desc(), S.id.desc())
            .limit(max(1, last_sessions))
            .scalar_subquery()
        )
        query = (
            select(
                SP.person_id,
                func.sum(SP.spoken_seconds - SP.equal_share).label("over"),
                func.sum(SP.equal_share).label("equal"),
            )
            .where(SP.session_id.in_(recent), SP.equal_share > 0)
            .group_by(SP.person_id)
        )
        with self._engine.connect() as conn:
            rows = conn.execute(query).all()
        return {row.person_id: (row.over or 0.0) / row.equal for row in rows if row.equal}

    # ------------------------------------------------------------ circles

    def circle(self, circle_id: int, *, last_sessions: int = 10) -> CircleHistory:
        with self._engine.connect() as conn:
            circle = conn.execute(select(C).where(C.id == circle_id)).one_or_none()
            if circle is None:
                raise KeyError(circle_id)
            rows = conn.execute(
                select(S.id, S.started_at, S.present_count, S.fairness, S.duration_seconds)
                .where(S.circle_id == circle_id, S.status.in_(FINISHED))
                .order_by(S.started_at, S.id)
            ).all()
            moods = self._circle_moods(conn, circle_id)
            prompts = conn.execute(
                select(
                    m.PromptUseRow.text,
                    func.count().label("uses"),
                    func.max(S.started_at).label("last"),
                )
                .join(S, S.id == m.PromptUseRow.session_id)
                .where(S.circle_id == circle_id)
                .group_by(m.PromptUseRow.text)
                .order_by(func.count().desc(), m.PromptUseRow.text)
            ).all()
        points = tuple(
            CircleSessionPoint(
                session_id=r.id,
                started_at=r.started_at,
                present_count=r.present_count,
                fairness=r.fairness,
                duration_seconds=r.duration_seconds,
                mood_check_in=moods.get((r.id, "check-in")),
                mood_check_out=moods.get((r.id, "check-out")),
            )
            for r in rows
        )
        present = [p.present_count for p in points if p.present_count is not None]
        fair = [p.fairness for p in points if p.fairness is not None]
        return CircleHistory(
            circle_id=circle.id,
            name=circle.name,
            sessions_held=len(points),
            first=points[0].started_at if points else None,
            last=points[-1].started_at if points else None,
            average_present=sum(present) / len(present) if present else None,
            average_fairness=sum(fair) / len(fair) if fair else None,
            retention_days=circle.retention_days,
            points=points,
            months=tuple(months_of(points)),
            prompts=tuple(PromptCount(p.text, p.uses, p.last) for p in prompts),
            least_heard=tuple(self.least_heard(circle_id, last_sessions=last_sessions)),
        )

    def _circle_moods(self, conn: Any, circle_id: int) -> dict[tuple[int, str], float]:
        query = (
            select(m.MoodRow.session_id, m.MoodRow.moment, m.MoodRow.counts_json)
            .join(S, S.id == m.MoodRow.session_id)
            .where(S.circle_id == circle_id)
        )
        result: dict[tuple[int, str], float] = {}
        for row in conn.execute(query):
            counts = MoodCounts(
                row.moment, {int(k): v for k, v in codec.loads(row.counts_json, {}).items()}
            )
            if counts.average is not None:
                result[(row.session_id, row.moment)] = counts.average
        return result

    def least_heard(self, circle_id: int, *, last_sessions: int = 10) -> list[BalanceEntry]:
        """Current members, least heard first (newcomers with no history count as 0)."""
        balance = self.speaking_balance(circle_id, last_sessions)
        attended = self._sessions_counted(circle_id, last_sessions)
        with self._engine.connect() as conn:
            members = conn.execute(
                select(m.PersonRow.id, m.PersonRow.name)
                .join(m.CircleMemberRow, m.CircleMemberRow.person_id == m.PersonRow.id)
                .where(m.CircleMemberRow.circle_id == circle_id, m.PersonRow.archived.is_(False))
                .order_by(m.CircleMemberRow.position)
            ).all()
        entries = [
            BalanceEntry(row.id, row.name, balance.get(row.id, 0.0), attended.get(row.id, 0))
            for row in members
        ]
        return sorted(entries, key=lambda e: e.balance)

    def _sessions_counted(self, circle_id: int, last_sessions: int) -> dict[int, int]:
        recent = (
            select(S.id)
            .where(S.circle_id == circle_id, S.status.in_(FINISHED))
            .order_by(S.started_at.desc(), S.id.desc())
            .limit(max(1, last_sessions))
            .scalar_subquery()
        )
        query = (
            select(SP.person_id, func.count())
            .where(SP.session_id.in_(recent))
            .group_by(SP.person_id)
        )
        with self._engine.connect() as conn:
            return {pid: n for pid, n in conn.execute(query)}

    # ---------------------------------------------------------- retention

    def set_retention(self, circle_id: int, days: int | None) -> None:
        self._circles.set_retention(circle_id, days)

    def retention_preview(
        self, circle_id: int, days: int, *, now: datetime | None = None, sample: int = 20
    ) -> RetentionPreview:
        """What ``apply_retention`` with the same arguments would delete (nothing is changed).

        Live sessions are never included: a session left live by a crash is offered for
        resuming first, never deleted behind the facilitator's back.
        """
        now = now or datetime.now(UTC)
        cutoff = _cutoff(days, now)
        doomed = and_(S.circle_id == circle_id, S.started_at < cutoff, S.status.in_(FINISHED))
        with self._engine.connect() as conn:
            count, oldest, newest = conn.execute(
                select(func.count(), func.min(S.started_at), func.max(S.started_at)).where(doomed)
            ).one()
            notes = conn.execute(
                select(func.count())
                .select_from(m.NoteRow)
                .join(S, S.id == m.NoteRow.session_id)
                .where(doomed)
            ).scalar_one()
            rows = conn.execute(
                _listing_query().where(doomed).order_by(S.started_at, S.id).limit(sample)
            ).all()
        return RetentionPreview(
            circle_id=circle_id,
            days=days,
            now=now,
            cutoff=cutoff,
            sessions=int(count),
            notes=int(notes),
            oldest=_aware(oldest),
            newest=_aware(newest),
            sample=tuple(_listing(row) for row in rows),
        )

    def retention_due(self, *, now: datetime | None = None) -> list[RetentionPreview]:
        """For every circle with a retention period, what is due for deletion now (circles
        with nothing due are left out). The app shows these before deleting anything."""
        now = now or datetime.now(UTC)
        with self._engine.connect() as conn:
            circles = conn.execute(
                select(C.id, C.retention_days).where(C.retention_days.is_not(None)).order_by(C.id)
            ).all()
        previews = [self.retention_preview(cid, days, now=now) for cid, days in circles]
        return [p for p in previews if p.sessions]

    def apply_retention(self, circle_id: int, days: int, *, now: datetime | None = None) -> int:
        """Delete the circle's finished sessions that started before now − ``days``.

        Each goes through the repository's ``delete`` (log, notes, prompt uses and moods go
        with it). Returns how many were deleted.
        """
        cutoff = _cutoff(days, now)
        with self._engine.connect() as conn:
            ids = list(
                conn.execute(
                    select(S.id).where(
                        S.circle_id == circle_id, S.started_at < cutoff, S.status.in_(FINISHED)
                    )
                ).scalars()
            )
        for session_id in ids:
            self._sessions.delete(session_id)
        log.info("Retention deleted %d sessions of circle %d", len(ids), circle_id)
        return len(ids)


# ------------------------------------------------------------------ helpers


def _cutoff(days: int, now: datetime | None) -> datetime:
    if days <= 0:
        raise ValueError("a retention period must be at least one day")
    return (now or datetime.now(UTC)) - timedelta(days=days)


def _aware(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _sort_key(sort: SessionSort) -> tuple[list[ColumnElement[Any]], bool]:
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


def _listing_query() -> Select[Any]:
    return select(
        S.id,
        S.circle_id,
        C.name.label("circle_name"),
        S.started_at,
        S.ended_at,
        S.timezone,
        S.facilitators_json,
        S.status,
        S.present_count,
        S.duration_seconds,
        S.fairness,
    ).join(C, C.id == S.circle_id)


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
    needle = filter.text.strip().lower()
    if needle:
        if text_ids is not None:
            conditions.append(S.id.in_(text_ids))
        else:
            conditions.append(S.search_text.contains(needle, autoescape=True))
    return conditions


def _listing(row: Any) -> SessionListing:
    return SessionListing(
        session_id=row.id,
        circle_id=row.circle_id,
        circle_name=row.circle_name,
        started_at=row.started_at,
        ended_at=row.ended_at,
        timezone=row.timezone,
        facilitators=tuple(codec.loads(row.facilitators_json, [])),
        status=row.status,
        present_count=row.present_count,
        duration_seconds=row.duration_seconds,
        fairness=row.fairness,
    )


__all__ = ["HistoryQueries", "SessionLogs"]
