"""The narrow seam between the history widgets and the data: one protocol.

:class:`circlekeeper.store.history.queries.HistoryQueries` implements it and the composition
root (``app.py``) hands it in; the widgets never see SQL or the store, and a test can hand them
anything with these methods.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from circlekeeper.history.records import (
    Choice,
    CircleHistory,
    PageCursor,
    PersonHistory,
    RetentionPreview,
    SessionDeletion,
    SessionDetail,
    SessionFilter,
    SessionOrder,
    SessionPage,
)
from circlekeeper.session.period_figures import PeriodFigures, PeriodScope

Progress = Callable[[int, int], None]
"""Told (done, total) while a long count runs, so the window can show progress."""


class HistorySource(Protocol):
    def circle_choices(self, include_archived: bool = True) -> list[Choice]: ...

    def people_choices(self, circle_id: int | None = None) -> list[Choice]: ...

    def sessions(
        self,
        filter: SessionFilter = ...,
        order: SessionOrder = ...,
        *,
        after: PageCursor | None = None,
        limit: int = 100,
        with_total: bool = False,
    ) -> SessionPage: ...

    def count(self, filter: SessionFilter = ...) -> int: ...

    def detail(self, session_id: int) -> SessionDetail: ...

    def delete_session(self, session_id: int) -> None: ...

    def deletion(self, session_id: int) -> SessionDeletion: ...

    def person(self, person_id: int) -> PersonHistory: ...

    def circle(self, circle_id: int, *, last_sessions: int = 10) -> CircleHistory: ...

    def period(self, scope: PeriodScope, *, progress: Progress | None = None) -> PeriodFigures: ...

    def set_retention(self, circle_id: int, days: int | None) -> None: ...

    def retention_preview(
        self, circle_id: int, days: int, *, now: datetime | None = None, sample: int = 20
    ) -> RetentionPreview: ...

    def apply_retention(self, circle_id: int, days: int, *, now: datetime | None = None) -> int: ...


class RetentionSource(Protocol):
    """What the start-up retention question needs: what is due, and deleting it."""

    def retention_due(self, *, now: datetime | None = None) -> list[RetentionPreview]: ...

    def apply_retention(self, circle_id: int, days: int, *, now: datetime | None = None) -> int: ...
