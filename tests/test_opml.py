"""OPML import (newsboat's test files, broken files, hostile XML) and export round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core import tagnames
from tui.core.config.opml import OpmlError, OpmlFeed, parse_opml, write_opml

NEWSBOAT = Path(__file__).resolve().parents[2] / "shared" / "peers" / "newsboat" / "test" / "data"
needs_newsboat = pytest.mark.skipif(
    not NEWSBOAT.is_dir(), reason=f"newsboat test data not found at {NEWSBOAT}")


def load(name: str) -> list[OpmlFeed]:
    return parse_opml((NEWSBOAT / name).read_bytes())


@needs_newsboat
def test_newsboat_example_folders_become_tags() -> None:
    feeds = {f.url: f for f in load("example.opml")}
    assert len(feeds) == 7
    assert feeds["https://example.com/feed.xml"] == OpmlFeed(
        "example.com website", "https://example.com/feed.xml", ())
    # the folder's `text` wins over its `title`; nested folders give every level
    assert feeds["https://blogs.example.com/~john/posts.rss"].tags == ("Blogs",)
    assert feeds["https://blogs.example.com/~mike/.rss"].tags == ("Blogs", "friends")
    assert feeds["https://fred.example.com/writing/index.php?type=rss"].tags == ("eloquent",)


@needs_newsboat
def test_newsboat_example2_and_nested_repeats() -> None:
    feeds = {f.url: f for f in load("example2.opml")}
    assert feeds["https://third.example.com/~of/internet.rss"].tags == ("Rant boards", "humans")
    assert feeds["https://example.com/five.atom"].name == "another title"  # text only
    plus = {f.name: f.tags for f in load("test-urls+.opml")}
    assert plus == {"CC Test": ("tag1", "tag2"), "Anotherfeed": (),
                    "One more feed": ("tag1", "tag3"), "example.com website (Atom feed)": ()}


@needs_newsboat
def test_newsboat_category_attribute_and_empty_title() -> None:
    (feed,) = load("category.opml")
    assert feed.tags == ("tag one", "tag_two", "tag/three")
    assert feed.name == "feeds.bbci.co.uk"  # empty title: named after the host


@needs_newsboat
def test_newsboat_piped_and_filtered_entries() -> None:
    skipped: list[str] = []
    feeds = parse_opml((NEWSBOAT / "piped.opml").read_bytes(), on_skip=skipped.append)
    assert [f.url for f in feeds] == ["https://example.com/feed.atom"]
    assert len(skipped) == 1 and "|~/fetch_tweets.py" in skipped[0]
    filtered = load("filtered.opml")
    assert [f.name for f in filtered] == ["example.com website (Atom feed)", "Firehose"]


@needs_newsboat
@pytest.mark.parametrize(("name", "message"), [
    ("body-element-missing.opml", "no <body>"),
    ("opml-element-missing.opml", "root element is <not-opml>"),
])
def test_newsboat_broken_files(name: str, message: str) -> None:
    with pytest.raises(OpmlError, match=message):
        load(name)


@pytest.mark.parametrize(("data", "message"), [
    (b"", "not well-formed XML at line 1"),
    (b"<opml><body><outline", "not well-formed"),
    (b"\xff\xfe garbage", "not well-formed"),
    (b"<rss/>", "root element is <rss>"),
    (b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
     b'<opml><body><outline title="&b;" xmlUrl="http://x.example/"/></body></opml>', "DOCTYPE"),
    (b'<?xml version="1.0"?><!DOCTYPE opml SYSTEM "file:///etc/passwd"><opml/>', "DOCTYPE"),
])
def test_broken_and_hostile_files(data: bytes, message: str) -> None:
    with pytest.raises(OpmlError, match=message):
        parse_opml(data)


def test_duplicates_merge_and_names_stay_unique() -> None:
    data = b"""<opml version="2.0"><body>
      <outline text="Iran"><outline text="Wire" xmlUrl="https://a.example/rss"/></outline>
      <outline text="Gulf"><outline text="Wire" xmlUrl="https://a.example/rss"/></outline>
      <outline text="wire" xmlURL="https://b.example/rss"/>
      <outline text="Odd" xmlUrl="exec:~/bin/make-feed"/>
      <outline text="Ctl&#9;&#10; name\xe2\x80\x8f" xmlurl="https://c.example/rss"
               category="/x/y,,z"/>
    </body></opml>"""
    assert parse_opml(data) == [
        OpmlFeed("Wire", "https://a.example/rss", ("Iran", "Gulf")),
        OpmlFeed("wire (2)", "https://b.example/rss", ()),
        OpmlFeed("Ctl name", "https://c.example/rss", ("/x/y", "z")),
    ]


def test_write_is_readable_by_both_kinds_of_reader() -> None:
    feeds = [OpmlFeed("Levant Ledger", "https://ledger.example/rss?a=1&b=2", ("levant", "daily")),
             OpmlFeed('Quote "&" <angle>', "https://q.example/feed", ()),
             OpmlFeed("Moscow Wire", "https://wire.example/feed", ("russia",))]
    text = write_opml(feeds, title="My feeds")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    assert 'category="levant,daily"' in text and "&amp;b=2" in text
    assert '<outline text="levant" title="levant">' in text
    assert parse_opml(text.encode()) == feeds


names = st.text(min_size=1, max_size=30).filter(
    lambda s: s == " ".join(s.split()) and s.isprintable() and "," not in s)
# Tags are read back in their one canonical form (tagnames: NFC, so U+F900 comes back as
# U+8C48), and two spellings of one key are one tag: the round trip holds for canonical tags.
tag_names = names.filter(lambda s: tagnames.display(s) == s)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(names, st.lists(tag_names, max_size=3, unique_by=tagnames.key)),
                max_size=8, unique_by=lambda t: t[0].casefold()))
def test_round_trip(entries: list[tuple[str, list[str]]]) -> None:
    feeds = [OpmlFeed(name, f"https://feed{i}.example/rss", tuple(tags))
             for i, (name, tags) in enumerate(entries)]
    back = parse_opml(write_opml(feeds).encode("utf-8"))
    # folders group feeds by first tag, so compare by URL, not position
    assert {f.url: f for f in back} == {f.url: f for f in feeds}
