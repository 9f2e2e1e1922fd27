"""The view tree's labels in its narrow column: what tells two items apart survives the cut
(two editions of one outlet, two meetings of the same people)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from tests.test_app_support import main, make_app, settle
from tui.app.layout import TREE_MAX
from tui.app.views import ViewGroups, actor_view, feed_view, story_view, title_of
from tui.app.widgets.view_tree import EDGES, _plan
from tui.core.store.coverage import Story
from tui.core.store.dateline import dateline


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
    groups = ViewGroups([], [], [], [], [(story_view(moscow), 1, 4),
                                         (story_view(ashgabat), 0, 2)], [])
    assert shown(groups, 24)["Stories"] == ["Moscow · 17-18 Jan 1/4", "Ashgabat · 11 Oct 0/2"]
    assert shown(groups, 38)["Stories"] == ["Moscow · Pezeshkian… · 17-18 Jan 1/4",
                                            "Ashgabat · Pezeshkian,… · 11 Oct 0/2"]
    widest = TREE_MAX - 1 - EDGES  # a wide tree (inside its border): all of it, counted
    assert shown(groups, widest)["Stories"] == [
        "Moscow · Pezeshkian, Putin · 17-18 Jan 2025 · 4 outlets 1/4",
        "Ashgabat · Pezeshkian, Putin · 11 Oct 2024 · 2 outlets 0/2"]
    assert shown(groups, 52)["Stories"] == ["Moscow · Pezeshkian, Putin · 17-18 Jan 2025 1/4",
                                            "Ashgabat · Pezeshkian, Putin · 11 Oct 2024 0/2"]


def test_stories_that_would_read_alike_are_told_apart() -> None:
    """Two stories of one place on the same days (an analyst saw two rows of "Tehran"): the
    people come before the place, and stories alike even so end with their id."""
    haniyeh = story(3, "Tehran · Haniyeh, Pezeshkian · 30-31 Jul 2024", 3)
    sworn = story(4, "Tehran · Pezeshkian, Aliyev · 30-31 Jul 2024", 2)
    twin = story(5, "Tehran · Pezeshkian, Aliyev · 30-31 Jul 2024", 2)
    groups = ViewGroups([], [], [], [], [(story_view(s), 0, 2) for s in (haniyeh, sworn)], [])
    assert shown(groups, 28)["Stories"] == ["Haniyeh, … · 30-31 Jul 0/2",
                                            "Pezeshkia… · 30-31 Jul 0/2"]
    groups.stories = [(story_view(s), 0, 2) for s in (haniyeh, sworn, twin)]
    for room in (28, 34, 44, 56):
        labels = shown(groups, room)["Stories"]
        assert len(set(labels)) == 3, labels
        assert all(len(label) <= room for label in labels)
    assert shown(groups, 56)["Stories"][1:] == [
        "Tehran · Pezeshkian, Aliyev · 30-31 Jul · story 4 0/2",
        "Tehran · Pezeshkian, Aliyev · 30-31 Jul · story 5 0/2"]


def test_actor_counts_are_never_cut() -> None:
    """"Ali Akbar Ahmadian (…" hid how often he is named: the name gives way, the count not."""
    actor = actor_view("ali-akbar-ahmadian", "Ali Akbar Ahmadian", 5)
    groups = ViewGroups([], [], [], [], [], [actor])
    assert shown(groups, 20)["Actors (all time)"] == ["Ali Akbar Ahm… (5)"]
    assert shown(groups, 40)["Actors (all time)"] == ["Ali Akbar Ahmadian (5)"]
    assert title_of(actor) == "Actor timeline: Ali Akbar Ahmadian (5), newest first"


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
        starts = [re.sub(r" \d+/\d+$", "", label) for label in labels]  # without counts
        assert "Moscow · 17-18 Jan" in starts and "Ashgabat · 11 Oct" in starts, labels
        assert "Tehran · 5-6 Aug" in starts and "Tehran · 30-31 Jul" in starts, labels


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
            parts = story.label.split(" · ")  # a place most members name, people, dates
            head, dates = parts[0], parts[-1]  # (with no such place, the people lead)
            assert label.startswith(head if len(parts) == 3 else head[:8]), (label, story)
            assert dates.split(" 20")[0] in label, (label, story)
        assert any(line.startswith("Iran, Israel · 1-2 Oct") for line in labels), labels


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


async def test_a_wide_terminal_shows_whole_labels(demo_desk) -> None:
    """At 220x60 the tree stayed 28 columns: `Kazan · Pezeshk… · 23 Oct`, `Ali Akbar Ahmadian
    (…`. It takes a third of the columns beyond 120, and the stories read whole with their counts."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(220, 60)) as pilot:
        await settle(pilot)
        tree = main(app).view_tree
        assert tree.outer_size.width == 63
        for node in tree.root.children:
            node.expand()
        await settle(pilot)
        labels = [child.label.plain for node in tree.root.children for child in node.children]
        for story in desk.stories(limit=50):  # the year may go, no name
            short = re.sub(r" \d{4}$", "", story.label)
            whole = [label for label in labels if label.startswith(short)]
            if not whole and len(short) > 50:  # too long even so: the people give way, never
                head, *_people, days = short.split(" · ")  # the place or the days
                whole = [label for label in labels
                         if label.startswith(f"{head} · ") and f"… · {days} " in label]
            assert whole, (story.label, labels)
            assert whole[0].endswith(f"/{len(story.article_ids)}")
        actors = [label for label in labels if label.endswith(")") and "more" not in label]
        assert actors and not [label for label in actors if "…" in label]


def test_an_undated_item_does_not_turn_the_actors_span_to_a_week(demo_desk) -> None:
    """The demo's articles are from 2024-25: the tree's Actors are "all time". An item with
    no date of its own, dated when fetched (today), made it "7 days" listing that one
    article's actors; an article dated this week does."""
    from tui.app.views import top_actors
    from tui.core.models import to_iso, utcnow

    desk, _config = demo_desk
    assert top_actors(desk)[1] is None
    named = desk.conn.execute("SELECT DISTINCT article_id FROM actor_mentions LIMIT 2").fetchall()
    now = to_iso(utcnow())
    desk.conn.execute("UPDATE articles SET published = ?, first_seen = ? WHERE id = ?",
                      (now, now, named[0][0]))  # as the pipeline dates an undated item
    assert top_actors(desk)[1] is None
    desk.conn.execute("UPDATE articles SET published = ? WHERE id = ?", (now, named[1][0]))
    actors, days = top_actors(desk)
    assert days == 7 and actors


def test_a_narrow_tree_keeps_every_story_count() -> None:
    """The README's rule for the tree: a name is cut, never its count; a story's place gives
    way before its counts do (at 80x24 after `1`, 24 columns)."""
    groups = ViewGroups([], [], [], [], [
        (story_view(story(10, "Litani River · Hezbollah · 27 Nov 2024", 2)), 0, 2),
        (story_view(story(5, "Iran, Israel · 1-2 Oct 2024", 4)), 4, 4)], [])
    for room in (16, 20, 22, 24):
        lines = shown(groups, room)["Stories"]
        assert lines[0].endswith(" 0/2") and lines[1].endswith(" 4/4"), (room, lines)
        assert all(len(line) <= room for line in lines), lines
        if room >= 20:  # the days stay while the place can give way
            assert "27 Nov" in lines[0] and "1-2 Oct" in lines[1], lines


async def test_every_story_keeps_its_count_at_80x24(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(80, 24)) as pilot:  # the tree only when asked for: `1`
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        tree = main(app).view_tree
        node = next(n for n in tree.root.children if str(n.label) == "Stories")
        labels = [child.label.plain for child in node.children
                  if child.data is not None and child.data.kind == "story"]
        assert labels and all(re.search(r" \d+/\d+$", line) for line in labels), labels
