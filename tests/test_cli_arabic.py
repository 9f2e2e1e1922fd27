# ruff: noqa: RUF001  (Arabic and Persian text is the point here)
"""Arabic and Persian search as scripts see it: a loopback feed fetched by a real `newsdesk`
process, then `newsdesk list WORD` finds the words with attached proclitics. Text is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.httpserver import LocalServer
from tests.test_cli import fetched_feed, listed_titles, newsdesk

MEETING = "والتقى الوزيران في الدوحة"
RAIN = "أمطار غزيرة في المغرب"
KABUL = "وزیر خارجه به کابل رفت"
ITEMS = [
    {"title": MEETING, "description": "وناقشا الوضع في سوريا ولبنان.",
     "pubDate": "Fri, 10 Jan 2025 09:00:00 +0300"},
    {"title": RAIN, "description": "أعلنت السلطات إغلاق المدارس بالمدينة القديمة.",
     "pubDate": "Fri, 10 Jan 2025 10:00:00 +0100"},
    {"title": KABUL, "description": "او می‌خواهد درباره کتاب‌ها گفت‌وگو کند.",
     "pubDate": "Fri, 10 Jan 2025 11:00:00 +0330"},
]


@pytest.fixture
def config(server: LocalServer, tmp_path: Path) -> str:
    return fetched_feed(server, tmp_path, ITEMS)


FOUND = {"لبنان": [MEETING], "التقى": [MEETING], "ناقشا": [MEETING], "مدينة": [RAIN],
         "كتاب": [KABUL], "میخواهد": [KABUL]}


def test_list_finds_words_with_attached_prefixes(config: str) -> None:
    """One fetch, several lists: each `newsdesk` process takes seconds on a loaded machine."""
    assert {query: listed_titles(config, query) for query in FOUND} == FOUND
    assert listed_titles(config, '"ولبنان"') == [MEETING]  # quoted: as written
    missed = newsdesk("--config", config, "list", '"لبنان"')
    assert missed.returncode == 0 and missed.stdout == ""
    assert "no articles match" in missed.stderr


def _on_terminal(*args: str, columns: int = 60, env: dict[str, str] | None = None) -> str:
    """What `newsdesk ARGS` prints on a terminal `columns` wide (a pty): its stdout is a tty."""
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    environ = {k: v for k, v in os.environ.items()
               if k not in ("VTE_VERSION", "KONSOLE_VERSION", "MLTERM", "TERM_PROGRAM",
                            "COLUMNS", "LINES")}
    process = subprocess.Popen([sys.executable, "-m", "tui", *args], stdout=child,
                               stderr=subprocess.DEVNULL, env={**environ, **(env or {})})
    os.close(child)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the pty
            break
        if not chunk:
            break
        out += chunk
    process.wait(timeout=120)
    os.close(main)
    return out.decode("utf-8").replace("\r\n", "\n")


def test_show_on_a_terminal_sends_arabic_in_visual_order(config: str) -> None:
    """xterm and tmux draw cells left to right: `show` on one sends each Arabic line reordered,
    shaped and right-aligned; into a pipe (a script, a file) it stays as stored; a terminal that
    does bidi (VTE_VERSION) gets it as stored too."""
    from tui.core.visual import visual_lines

    article = newsdesk("--config", config, "list", "لبنان").stdout.split()[0]
    piped = newsdesk("--config", config, "show", article).stdout
    body = ITEMS[0]["description"]
    assert body in piped and MEETING in piped
    shown = _on_terminal("--config", config, "show", article)
    drawn = visual_lines(body, 59, rtl=True)[0].text
    assert " " * (59 - len(drawn)) + drawn in shown.splitlines()
    assert body not in shown and MEETING not in shown
    assert "Wire" in shown  # the left-to-right lines as they were
    vte = _on_terminal("--config", config, "show", article, env={"VTE_VERSION": "7600"})
    assert body in vte and MEETING in vte


def test_show_on_a_terminal_draws_the_title_rule_under_the_drawn_title(config: str) -> None:
    """The title is right-aligned and shaped (fewer cells than letters): its rule is as wide
    as the title drawn and sits under it, on the right."""
    from tui.core.visual import cell_width, visual_lines

    article = newsdesk("--config", config, "list", "كابل").stdout.split()[0]
    lines = _on_terminal("--config", config, "show", article).splitlines()
    title = visual_lines(KABUL, 59, rtl=True)[0].text
    at = lines.index(" " * (59 - cell_width(title)) + title)
    assert lines[at + 1] == " " * (59 - cell_width(title)) + "=" * cell_width(title)
    piped = newsdesk("--config", config, "show", article).stdout.splitlines()
    assert piped[:2] == [KABUL, "=" * len(KABUL)]  # as stored, into a pipe
