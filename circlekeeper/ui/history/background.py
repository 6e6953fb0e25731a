"""Run a query on a worker thread and hand its result back on the GUI thread.

Aggregates over years of sessions can take longer than a frame; the widgets ask for them here
and stay responsive. Each *channel* (say ``"detail"``) only delivers its newest request, so
clicking through sessions quickly never shows a stale one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = Signal(str, int, object, object)
    """channel, ticket, result, error"""


class _Job(QRunnable):
    def __init__(self, relay: _Relay, channel: str, ticket: int, job: Callable[[], Any]) -> None:
        super().__init__()
        self._relay = relay
        self._channel = channel
        self._ticket = ticket
        self._job = job

    def run(self) -> None:
        try:
            result = self._job()
        except Exception as error:  # handed to the GUI thread, which reports it
            self._relay.finished.emit(self._channel, self._ticket, None, error)
        else:
            self._relay.finished.emit(self._channel, self._ticket, result, None)


class Background:
    """Owned by a widget; call :meth:`stop` when the widget goes away."""

    def __init__(self, on_error: Callable[[Exception], None], *, threaded: bool = True) -> None:
        self._on_error = on_error
        self._threaded = threaded
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._tickets: dict[str, int] = {}
        self._callbacks: dict[tuple[str, int], Callable[[Any], None]] = {}
        self._alive = True

    def run(self, channel: str, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        ticket = self._tickets.get(channel, 0) + 1
        self._tickets[channel] = ticket
        self._callbacks = {k: v for k, v in self._callbacks.items() if k[0] != channel}
        self._callbacks[(channel, ticket)] = done
        if not self._threaded:
            try:
                result = job()
            except Exception as error:  # same path as the threaded case
                self._deliver(channel, ticket, None, error)
            else:
                self._deliver(channel, ticket, result, None)
            return
        self._pool.start(_Job(self._relay, channel, ticket, job))

    def busy(self) -> bool:
        return bool(self._callbacks)

    def wait(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)

    def stop(self) -> None:
        self._alive = False
        self._callbacks.clear()
        if isValid(self._pool):  # at interpreter exit Qt may have deleted it already
            self._pool.clear()
            self._pool.waitForDone(5000)

    def _deliver(self, channel: str, ticket: int, result: Any, error: Any) -> None:
        done = self._callbacks.pop((channel, ticket), None)
        if not self._alive or done is None or self._tickets.get(channel) != ticket:
            return
        if error is not None:
            log.error("History query failed", exc_info=error)
            self._on_error(error)
            return
        done(result)
