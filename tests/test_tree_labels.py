"""The view tree's labels in its narrow column: what tells two items apart survives the cut
(two editions of one outlet, two meetings of the same people)."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.test_app_support import main, make_app, settle
from tui.app.views import ViewGroups, feed_view, story_view
from tui.app.widgets.view_tree import _plan
from tui.core.store.dateline import dateline
from tui.core.store.links import Story


def story(sid: int, label: str, outlets: int) -> Story:
    when = datetime(2025, 1, 17, tzinfo=UTC)
    return Story(sid, label, (sid,), when, when, tuple(f"o{n}" for n in range(outlets)))


def shown(groups: ViewGroups, room: int) -> dict[str, list[str]]:
    return {str(row.label): [child.label.plain for child in row.children or ()]
            for row in _plan(groups, room)}


def test_siblings_cut_alike_are_cut_in_the_middle() -> None:
    feeds = [(feed_view("Novaya Gazeta Europe (EN)", failed=True), 0, 0),
             (feed_view("Novaya Gazeta Europe", failed=True), 0, 0),
             (feed_view("Guardian Middle East and North Africa"), 2, 9)]
    groups = ViewGroups([], [], feeds, [], [], [])
    labels = shown(groups, 24)["Feeds"]
    assert labels[0] != labels[1]
    assert labels[0].endswith("(EN) ! 0/0") and labels[1].endswith("Europe ! 0/0")
    assert labels[2] == "Guardian Middle E… 2/9"  # alone: cut at the end, as it reads


def test_a_story_reads_like_a_dateline() -> None:
    """The Desk labels stories place first (`dateline`); the tree keeps the place and the
    dates when it cuts, so two meetings of the same people stay apart."""
    assert dateline("Pezeshkian, Putin · Moscow · 17-18 Jan 2025") == (
        "Moscow · Pezeshkian, Putin · 17-18 Jan 2025")
    assert dateline("Putin · 11 Oct 2024") == "Putin · 11 Oct 2024"  # no place: as it was
    moscow = story(9, "Moscow · Pezeshkian, Putin · 17-18 Jan 2025", 4)
    ashgabat = story(11, "Ashgabat · Pezeshkian, Putin · 11 Oct 2024", 2)
    assert story_view(moscow).label == "Moscow · Pezeshkian, Putin · 17-18 Jan 2025 · 4 outlets"
    groups = ViewGroups([], [], [], [], [story_view(moscow), story_view(ashgabat)], [])
    assert shown(groups, 24)["Stories"] == ["Moscow · 17-18 Jan", "Ashgabat · 11 Oct"]
    assert shown(groups, 34)["Stories"] == ["Moscow · Pezeshkian… · 17-18 Jan",
                                            "Ashgabat · Pezeshkian,… · 11 Oct"]


async def test_the_tree_beside_the_reader_tells_the_stories_apart(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "1")  # the tree, asked for beside the reader: 26 columns
        await settle(pilot)
        tree = main(app).view_tree
        node = next(n for n in tree.root.children if str(n.label) == "Stories")
        labels = [child.label.plain for child in node.children]
        assert len(labels) == len(set(labels)) > 5
        assert "Moscow · 17-18 Jan" in labels and "Ashgabat · 11 Oct" in labels, labels
        assert "Tehran · 5-6 Aug" in labels and "Tehran · 30-31 Jul" in labels, labels


def test_a_cut_story_keeps_its_place_and_dates() -> None:
    from tui.app.views import story_line

    label = "Tehran · Shoigu, Pezeshkian · 5-6 Aug 2024 · 4 outlets"
    assert story_line(label, 80) == label
    assert story_line(label, 42) == "Tehran · Shoigu, Pezeshkian · 5-6 Aug 2024"
    assert story_line(label, 30) == "Tehran · Shoigu, Pe… · 5-6 Aug"
    assert story_line(label, 24) == "Tehran · Shoi… · 5-6 Aug"
    assert story_line(label, 20) == "Tehran · 5-6 Aug"
    assert story_line("Gaza · Hamas · 30 Dec 2024-2 Jan 2025 · 3 outlets", 27) == (
        "Gaza · Hamas · 30 Dec-2 Jan")
    assert story_line("Putin · 11 Oct 2024 · 2 outlets", 16) == "Putin · 11 Oct"
    assert len(story_line("Kursk · 8-12 Aug 2024 · 3 outlets", 12)) <= 12


async def test_the_tree_shows_when_each_story_was(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:  # the tree beside the list, 30 columns
        await settle(pilot)
        tree = main(app).view_tree
        node = next(n for n in tree.root.children if str(n.label) == "Stories")
        labels = [child.label.plain for child in node.children
                  if child.data is not None and child.data.kind == "story"]
        stories = desk.stories(limit=len(labels))
        for label, story in zip(labels, stories, strict=True):
            place, _people, dates = story.label.split(" · ")
            assert label.startswith(place) and dates.split(" 20")[0] in label, (label, story)


def test_the_cli_labels_stories_as_the_tree_does(demo_desk) -> None:
    import json

    from tests.test_cli import newsdesk

    desk, config = demo_desk
    out = newsdesk("--config", str(config.path), "stories", "--json")
    listed = {row["id"]: row["label"] for row in json.loads(out.stdout)}
    tree = {int(v.ref): v.label for v in (story_view(s) for s in desk.stories())}
    assert listed and listed.keys() == tree.keys()
    for story_id, label in listed.items():
        assert tree[story_id] == f"{label} · {tree[story_id].rsplit(' · ', 1)[1]}"
    text = newsdesk("--config", str(config.path), "stories").stdout
    assert "Tehran · Shoigu, Pezeshkian · 5-6 Aug 2024" in text
