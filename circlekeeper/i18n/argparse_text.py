"""argparse's own words ("usage:", "options", "invalid choice…") in the active language.

argparse looks its messages up through the module-level ``gettext`` functions it imported, in
gettext's global domain, which is not ours. Pointing those two names at our catalog makes the
help and the parser's errors speak the facilitator's language too; the strings are listed here
so extraction puts them in our catalog with the exact wording argparse asks for.
"""

from __future__ import annotations

import argparse

from circlekeeper.i18n.translation import N_, gettext, ngettext

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("unrecognized arguments: %s"),
    N_("unexpected option string: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def _plural_messages() -> None:
    """Never called: lists argparse's plural message for extraction."""
    ngettext("expected %s argument", "expected %s arguments", 1)


def translate_argparse() -> None:
    """Make argparse look its messages up in CircleKeeper's catalog (idempotent)."""
    # argparse looks its messages up through these module globals, which its stubs omit.
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]  # as above
