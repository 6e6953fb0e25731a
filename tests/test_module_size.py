"""One module, one job: no module under circlekeeper/ outgrows the house limit unnoticed.

The rule and its allow-list are in pyproject.toml (``[tool.circlekeeper.module-size]``); the
check is ``scripts/module_size.py``, a gate in scripts/check. Here it runs on the real checkout
and on small made-up ones, so each way of breaking the rule is seen to fail.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "module_size.py"


def load_checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("module_size", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


checker = load_checker()


def test_every_module_of_the_checkout_keeps_within_the_rule() -> None:
    assert checker.problems(ROOT) == []


def test_the_gate_fails_the_run_and_names_the_module(tmp_path: Path) -> None:
    checkout(tmp_path, {"circlekeeper/grown.py": 11}, limit=10)
    run = subprocess.run(
        [sys.executable, str(tmp_path / "scripts" / "module_size.py")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert "circlekeeper/grown.py has 11 lines, over the limit of 10" in run.stderr


def checkout(root: Path, modules: dict[str, int], *, limit: int, allowed: str = "") -> Path:
    """A made-up checkout: modules of so many lines, and the rule in its pyproject.toml."""
    for name, lines in modules.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(f"x{i} = {i}\n" for i in range(lines)), encoding="utf-8")
    (root / "pyproject.toml").write_text(
        f"[tool.circlekeeper.module-size]\nlimit = {limit}\n"
        f"[tool.circlekeeper.module-size.allowed]\n{allowed}",
        encoding="utf-8",
    )
    (root / "scripts").mkdir(exist_ok=True)
    (root / "scripts" / "module_size.py").write_text(SCRIPT.read_text(encoding="utf-8"))
    return root


@pytest.mark.parametrize(
    ("modules", "allowed", "complaint"),
    [
        ({"circlekeeper/a/long.py": 11}, "", "circlekeeper/a/long.py has 11 lines, over the limit"),
        (
            {"circlekeeper/big.py": 13},
            '"circlekeeper/big.py" = { ceiling = 12, note = "being split" }',
            "circlekeeper/big.py has 13 lines; it is allowed over the limit only up to 12",
        ),
        (
            {"circlekeeper/big.py": 9},
            '"circlekeeper/big.py" = { ceiling = 12, note = "being split" }',
            "circlekeeper/big.py is down to 9 lines, within the limit of 10: drop its entry",
        ),
        (
            {},
            '"circlekeeper/gone.py" = { ceiling = 12, note = "being split" }',
            "circlekeeper/gone.py is allowed 12 lines but does not exist",
        ),
        (
            {"circlekeeper/big.py": 12},
            '"circlekeeper/big.py" = { ceiling = 12 }',
            "circlekeeper/big.py is allowed over the limit without a note saying why",
        ),
    ],
)
def test_each_breach_is_named(
    tmp_path: Path, modules: dict[str, int], allowed: str, complaint: str
) -> None:
    found = checker.problems(checkout(tmp_path, modules, limit=10, allowed=allowed))
    assert len(found) == 1 and found[0].startswith(complaint), found


def test_modules_within_the_limit_and_allowed_ones_within_their_ceiling_pass(
    tmp_path: Path,
) -> None:
    root = checkout(
        tmp_path,
        {"circlekeeper/short.py": 10, "circlekeeper/big.py": 12, "tests/huge.py": 500},
        limit=10,
        allowed='"circlekeeper/big.py" = { ceiling = 12, note = "being split" }',
    )
    assert checker.problems(root) == []
