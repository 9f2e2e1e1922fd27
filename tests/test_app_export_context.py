"""`E` from a story or a saved view (Pilot): the dialog is centred like the others, the dossier
is headed by what the list shows (the view's name and its query, the story's label) rather
than the bare query, its file name keeps the story's dates whole, and at 80x24 the message
after writing shows the file name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_app_status_room import on_screen
from tests.test_app_support import main, make_app, settle, until
from tui.app.widgets.modal_keys import ModalKeys


async def choose(pilot, app, kind: str, label: str | None = None) -> None:
    """Select a view of the tree: the one called `label`, else the longest of `kind`."""
    tree = main(app).view_tree
    nodes = [n for n in tree._tree_nodes.values() if n.data is not None and n.data.kind == kind
             and (label is None or n.data.label == label)]
    tree.select_node(max(nodes, key=lambda n: len(n.data.label)))
    await settle(pilot)
    assert main(app).view.kind == kind


def centred(app, box) -> bool:
    """In the space the dialog's screen leaves it: above its own keys' line (ModalKeys)."""
    width, height = app.size
    height -= sum(w.region.height for w in app.screen.query(ModalKeys))
    region = box.region
    return (abs(region.x - (width - region.right)) <= 1
            and abs(region.y - (height - region.bottom)) <= 1)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_export_dialog_is_centred(demo_desk, size) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await pilot.pause()
        box = app.screen.query_one("#export-dialog")
        assert centred(app, box), (app.size, box.region)


async def test_a_story_exported_at_80x24_says_its_file_and_heads_it_with_the_label(
        demo_desk, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await choose(pilot, app, "story")  # the longest label: cut for the file name
        story = desk.story_of(main(app).articles.pager.ids()[0])
        await pilot.press("E")
        await pilot.pause()
        path = app.screen.query_one("#dialog-input").value
        assert path.startswith("~/newsdesk-") and path.endswith(".md")
        assert story.label.split(" · ")[-1].lower().replace(" ", "-") in path  # dates whole
        assert not path.endswith("-.md")
        await pilot.press("enter")
        name = Path(path).name
        await until(pilot, lambda: "exported" in on_screen(app))
        assert name in on_screen(app), on_screen(app)
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert text.startswith(f"# newsdesk: {story.label}\n"), text[:200]
    assert f"**Query:** story:{story.id}" in text
    assert f"**Story:** {story.label} (story:{story.id})" in text
    for article_id in story.article_ids:
        assert f" · id {article_id}*" in text


async def test_a_saved_view_is_exported_under_its_name_and_query(demo_desk, tmp_path) -> None:
    desk, _config = demo_desk
    story = desk.stories()[0]
    config = desk.save_view("RU-IR treaty", f"story:{story.id}")
    target = tmp_path / "treaty.json"
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await choose(pilot, app, "query", "RU-IR treaty")
        await pilot.press("/")
        await pilot.press(*"the")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("E")
        await pilot.pause()
        about = str(app.screen.query_one(".dialog-about").render())
        assert about.endswith(": RU-IR treaty, search the"), about
        app.screen.query_one("#dialog-input").value = str(tmp_path / "treaty.html")
        await pilot.press("enter")
        await until(pilot, lambda: (tmp_path / "treaty.html").exists()
                    and "exported" in on_screen(app))
        await pilot.press("E")
        await pilot.pause()
        app.screen.query_one("#dialog-input").value = str(target)
        await pilot.press("enter")
        await until(pilot, target.exists)
        listed = main(app).articles.pager.ids()
    page = (tmp_path / "treaty.html").read_text(encoding="utf-8")
    assert "<h1>newsdesk: RU-IR treaty, search the</h1>" in page
    assert f"Query: <code dir=\"auto\">(story:{story.id}) (the)</code>" in page
    records = json.loads(target.read_text(encoding="utf-8"))
    assert records and all(r["story"] == {"id": story.id, "label": story.label}
                           for r in records)
    assert [r["id"] for r in records] == listed
    assert all(r["lang"] for r in records)  # the demo's feeds say or show their language


@pytest.mark.parametrize(("label", "stem"), [
    ("Damascus · Assad, Hayat Tahrir al-Sham · 8-9 Dec 2024", "damascus-assad-8-9-dec-2024"),
    ("Litani River · Hezbollah, Lebanese Armed Forces · 27 Nov 2024", "litani-river-27-nov-2024"),
    ("RU-IR treaty", "ru-ir-treaty"), ("سوريا ولبنان", "سوريا-ولبنان"), ("«»", "view"),
    ("Iran security and the Gulf states this week", "iran-security-and-the-gulf")])
def test_file_names_are_cut_between_words_and_keep_a_storys_dates(label, stem) -> None:
    from tui.app.screens.keeping import slug

    assert slug(label) == stem


def test_the_exported_message_gives_way_around_the_file_name() -> None:
    from tui.app.screens.keeping import exported

    target = Path.home() / "dossiers" / "newsdesk-damascus-assad-8-9-dec-2024.md"
    assert exported("4 articles", "md", target, 120) == (
        "exported 4 articles to ~/dossiers/newsdesk-damascus-assad-8-9-dec-2024.md")
    assert exported("4 articles", "md", target, 66) == (
        "exported 4 articles to …/newsdesk-damascus-assad-8-9-dec-2024.md")
    assert exported("4 articles", "md", target, 54) == (
        "exported to …/newsdesk-damascus-assad-8-9-dec-2024.md")
    assert exported("4 articles", "md", target, 48) == (
        "exported newsdesk-damascus-assad-8-9-dec-2024.md")
    assert exported("4 articles", "md", target, 30) == "exported newsdesk-damascus….md"  # 30 columns
    assert exported("4 articles", "md", Path("/tmp/x.txt"), 80) == (
        "exported 4 articles (md) to /tmp/x.txt")  # the extension does not say it
