"""Every ``type: ignore`` left in the application says why (issue #16's type gate).

An ignore without a reason is the type checker switched off at a line nobody can judge later:
the next reader cannot tell a stub's gap from a real bug hidden. mypy's
``warn_unused_ignores`` drops the ones that no longer silence anything; this keeps the rest
explained, on the line itself or in a comment just above it.
"""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "circlekeeper"
IGNORE = re.compile(r"#\s*type:\s*ignore(\[[^\]]*\])?(?P<after>.*)$")


def unexplained(lines: list[str]) -> list[int]:
    """1-based numbers of the lines whose ignore has no reason beside or above it."""
    found = []
    for index, line in enumerate(lines):
        match = IGNORE.search(line)
        if match is None:
            continue
        beside = match.group("after").strip().startswith("#")
        above = index > 0 and lines[index - 1].strip().startswith("#")
        if not (beside or above):
            found.append(index + 1)
    return found


def test_every_ignore_in_the_application_says_why() -> None:
    bare = [
        f"{path.relative_to(PACKAGE.parent)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number in unexplained(path.read_text(encoding="utf-8").splitlines())
    ]
    assert not bare, "a type: ignore without a reason:\n" + "\n".join(bare)


def test_the_check_sees_a_bare_ignore_and_accepts_a_reason() -> None:
    assert unexplained(["x = f()  # type: ignore[arg-type]"]) == [1]
    assert unexplained(["x = f()  # type: ignore[arg-type]  # Babel's stubs"]) == []
    assert unexplained(["# the view declares it", "self.done.emit()  # type: ignore"]) == []
