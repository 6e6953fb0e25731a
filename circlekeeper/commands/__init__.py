"""Headless sub-commands, one module each.

Every module listed in ``COMMAND_MODULES`` exposes ``register(subparsers)``, which adds its
sub-command(s) and sets ``func`` on the parser to a callable ``(args) -> int``. Keeping one module
per command lets features land independently without fighting over ``cli.py``.
"""

from __future__ import annotations

COMMAND_MODULES: tuple[str, ...] = (
    "storage",
    "history",
    "interchange",
    "export",
    "prompts",
    "leases",
    "roles",
)

COMMAND_OF: dict[str, str] = {
    "check": "storage",
    "restore": "storage",
    "demo": "history",
    "sessions": "history",
    "export-json": "interchange",
    "import": "interchange",
    "export": "export",
    "report": "export",
    "prompts": "prompts",
    "close-abandoned": "leases",
    "setup-roles": "roles",
}
"""Which module registers each sub-command, so ``circlekeeper export …`` builds a parser with
its own module only (importing and registering them all is a tenth of a one-session export).
A test checks it names exactly what the modules register."""
