"""argparse's words are the same when the CLI loads it without gettext's catalog lookups
(cli.english_argparse) as with them: help, a missing argument, a value missing, a bad choice."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

_RUN = """
import contextlib, io, sys
if sys.argv[1] == "gettext":
    import argparse  # with gettext, as any other program loads it
from tui.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
    try:
        main(sys.argv[2:])
    except SystemExit as exc:
        print("exit", exc.code)
print(out.getvalue())
print("gettext" in sys.modules, "locale" in sys.modules, file=sys.stderr)
"""


@pytest.mark.parametrize("argv", [
    ["fetch", "--help"], ["show"], ["list", "--limit"], ["fetch", "--json", "-q"],
    ["--help"], ["export", "--format", "pdf", "x"],
])
def test_argparse_says_the_same_words_without_gettext(argv: list[str]) -> None:
    runs = [subprocess.run([sys.executable, "-c", _RUN, how, *argv], capture_output=True,
                           text=True, cwd=REPO, timeout=60, env={"COLUMNS": "100",
                                                                "PATH": "/usr/bin:/bin",
                                                                "HOME": "/nonexistent"})
            for how in ("gettext", "english")]
    assert runs[0].stdout == runs[1].stdout and "newsdesk" in runs[0].stdout
    assert runs[1].stderr.split() == ["False", "False"], runs[1].stderr
