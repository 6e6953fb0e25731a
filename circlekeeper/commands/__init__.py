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
