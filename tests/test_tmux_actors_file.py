"""A new user's wrong word in actors.toml, in a real terminal: the reader opens with its whole
tree (a saved view naming an actor emptied it before, without a word), one toast names the
file, the line and the kind meant; the file put right takes the toast away and the reader
says it read the file again. Then the CLI lists the new actor's article with no fetch."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_tmux_actors import STORIES, fetched, start  # noqa: F401 - a fixture
from tests.test_tmux_smoke import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

VIEW = '\n[[view]]\nname = "Guards"\nquery = "actor:irgc OR actor:examplov-institute"\n'


def actors(kind: str) -> str:
    return ('[[actor]]\nid = "examplov-institute"\nname = "Examplov Institute"\n'
            f'kind = "{kind}"\naliases = ["Ivo Examplov"]\n')


def test_a_wrong_kind_is_said_and_the_tree_stays(tmp_path: Path, term: Tmux,
                                                  fetched: Path) -> None:  # noqa: F811
    with fetched.open("a", encoding="utf-8") as file:
        file.write(VIEW)
    mine = fetched.parent / "actors.toml"
    mine.write_text(actors("organ"), encoding="utf-8")
    start(term, tmp_path, fetched)
    screen = term.wait_for(lambda s: "not used" in s and "Guards" in s)
    assert "Wire" in screen and "All" in screen, screen
    flat = "".join(screen.split())
    assert f"{mine}:4:".replace(" ", "") in flat or "actors.toml:4:" in flat, screen
    assert "didyoumean'org'?" in flat, screen

    mine.write_text(actors("organisation"), encoding="utf-8")
    screen = term.wait_for(lambda s: "actors.toml read again" in s and "not used" not in s,
                           timeout=120)
    term.keys("q")
    done = subprocess.run([sys.executable, "-m", "tui", "--config", str(fetched), "list",
                           "actor:examplov-institute"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert STORIES[0][0] in done.stdout, done.stdout
