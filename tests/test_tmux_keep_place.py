"""In a real terminal (tmux, empty HOME): a search that leaves out the article read keeps it
open in the reader, and `s` from the list saves the result the list selects and nothing else;
`l` keeps the place of the article it hides; `E` asks before it replaces a dossier written
before."""

from __future__ import annotations

from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_panes import start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def test_search_keeps_the_reader_and_l_keeps_the_place(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        unread = desk.articles("is:unread", limit=100)
        found = desk.ids("is:unread Shoigu")
    reading = next(row for row in unread if row.id not in found)
    start(tmux, tmp_path, config, (160, 45))
    tmux.wait_for(lambda s: f"Unread  1/{len(unread)}" in s)
    tmux.keys(*["j"] * unread.index(reading), "Enter")
    tmux.wait_for(lambda s: f"· id {reading.id}" in s and "Related (" in s)  # the reader
    tmux.keys("/")
    tmux.wait_for(lambda s: "/ search" in s)
    tmux.keys(*"Shoigu", "Enter")
    screen = tmux.wait_for(lambda s: f"/Shoigu  1/{len(found)}" in status(s))
    assert f"· id {reading.id}" in screen and "Related (" in screen  # still open
    tmux.keys("s")  # the list has the focus: its row
    line = status(tmux.wait_for(lambda s: "saved ★" in status(s)))
    assert f"saved ★ #{found[0]} " in line, line
    tmux.keys("c")
    tmux.wait_for(lambda s: "search and filter cleared" in status(s))
    tmux.keys("g", *["j"] * 4, "Enter", "l")  # read the fifth row, hide it: the sixth takes
    tmux.wait_for(lambda s: f"read hidden  5/{len(unread) - 2}" in status(s))  # its place
    with Desk.open(load_config(config)) as desk:
        assert desk.article(found[0]).saved and not desk.article(reading.id).saved
    tmux.keys("q")


def test_export_asks_before_it_replaces_a_dossier(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    start(tmux, tmp_path, config, (80, 24))
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys("E")
    tmux.wait_for(lambda s: "~/newsdesk-unread.md" in s)
    tmux.keys("Enter")
    tmux.wait_for(lambda s: "exported" in status(s))
    dossier = tmp_path / "home" / "newsdesk-unread.md"
    dossier.write_text("kept", encoding="utf-8")
    tmux.keys("E")
    tmux.wait_for(lambda s: "Export the list" in s)
    tmux.keys("Enter")
    tmux.wait_for(lambda s: "exists (written" in s and "replaces it" in s)
    assert dossier.read_text(encoding="utf-8") == "kept"
    tmux.keys("Enter")
    # the first export's "exported" may still be on the status line: wait for the file
    tmux.wait_for(lambda s: dossier.read_text(encoding="utf-8").startswith("# newsdesk")
                  and "Export the list" not in s)
    tmux.keys("q")
