"""The import contracts are allow-lists: a stray import anywhere breaks them.

A copy of the package gets a probe module that imports each outside library
from a place not allowed to; `lint-imports` must fail naming every contract.
The tree itself passes (CI runs `lint-imports` on it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONTRACTS = {
    "sqlite3": "Only timer_app.storage.history uses SQLite",
    "yaml": "Only timer_app.storage.yaml uses YAML",
    "platformdirs": "Only timer_app.storage.paths uses platformdirs",
    "ruamel.yaml": "Only timer_app.storage.yaml writes round-trip YAML (ruamel)",
    "PySide6": "Only timer_app.gui uses Qt",
    "jeepney": "Only timer_app.gui.reminders speaks D-Bus through jeepney",
}

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter not installed")


def _lint(tree: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(tree))  # the copy, not the installed package
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    copy = tmp_path / "tree"
    shutil.copytree(
        ROOT / "timer_app", copy / "timer_app", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


@pytest.mark.parametrize("where", ["timer_app/storage/probe.py", "timer_app/core/probe.py"])
def test_a_new_module_importing_any_outside_library_breaks_its_contract(
    tree: Path, where: str
) -> None:
    probe = tree / where
    probe.write_text("".join(f"import {lib}  # noqa\n" for lib in CONTRACTS), encoding="utf-8")
    done = _lint(tree)
    assert done.returncode != 0, done.stdout
    for contract in CONTRACTS.values():
        assert f"{contract} BROKEN" in done.stdout, done.stdout


def test_the_owners_may_import_their_library(tree: Path) -> None:
    done = _lint(tree)
    assert done.returncode == 0, done.stdout
    assert "BROKEN" not in done.stdout
