"""The view tree's labels in its narrow column: what tells two items apart survives the cut
(two editions of one outlet, two meetings of the same people)."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.test_app_support import main, make_app, settle
from tui.app.views import ViewGroups, dateline, feed_view, story_view
from tui.app.widgets.view_tree import _plan
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
    moscow = story(9, "Pezeshkian, Putin · Moscow · 17-18 Jan 2025", 4)
    ashgabat = story(11, "Pezeshkian, Putin · Ashgabat · 11 Oct 2024", 2)
    assert story_view(moscow).label == "Moscow · Pezeshkian, Putin · 17-18 Jan 2025 · 4 outlets"
    assert dateline("Putin · 11 Oct 2024") == "Putin · 11 Oct 2024"  # no place: as it was
    groups = ViewGroups([], [], [], [], [story_view(moscow), story_view(ashgabat)], [])
    first, second = shown(groups, 24)["Stories"]
    assert first.startswith("Moscow · Pezeshkian") and second.startswith("Ashgabat · Pez")


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
        assert any(label.startswith("Moscow · Pezeshkian") for label in labels), labels
        assert any(label.startswith("Ashgabat · Pez") for label in labels), labels
