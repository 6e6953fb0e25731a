#!/usr/bin/env python3
"""One module, one job: fail when a module under ``circlekeeper/`` outgrows the house limit.

The house rule is modules of about 400 lines, each with one job; past that a module is asking
to be split. ``[tool.circlekeeper.module-size]`` in ``pyproject.toml`` sets the hard limit
(``limit``, the ~400 with the tolerance the tilde means) and an allow-list of modules that are
over it for now, each with the length it may not pass and a note saying why. The list can only
shrink: an allowed module that grows past its ceiling fails, and so does an entry whose module
has come under the limit or no longer exists (take it out, so it cannot grow back).

    python scripts/module_size.py            # from the checkout; a gate in scripts/check

Standard library only, so it runs before anything is installed.
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "circlekeeper"


@dataclass(frozen=True, slots=True)
class SizeRule:
    limit: int
    allowed: dict[str, int]
    """Module path (from the checkout's root) → the length it may not pass."""
    unexplained: list[str]
    """Allowed modules whose entry gives no ``note`` saying why."""


def read_rule(root: Path) -> SizeRule:
    table = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    section = table["tool"]["circlekeeper"]["module-size"]
    entries = section.get("allowed", {})
    return SizeRule(
        limit=int(section["limit"]),
        allowed={path: int(entry["ceiling"]) for path, entry in entries.items()},
        unexplained=[path for path, entry in entries.items() if not entry.get("note", "").strip()],
    )


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def problems(root: Path) -> list[str]:
    """Every breach of the rule under ``root``, each as one sentence naming the module."""
    rule = read_rule(root)
    found: list[str] = []
    sizes = {
        path.relative_to(root).as_posix(): line_count(path)
        for path in sorted((root / PACKAGE).rglob("*.py"))
    }
    for module, lines in sizes.items():
        ceiling = rule.allowed.get(module)
        if ceiling is None and lines > rule.limit:
            found.append(
                f"{module} has {lines} lines, over the limit of {rule.limit}: split it by"
                " responsibility (docs/ARCHITECTURE.md says where each kind of code goes)"
            )
        elif ceiling is not None and lines > ceiling:
            found.append(
                f"{module} has {lines} lines; it is allowed over the limit only up to"
                f" {ceiling} while it waits to be split, so it may not grow"
            )
    for module in rule.unexplained:
        found.append(f"{module} is allowed over the limit without a note saying why")
    for module, ceiling in rule.allowed.items():
        lines = sizes.get(module)
        if lines is None:
            found.append(f"{module} is allowed {ceiling} lines but does not exist: drop the entry")
        elif lines <= rule.limit:
            found.append(
                f"{module} is down to {lines} lines, within the limit of {rule.limit}: drop its"
                " entry from the allow-list so it stays there"
            )
    return found


def main() -> int:
    found = problems(ROOT)
    for problem in found:
        print(problem, file=sys.stderr)
    if found:
        print("Module sizes: [tool.circlekeeper.module-size] in pyproject.toml", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
