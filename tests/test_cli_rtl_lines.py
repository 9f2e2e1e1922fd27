"""`list`, `feeds`, `related` and `actors` on a terminal without bidi (a pty, as xterm or
tmux), as `show` already did: Arabic and Persian titles, outlets and names in visual order
and shaped, the columns after them in line; into a pipe the stored text. The demo's outlets
and a user's actors.toml of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_app_support import copy_demo
from tests.test_cli import newsdesk
from tests.test_cli_arabic import _on_terminal
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.visual import has_rtl, visual_lines

ARABIC_FEED = "بريد المشرق"
WIDE = 250  # no row wraps: each title whole on its line


def drawn(text: str) -> str:
    return visual_lines(text, 1000)[0].text


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config = copy_demo(tmp_path_factory.mktemp("rtl-lines") / "demo")
    (config.parent / "actors.toml").write_text(
        '[[actor]]\nid = "hezbollah"\nname = "حزب الله"\nkind = "org"\n', encoding="utf-8")
    newsdesk("--config", str(config), "actors")  # matched again once, before any test
    return config


def test_list_draws_persian_titles_and_outlets_in_visual_order(demo: Path) -> None:
    with Desk.open(load_config(demo)) as desk:
        titles = [row.title for row in desk.articles("lang:fa")]
    shown = _on_terminal("--config", str(demo), "list", "lang:fa", columns=WIDE)
    piped = newsdesk("--config", str(demo), "list", "lang:fa").stdout
    assert titles and all(title in piped for title in titles)
    assert all(drawn(title) in shown and title not in shown for title in titles), shown
    assert drawn("پیک البرز") in shown and "[fa, iran]" in shown  # the tags after the title


def test_list_wraps_a_long_row_itself_so_a_title_reads_from_its_first_line(demo: Path) -> None:
    """On 80 columns a row with a long Persian title is wrapped before it is reordered: its
    first words end the first line (at the right), the rest go on the next."""
    with Desk.open(load_config(demo)) as desk:
        title = max((row.title for row in desk.articles("lang:fa")), key=len)
    shown = _on_terminal("--config", str(demo), "list", "lang:fa", columns=80)
    first = next(line for line in shown.splitlines() if drawn(title.split()[0]) in line)
    assert first.rstrip().endswith(drawn(" ".join(title.split()[:2])))
    assert len(first) <= 79


def test_feeds_keeps_its_columns_after_an_arabic_outlet(demo: Path) -> None:
    shown = _on_terminal("--config", str(demo), "feeds", columns=WIDE).splitlines()
    arabic = next(line for line in shown if drawn(ARABIC_FEED) in line)
    latin = next(line for line in shown if line.startswith("Levant Ledger"))
    assert arabic.index(" items") == latin.index(" items")
    assert ARABIC_FEED in newsdesk("--config", str(demo), "feeds").stdout


def test_related_draws_a_persian_title_in_visual_order(demo: Path) -> None:
    with Desk.open(load_config(demo)) as desk:
        persian = next(row for row in desk.articles("lang:fa"))
        english = next(item for item in desk.related(persian.id) if not has_rtl(item.title))
        item = next(r for r in desk.related(english.id) if r.id == persian.id)
    shown = _on_terminal("--config", str(demo), "related", str(english.id), columns=WIDE)
    assert drawn(item.title) in shown and item.title not in shown
    assert item.title in newsdesk("--config", str(demo), "related", str(english.id)).stdout


def test_actors_draws_an_arabic_name_with_its_kind_in_line(demo: Path) -> None:
    shown = _on_terminal("--config", str(demo), "actors", "--limit", "0",
                         columns=WIDE).splitlines()
    arabic = next(line for line in shown if drawn("حزب الله") in line)
    latin = next(line for line in shown if line.endswith(" iran"))
    assert arabic.index(" org ") == latin.index(" state ")
    assert "حزب الله" in newsdesk("--config", str(demo), "actors", "--limit", "0").stdout


def test_list_continues_a_wrapped_row_under_its_title_column(demo: Path) -> None:
    """On 80 columns a long row, English or Persian, wraps at words (the terminal would
    break one, «д/оговор»), its next lines under the title, clear of ids and dates."""
    from tui.cli.output import ROW_TITLE_AT

    shown = _on_terminal("--config", str(demo), "list", "lang:fa OR lang:en", "--limit", "0",
                         columns=80).splitlines()
    rows = [line for line in shown if line[:6].strip().isdigit()]
    after = [shown[shown.index(row) + 1] for row in rows if shown.index(row) + 1 < len(shown)]
    continued = [line for line in after if not line[:6].strip().isdigit() and line.strip()]
    assert continued and all(line.startswith(" " * ROW_TITLE_AT) and
                             line[ROW_TITLE_AT] != " " for line in continued), continued
    assert any(has_rtl(line) for line in continued)  # a Persian title's rest too
    assert all(len(line) <= 79 for line in shown)  # nothing left for the terminal to break


def test_a_long_outlet_name_is_cut_with_an_ellipsis() -> None:
    from tui.cli.terminal_lines import column

    assert column("Вечерний Обозреватель", 18, False) == "Вечерний Обозрева…"
    assert column("Levant Ledger", 18, False) == "Levant Ledger     "
