"""The session core's refusals reach people (an import refused, a damaged log named by
``circlekeeper check``), so none of them may be a plain English literal.

Read from the source rather than by provoking each refusal: a new ``raise`` with an unwrapped
message fails here, naming its file and line, before any translator could miss it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import circlekeeper.session

SESSION = Path(circlekeeper.session.__file__).parent
PROGRAMMING_ERRORS = {
    ("allotment.py", "an allotment is for someone about to speak"),
    ("clock.py", "a monotonic clock never goes backwards"),
    ("replay.py", "fold does not know"),
    ("__init__.py", "module "),
    ("frozen.py", "cannot assign to field"),
    ("frozen.py", "cannot delete field"),
    ("frozen.py", "non-default argument"),
    ("frozen.py", "mutable default"),
    ("frozen.py", "a record's field takes only"),
}
"""Raised only when our own code calls something wrongly; no file or person can cause them."""
FIELD_NAMES = {"fail", "KeyError"}
"""Calls whose literal arguments are field names (``payload.person_id``), not sentences."""


def _literal_messages(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        call = node.exc
        name = getattr(call.func, "id", getattr(call.func, "attr", ""))
        if name in FIELD_NAMES:
            continue
        args = [*call.args, *(keyword.value for keyword in call.keywords)]
        if name == "InvalidSessionFile":
            args = args[1:]  # the first is the place: ``events[3].payload.person_id``
        for arg in args:
            literal = isinstance(arg, ast.JoinedStr) or (
                isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            )
            if literal:
                found.append((node.lineno, ast.unparse(arg)))
    return found


def test_no_refusal_in_the_session_core_is_plain_english() -> None:
    offenders = [
        f"{path.relative_to(SESSION)}:{line}: {text}"
        for path in sorted(SESSION.rglob("*.py"))
        for line, text in _literal_messages(path)
        if not any(path.name == file and start in text for file, start in PROGRAMMING_ERRORS)
    ]
    assert not offenders, "wrap these in _():\n" + "\n".join(offenders)


def test_the_check_sees_an_unwrapped_refusal(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f(x):\n"
        "    raise InvalidSessionFile('people', f'{x!r} is listed twice')\n"
        "def g():\n"
        "    raise InvalidSessionFile('people', _('must not be empty'))\n",
        encoding="utf-8",
    )
    assert _literal_messages(sample) == [(2, "f'{x!r} is listed twice'")]
