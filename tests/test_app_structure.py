"""The app's shape: every command has exactly one handler, and no source file grows past
400 lines."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_config
from tui.core.config.loader import load_config
from tui.core.desk import Desk

ROOT = Path(__file__).resolve().parents[1]


def test_every_screen_command_has_a_handler(tmp_path: Path) -> None:
    from tui.app.commands import COMMANDS, SCREEN_COMMANDS
    from tui.app.screens.main import MainScreen

    config = load_config(write_config(tmp_path, []))
    with Desk.open(config) as desk:
        screen = MainScreen(desk, config)
        assert set(screen._commands) == {c.name for c in SCREEN_COMMANDS}
    assert len({c.name for c in COMMANDS}) == len(COMMANDS)
    assert all(c.action == f"run({c.name!r})" for c in SCREEN_COMMANDS)


def test_no_source_file_over_400_lines() -> None:
    long = {str(path.relative_to(ROOT)): n for path in sorted((ROOT / "tui").rglob("*.py"))
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}
