"""How long a session that is still running has run by now, read from somewhere else.

History can show a circle that is running right now: on another laptop through a shared
server, or one left open. Its log ends at the last thing that happened (the turn that started,
a pause), so a summary folded from the log alone gave the person speaking "0 s". The app
running the circle says it is alive every few seconds (its heartbeat: the moment, and the
session's elapsed seconds then); from that sign of life the session's elapsed seconds now
are known, and with them the time so far of the turn still running.

An app that has gone quiet (crashed, asleep, its network gone) says nothing about what
happened after its last sign of life: its circle's time runs to that sign, not to now.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from circlekeeper.session.frozen import FrozenRecord


class SignOfLife(FrozenRecord):
    """The running app's last heartbeat: when (UTC) and the session's elapsed seconds then."""

    at: datetime
    elapsed: float


def quiet(sign: SignOfLife | None, now: datetime, *, quiet_after: timedelta) -> bool:
    """Whether the app running the circle has said nothing for ``quiet_after`` (or never)."""
    return sign is None or now - sign.at > quiet_after


def elapsed_so_far(
    last_logged: float, sign: SignOfLife | None, now: datetime, *, quiet_after: timedelta
) -> float:
    """The session's elapsed seconds at ``now``: its last sign of life moved on by the time
    since, while the app is alive; else as far as the log and that sign go. A sign a little in
    the future (two clocks that disagree) counts as now; the result never goes back before
    the log's last event."""
    if sign is None:
        return last_logged
    since = 0.0 if quiet(sign, now, quiet_after=quiet_after) else (now - sign.at).total_seconds()
    return max(last_logged, sign.elapsed + max(0.0, since))
