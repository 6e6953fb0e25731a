"""What the sub-commands say to people (refusals, printed verdicts, ``--help`` texts) goes
through the catalog: none of it may be a plain English literal in ``circlekeeper/commands/``.

Read from the source, as ``test_session_words_wrapped.py`` reads the session core: a new
``raise``, ``print`` or ``help=`` with an unwrapped sentence fails here with its file and line.
``opening.py``'s refusal of a read-only folder ("'{command}' has to change the database…") was
one, printed in English whatever the language.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import circlekeeper.commands

COMMANDS = Path(circlekeeper.commands.__file__).parent
SPEAKING_CALLS = {"print", "write", "error", "add_parser", "add_argument", "add_argument_group"}
"""Calls whose text reaches a person (``sys.stderr.write``, ``parser.error``, help texts)."""
SPEAKING_KEYWORDS = {"help", "description", "epilog", "title"}
"""``command=`` names a sub-command (``DatabaseLocked(path, command="restore")``): not words."""
WORDS = re.compile(r"[A-Za-z]{2,}")
NOT_WORDS = re.compile(r"\{[^}]*\}|circlekeeper(:| [a-z-]+)|--?[a-z][a-z-]*")
"""Placeholders, the program's own name and command lines (``circlekeeper restore {backup}``),
and options: not for translating."""


def _says_words(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(
            part.value if isinstance(part, ast.Constant) else "{}" for part in node.values
        )
    else:
        return None
    return ast.unparse(node) if WORDS.search(NOT_WORDS.sub("", text)) else None


def literal_messages(path: Path) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            call = node.exc
            args = [*call.args, *(k.value for k in call.keywords if k.arg != "command")]
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            args = [k.value for k in node.keywords if k.arg in SPEAKING_KEYWORDS]
            if name in SPEAKING_CALLS:
                args += node.args if name in {"print", "write", "error"} else []
        else:
            continue
        for arg in args:
            words = _says_words(arg)
            if words is not None:
                found.append((arg.lineno, words))
    return found


def test_no_command_speaks_plain_english() -> None:
    offenders = [
        f"{path.relative_to(COMMANDS)}:{line}: {text}"
        for path in sorted(COMMANDS.rglob("*.py"))
        for line, text in literal_messages(path)
    ]
    assert not offenders, "wrap these in _():\n" + "\n".join(offenders)


def test_the_check_sees_an_unwrapped_sentence_and_lets_a_command_line_pass(
    tmp_path: Path,
) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f(store, command, backup):\n"
        "    raise StoreUnavailable(f\"'{command}' has to change the database\")\n"
        "    print(f'  circlekeeper restore {backup}')\n"
        "    print(_('Restored {path}.').format(path=backup))\n"
        "    parser.add_argument('--to', help='last day')\n"
        "    sys.stderr.write(f'circlekeeper: {notice}\\n')\n",
        encoding="utf-8",
    )
    assert literal_messages(sample) == [
        (2, "f\"'{command}' has to change the database\""),
        (5, "'last day'"),
    ]
