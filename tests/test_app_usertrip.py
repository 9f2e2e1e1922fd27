"""Pilot tests for what a new user hit in the reader: `o` with a browser that is not
installed, the selection across an undo, `q`/Esc/Backspace going back from a timeline, the
Ctrl-C hint, and query errors readable in full."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests import test_app_support as support
from tests.test_app_support import SIZE, main, make_app, status
from tui.app.widgets.article_list import ArticleList
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def current(app: Any) -> Any:
    return app.screen.query_one(ArticleList).current


def toasts(app: Any) -> list[str]:
    return [str(n.message) + " " + n.title for n in app._notifications]


async def test_browser_not_installed_is_named_before_anything_runs(tmp_path: Path,
                                                                    monkeypatch: Any) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # w3m is nowhere on it
    config = load_config(support.copy_demo(tmp_path / "demo", 'browser = "w3m %u"'))
    with support.utc_clock(), Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("o")
            await pilot.pause()
            assert "browser 'w3m' not found (y copies the link)" in status(app)
            assert any("'w3m' is not installed" in t and str(config.path) in t
                       for t in toasts(app))
            await pilot.press("j")
            assert main(app).articles.cursor == 1  # still answering keys


async def test_undo_keeps_the_selection_on_the_same_article(tmp_path: Path) -> None:
    """Unread: open the first, n, n, N (unread), u: the list reloads, but the selection stays
    on the article the reader shows, and the next triage key acts on it, by name."""
    with support.demo_desk(tmp_path) as (desk, config):
        app = make_app(desk, config)
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.press("enter", "n", "n")
            await pilot.pause()
            reading = main(app).reader.article
            assert current(app).id == reading.id
            await pilot.press("N", "u")
            await pilot.pause()
            assert desk.article(reading.id).read
            assert current(app).id == reading.id
            await pilot.press("s")
            await pilot.pause()
            assert desk.article(reading.id).saved
            assert f"#{reading.id}" in status(app)


async def test_undo_of_mark_view_read_keeps_the_selected_article(tmp_path: Path) -> None:
    with support.demo_desk(tmp_path) as (desk, config):
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j", "j", "j")
            chosen = current(app).id
            await pilot.press("A", "u")
            await pilot.pause()
            assert current(app).id == chosen


async def test_q_esc_and_backspace_go_back_from_a_timeline(tmp_path: Path) -> None:
    """newsboat's q: up one level (the timeline -> the article and pane it came from), and
    quit only from the top; Esc and Backspace go back too, but never quit."""
    with support.demo_desk(tmp_path) as (desk, config):
        app = make_app(desk, config)
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.press("j", "enter")
            await pilot.pause()
            article_id = main(app).reader.article.id
            for back_key in ("q", "escape", "backspace"):
                await pilot.press("4", "enter")
                await pilot.pause()
                assert main(app).view.kind == "actor"
                await pilot.press(back_key)
                await pilot.pause()
                screen = main(app)
                assert screen.view.label == "Unread", back_key
                assert current(app).id == article_id
                assert screen.reader.is_open and screen.reader.article.id == article_id
                assert app.focused is screen.reader.side.actor_list
                assert "back to Unread" in status(app)
            await pilot.press("escape", "escape", "escape", "backspace")  # nothing left
            await pilot.pause()
            assert app.is_running and not main(app).reader.is_open
            await pilot.press("q")
            await pilot.pause()
            assert not app.is_running


async def test_ctrl_c_hint_is_plain_text(tmp_path: Path) -> None:
    with support.demo_desk(tmp_path) as (desk, config):
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+c")
            await pilot.pause()
            shown = toasts(app)
            assert any("Press ctrl+q to quit" in t for t in shown), shown
            assert not any("[b]" in t for t in shown)
            assert app.is_running


async def test_a_query_error_is_shown_whole_at_80_columns_until_edited(tmp_path: Path) -> None:
    with support.demo_desk(tmp_path) as (desk, config):
        app = make_app(desk, config)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f", *"date:2024-08-05", "enter")
            await pilot.pause()
            note = main(app).query_one("#query-error")
            assert note.display and note.region.width >= 76
            shown = " ".join(line.text for line in note.render_lines(note.region.reset_offset))
            flat = " ".join(shown.split())
            assert "query error (column 1): unknown field 'date:'" in flat
            assert "since:2024-08-05 before:2024-08-06" in flat and "lang: title:" in flat
            await pilot.pause(9)  # longer than a status message lives
            assert note.display
            await pilot.press("end", "backspace")  # the query changes: the error was about it
            await pilot.pause()
            assert main(app).query_bar.value == "date:2024-08-0", main(app).query_bar.value
            assert not note.display


async def test_export_dialog_counts_one_article_in_the_singular(tmp_path: Path) -> None:
    with support.demo_desk(tmp_path) as (desk, config):
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            only = desk.articles("is:unread", limit=1)[0]
            screen = main(app)
            screen.search_text = f'"{only.title}"'  # the one article with that title
            assert screen.reload_view() and len(screen.articles.pager) == 1
            await pilot.press("E")
            await pilot.pause()
            about = " ".join(str(label.render()) for label in app.screen.query(".dialog-about"))
            assert about.startswith("1 article: "), about
            await pilot.press("escape")
