"""`E` exports exactly the rows the list shows: an article opened in Unread is marked read but
stays listed (as in newsboat), so it is in the dossier too, in its place."""

from __future__ import annotations

import json

from tests.test_app_support import SIZE, listed_ids, main, make_app, settle, status


async def test_E_exports_the_read_article_the_unread_list_still_shows(demo_desk, tmp_path) -> None:
    desk, config = demo_desk
    target = tmp_path / "out" / "unread.json"
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert main(app).view.kind == "unread"
        await pilot.press("j", "enter")  # opened: read, still listed
        await settle(pilot)
        shown = listed_ids(app)
        opened = shown[1]
        assert desk.article(opened).read and opened in shown
        await pilot.press("E")
        await pilot.pause()
        about = str(app.screen.query_one(".dialog-about").render())
        assert about.startswith(f"{len(shown)} articles")
        field = app.screen.query_one("#dialog-input")
        field.value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert f"exported {len(shown)} articles" in status(app)
    urls = [record["url"] for record in json.loads(target.read_text(encoding="utf-8"))]
    assert urls == [desk.article(i).url for i in shown]
