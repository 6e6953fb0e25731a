"""``circlekeeper setup-roles``: an organization's server, set up for several facilitators.

Run by the database's owner (the role that owns CircleKeeper's tables); see
``store/roles.py`` for what each role may do and docs/storage.md for the whole procedure.
"""

from __future__ import annotations

import argparse
from typing import Any

from circlekeeper.commands import metavars
from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _
from circlekeeper.i18n.formats import format_list


def register(subparsers: Any) -> None:
    setup = subparsers.add_parser(
        "setup-roles",
        help=_("PostgreSQL: create the facilitator and coordinator roles and grant their rights"),
        description=_(
            "Create the group roles circlekeeper_facilitator and circlekeeper_coordinator,"
            " grant their rights on this database, and make the given login roles members."
            " Run it as the database's owner; it is safe to run again."
        ),
    )
    setup.add_argument(
        "--facilitator",
        action="append",
        default=[],
        metavar=metavars.role(),
        help=_("a login role"),
    )
    setup.add_argument(
        "--coordinator",
        action="append",
        default=[],
        metavar=metavars.role(),
        help=_("a login role"),
    )
    setup.add_argument(
        "--print-sql",
        action="store_true",
        help=_("print the SQL instead (for psql), change nothing"),
    )
    setup.set_defaults(func=run_setup_roles)


def run_setup_roles(args: argparse.Namespace) -> int:
    from circlekeeper.store import open_store
    from circlekeeper.store.roles import check_may_set_up, grant_statements, setup_roles

    if not args.print_sql:
        check_may_set_up(getattr(args, "db", None))
    with open_store(getattr(args, "db", None)) as store:
        if store.engine.dialect.name != "postgresql":
            raise UserFacingError(
                _("Roles are for a PostgreSQL server; a database file has one facilitator.")
            )
        if args.print_sql:
            for statement in grant_statements(store.engine.url.database or ""):
                print(f"{statement};")
            return 0
        setup_roles(store.engine, facilitators=args.facilitator, coordinators=args.coordinator)
    members = format_list([*args.facilitator, *args.coordinator]) or _("no login roles yet")
    print(
        _("The facilitator and coordinator roles are set up ({members}).").format(members=members)
    )
    return 0
