"""``circlekeeper close-abandoned SESSION_ID``: a coordinator closes a circle nobody came back to.

On a shared server a live session belongs to the facilitator running it, and nobody else may
resume, close or discard it (``store/leases.py``). When a laptop never comes back, the circle
would stay "live" for ever; this command closes it as *abandoned*, at its last sign of life,
but only once it has been silent for ``--hours`` (default 3): a circle that is merely between
heartbeats is refused with who holds it and since when.
"""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import Any

from circlekeeper.commands import metavars
from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _


def register(subparsers: Any) -> None:
    close = subparsers.add_parser(
        "close-abandoned",
        help=_("close a live session nobody has touched for hours (coordinators)"),
        description=_(
            "Close a live session as abandoned at its last sign of life, whoever ran it, once"
            " it has been silent for {hours} (default 3)."
        ).format(hours=metavars.hours()),
    )
    close.add_argument("session", metavar=metavars.session_id(), help=_("the session to close"))
    close.add_argument(
        "--hours",
        type=float,
        default=3.0,
        metavar=metavars.hours(),
        help=_("how long it must have been silent (default 3)"),
    )
    close.set_defaults(func=run_close_abandoned)


def run_close_abandoned(args: argparse.Namespace) -> int:
    from circlekeeper.commands.opening import open_for_writing
    from circlekeeper.commands.values import session_id

    if not args.hours > 0:
        raise UserFacingError(_("--hours must be more than 0."))
    wanted = session_id(args.session)
    with open_for_writing(getattr(args, "db", None), "close-abandoned") as store:
        store.leases.close_abandoned(wanted, older_than=timedelta(hours=args.hours))
        record = store.sessions.get(wanted)
        store.sessions.finish(wanted, status="abandoned", ended_at=record.last_heartbeat_wall)
    print(
        _("Session {session} of {circle} was closed as abandoned.").format(
            session=wanted, circle=repr(record.circle_name)
        )
    )
    return 0
