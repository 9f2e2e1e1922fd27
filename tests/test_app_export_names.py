"""`E` names the file after what the list shows (the view, its filter and its search) and
never replaces a file without a second `enter` on its name: a new user lost a 17-article
dossier to the next export, which was offered the same name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.test_app_support import main, make_app, settle, until
from tui.app.screens.keeping import dossier_name
from tui.app.views import ALL, UNREAD, ViewSpec


def test_the_name_says_the_view_its_filter_and_its_search() -> None:
    assert dossier_name(ALL, "", "") == "newsdesk-all.md"
    assert dossier_name(ALL, "actor:lavrov OR actor:haniyeh", "") == \
        "newsdesk-all-lavrov-or-haniyeh.md"
    assert dossier_name(ALL, "actor:shoigu", "") == "newsdesk-all-shoigu.md"
    assert dossier_name(UNREAD, "tag:iran", "Шойгу") == "newsdesk-unread-iran-шойгу.md"
    assert dossier_name(ALL, "-feed:tass since:3d", "") == "newsdesk-all-not-tass-since-3d.md"


def test_the_name_is_safe_and_short() -> None:
    name = dossier_name(ALL, "", "../../etc/passwd")
    assert name == "newsdesk-all-etc-passwd.md"
    long = dossier_name(ViewSpec("query", "Iran security and the IRGC this week", "x"),
                        'title:"nuclear talks" OR (actor:araghchi AND place:oman) -is:read',
                        "sanctions")
    assert "/" not in long and len(long) <= len("newsdesk-.md") + 48, long
    assert long.startswith("newsdesk-iran-security"), long


async def export(pilot: Any, app: Any) -> str:
    """`E`, and the path the dialog offers."""
    await pilot.press("E")
    await pilot.pause()
    return app.screen.query_one("#dialog-input").value


def verdict(app: Any) -> str:
    note = app.screen.query_one("#export-verdict")
    return str(note.render()) if note.display else ""


async def test_another_filter_is_offered_another_file(demo_desk: Any, tmp_path: Path,
                                                      monkeypatch: Any) -> None:
    """The new user's steps: All, f actor:lavrov OR actor:haniyeh, E, enter; c, f
    actor:shoigu, E: another name, and the first dossier is still there."""
    monkeypatch.setenv("HOME", str(tmp_path))
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        main(app).trail.to_view(ALL)
        await settle(pilot)
        await pilot.press("f", *"actor:lavrov OR actor:haniyeh", "enter")
        await pilot.pause()
        assert await export(pilot, app) == "~/newsdesk-all-lavrov-or-haniyeh.md"
        await pilot.press("enter")
        first = tmp_path / "newsdesk-all-lavrov-or-haniyeh.md"
        await until(pilot, first.exists)
        await pilot.press("c", "f", *"actor:shoigu", "enter")
        await pilot.pause()
        assert await export(pilot, app) == "~/newsdesk-all-shoigu.md"
        await pilot.press("enter")
        await until(pilot, (tmp_path / "newsdesk-all-shoigu.md").exists)
    assert first.read_text(encoding="utf-8").startswith(
        "# newsdesk: All, filter actor:lavrov OR actor:haniyeh\n")


async def test_an_existing_file_is_replaced_only_on_a_second_enter(
        demo_desk: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    older = tmp_path / "newsdesk-unread.md"
    older.write_text("an older dossier", encoding="utf-8")
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert await export(pilot, app) == "~/newsdesk-unread.md"
        await pilot.press("enter")
        await pilot.pause()
        assert "~/newsdesk-unread.md exists (written " in verdict(app)
        assert "enter again replaces it" in verdict(app)
        assert older.read_text(encoding="utf-8") == "an older dossier"
        await pilot.press("backspace", "backspace", "backspace", *"-2.md")  # a new name
        await pilot.pause()
        assert verdict(app) == ""
        await pilot.press("enter")
        await until(pilot, (tmp_path / "newsdesk-unread-2.md").exists)
        assert older.read_text(encoding="utf-8") == "an older dossier"
        await export(pilot, app)
        await pilot.press("enter", "enter")  # said to exist, then replaced
        await until(pilot, lambda: older.read_text(encoding="utf-8").startswith("# newsdesk"))


async def test_a_folder_is_refused_and_a_format_chosen_is_checked_too(
        demo_desk: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "newsdesk-unread.html").write_text("older", encoding="utf-8")
    (tmp_path / "folder.md").mkdir()
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await export(pilot, app)
        field = app.screen.query_one("#dialog-input")
        field.value = "~/folder.md"
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert "~/folder.md is a folder" in verdict(app)
        field.value = "~/newsdesk-unread.md"
        await pilot.press("tab", "down", "enter")  # the html format: that file exists
        await pilot.pause()
        assert "~/newsdesk-unread.html exists" in verdict(app)
        assert (tmp_path / "newsdesk-unread.html").read_text(encoding="utf-8") == "older"
