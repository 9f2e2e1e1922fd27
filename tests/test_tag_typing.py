"""Tags are typed the same way in the `t` dialog and in `newsdesk tag --add`: spaces and commas
separate tags, quotes group words (as in the query language: `+"two words"`), and a quote mark
is never part of a tag. An analyst typed `"Russia Iran"` and got the tags `"Russia` and
`Iran"`, while the CLI made one tag of `Russia Iran`."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input

from tests.httpserver import LocalServer
from tests.test_app_keys import current
from tests.test_app_support import SIZE, main, make_app, settle
from tests.test_cli import fetched_feed, newsdesk
from tui.app.screens.tags import AddTagsScreen
from tui.core import tagnames

TYPED = [  # what is typed -> the tags it makes (a set: the order they are stored in)
    ('"Russia Iran"', {"Russia Iran"}),
    ("Russia Iran, Syria", {"Russia", "Iran", "Syria"}),
    ('+"two words" #gulf', {"two words", "gulf"}),
    ("«Эхо Москвы», ru", {"Эхо Москвы", "ru"}),
    ('Kursk Iran"', {"Iran", "Kursk"}),  # a stray quote is never part of a name
]


def test_the_rule() -> None:
    for text, tags in TYPED:
        assert set(tagnames.typed_list(text)) == tags, text
    assert tagnames.typed_list('"Эхо «Москвы»" x') == ["Эхо «Москвы»", "x"]
    assert tagnames.typed_list('"a \\" b"') == ['a " b']
    assert tagnames.typed_list('Iran iran, IRAN') == ["Iran"]
    assert tagnames.hashtag("Russia Iran") == '#"Russia Iran"'
    assert tagnames.hashtag("iran") == "#iran"
    for tag in ("Russia Iran", 'say "no"', "a,b", "Эхо «Москвы»"):
        assert tagnames.typed_list(tagnames.written(tag)) == [tag]


def test_the_cli_reads_tags_as_the_dialog_does(server: LocalServer, tmp_path: Path) -> None:
    items = [{"title": f"Report {i}", "description": "d",
              "pubDate": f"Mon, 05 Aug 2024 10:{i:02d}:00 GMT"} for i in range(len(TYPED))]
    config = fetched_feed(server, tmp_path, items)
    ids = [json.loads(line)["id"] for line in
           newsdesk("--config", config, "list", "--json").stdout.splitlines()]
    for article, (text, tags) in zip(ids, TYPED, strict=True):
        done = newsdesk("--config", config, "tag", str(article), "--add", text)
        said = done.stderr  # one line saying what was done, the tags as they were read
        assert done.returncode == 0 and done.stdout == "" and said.count("\n") == 1, said
        assert "tagged" in said and all(tag in said for tag in tags), said
    rows = {row["id"]: set(row["tags"]) for row in map(
        json.loads, newsdesk("--config", config, "list", "--json").stdout.splitlines())}
    assert [rows[article] for article in ids] == [tags for _text, tags in TYPED]
    listed = newsdesk("--config", config, "list", '+"Russia Iran"', "--json")
    assert [json.loads(line)["id"] for line in listed.stdout.splitlines()] == [ids[0]]


def status(app) -> str:  # type: ignore[no-untyped-def]
    return str(main(app).query_one("#status").render())


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Key by key; a letter Pilot has no key for (« ») as a paste would put it."""
    for ch in text:
        if ch.isascii():
            await pilot.press("space" if ch == " " else ch)
        else:
            pilot.app.screen.query_one(Input).insert_text_at_cursor(ch)


async def test_the_dialog_makes_the_same_tags(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said: list[str] = []
        for text, tags in TYPED:
            row = current(app)
            await pilot.press("t")
            await pilot.pause()
            assert isinstance(app.screen, AddTagsScreen)
            await _type(pilot, text)
            await pilot.press("enter")
            await pilot.pause()
            now = desk.article(row.id).tags  # the demo's `iran` keeps its spelling
            assert {tagnames.key(t) for t in tags} <= set(map(tagnames.key, now)), text
            assert not any(quote in tag for tag in now for quote in '"«»'), now
            said.append(status(app))
            await pilot.press("j")
            await pilot.pause()
        assert 'tagged #"Russia Iran" on' in said[0], said[0]  # not #"Russia #Iran"


async def test_a_tag_with_a_space_completes_in_quotes(demo_desk) -> None:
    desk, config = demo_desk
    first = desk.articles(limit=2)
    desk.add_tags([first[1].id], ["Russia Iran"])
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = current(app)
        await pilot.press("t")
        await pilot.pause()
        await _type(pilot, 'gulf "russia i')
        await pilot.pause()
        await pilot.press("right", "enter")  # → takes the completion
        await pilot.pause()
        assert {"gulf", "Russia Iran"} <= set(desk.article(row.id).tags)
        assert '#"Russia Iran"' in status(app)


async def test_tab_takes_the_completion_as_a_shell_does(demo_desk) -> None:
    """`cauc`, tab, enter: an analyst's habit (the shell's, Elfeed's tag prompt) tagged the
    article `cauc`, since tab moved the focus and left the completion untaken."""
    desk, config = demo_desk
    assert "caucasus" in [tag for tag, _ in desk.all_tags()]
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = current(app)
        await pilot.press("t")
        await pilot.pause()
        await _type(pilot, "cauc")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await settle(pilot)
        tags = desk.article(row.id).tags
        assert "caucasus" in tags and "cauc" not in tags, tags
        await pilot.press("t")  # nothing to complete: tab leaves what was typed, in the line
        await pilot.pause()
        await _type(pilot, "zzq")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert "zzq" in desk.article(row.id).tags
