"""The wall between the core and the app, checked two ways (as harlequin does).

1. import-linter's contract in pyproject.toml (static: no import of textual or tui.app).
2. Each core module imported in a fresh interpreter loads no textual module at all (dynamic:
   catches lazy or indirect imports the static check allows).
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import tui.cli
import tui.core

REPO = Path(__file__).resolve().parent.parent
CORE_MODULES = [
    *sorted(m.name for m in pkgutil.walk_packages(tui.core.__path__, "tui.core.")),
    "tui.cli", *sorted(m.name for m in pkgutil.walk_packages(tui.cli.__path__, "tui.cli.")),
    "tui.demo",
]


def test_import_linter_contract() -> None:
    # `python -m importlinter.cli` runs nothing (the module has no __main__ guard): call the
    # console script's function, so a broken contract fails here.
    run = ("import sys; from importlinter.cli import lint_imports_command; "
           "sys.argv = ['lint-imports', '--config', sys.argv[1]]; sys.exit(lint_imports_command())")
    result = subprocess.run([sys.executable, "-c", run, str(REPO / "pyproject.toml")],
                            capture_output=True, text=True, cwd=REPO, timeout=120)
    if "No module named" in result.stderr:
        pytest.skip("import-linter is not installed")
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 broken" in result.stdout, result.stdout


def test_core_modules_never_load_textual() -> None:
    probe = (
        "import importlib, json, sys\n"
        "bad = {}\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    before = set(sys.modules)\n"
        "    importlib.import_module(name)\n"
        "    leaked = [m for m in sys.modules if m.split('.')[0] == 'textual' or m.startswith('tui.app')]\n"
        "    if leaked: bad[name] = leaked[:3]\n"
        "print(json.dumps(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {}


def test_package_root_is_cheap() -> None:
    """`import tui` must not pull in httpx, trafilatura or textual (start-up time)."""
    probe = "import sys, tui; print(sorted(m for m in ('httpx','trafilatura','textual','feedparser') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            cwd=REPO, timeout=60)
    assert result.stdout.strip() == "[]"


def test_types_check_strictly(monkeypatch: pytest.MonkeyPatch) -> None:
    """mypy strict over the whole package (core, cli, app), as pyproject configures it."""
    monkeypatch.chdir(REPO)  # `packages` in the config are found from the checkout
    try:
        from mypy import api
    except ImportError:
        pytest.skip("mypy is not installed")
    stdout, stderr, status = api.run(["--config-file", str(REPO / "pyproject.toml"),
                                      "--cache-dir", str(REPO / ".mypy_cache")])
    assert status == 0, stdout + stderr
