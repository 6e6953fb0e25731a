"""The README's test command, CI and the pre-commit hooks run the same checks.

A contributor who runs what the README says must see exactly what CI sees; a gate added in one
place and forgotten in another would let a red build surprise them.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GATES = (
    "ruff check",
    "ruff format --check",
    "lint-imports",
    "mypy",
    "python scripts/module_size.py",
)
"""The static gates, as their command lines begin."""


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Run the tests", 1)[1]
    (command,) = re.findall(r"```bash\n(.+?)\n```", section, flags=re.S)[:1]
    return command.strip()


def test_ci_runs_the_readme_command_verbatim() -> None:
    command = readme_test_command()
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command in ci_lines
    assert command.endswith("scripts/check")


def test_the_check_script_runs_every_gate_before_the_tests() -> None:
    script = (ROOT / "scripts" / "check").read_text(encoding="utf-8")
    # scripts/check spells each tool as "$bin/TOOL" followed by its arguments.
    spelled = [gate.replace(gate.split()[0], f'"$bin/{gate.split()[0]}"', 1) for gate in GATES]
    positions = [script.index(command) for command in spelled]
    assert positions == sorted(positions)
    assert all(p < script.index("-m pytest") for p in positions)


def test_pre_commit_runs_the_same_gates() -> None:
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    entries = re.findall(r"entry: \.venv/bin/(.+)", config)
    for gate in GATES:
        assert any(entry.startswith(gate) for entry in entries), gate
    assert any("pytest" in entry for entry in entries)


def test_the_gate_tools_are_in_the_test_extra_with_lower_bounds() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    test_extra = project["optional-dependencies"]["test"]
    for tool in ("ruff", "import-linter", "mypy"):
        assert any(re.fullmatch(rf"{tool}>=[\d.]+", dep) for dep in test_extra), tool
