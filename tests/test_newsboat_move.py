"""A newsboat user's list, read as newsboat reads it: a trailing `# comment` is no tags, a
`query:` feed becomes a view when its filter translates, a URL spelt another way is the feed
listed already, a feed without a name goes by its own title, and a feed's `lang` is a code."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app.screens.jobs import describe
from tui.core.config.checks import ConfigError
from tui.core.config.import_plan import plan_import
from tui.core.config.loader import Feed, parse_config, with_titles
from tui.core.config.newsboat import parse_urls
from tui.core.config.newsboat_query import Untranslatable, translate
from tui.core.config.opml import OpmlFeed
from tui.core.ingest.neterrors import DNS_FAILURE
from tui.core.refresh.events import FeedFailed


def test_a_trailing_comment_is_no_tags_and_a_hash_inside_a_word_stays() -> None:
    feeds = parse_urls(
        'http://127.0.0.1:9/ankara.xml turkey "~Ankara Daily"   # trailing comment\n'
        "http://127.0.0.1:9/wire.rss#top wire #also a comment\n"
        'http://127.0.0.1:9/q.rss "tag # in quotes" x#y\n')
    assert [(f.name, f.url, f.tags) for f in feeds] == [
        ("Ankara Daily", "http://127.0.0.1:9/ankara.xml", ("turkey",)),
        ("127.0.0.1:9/wire.rss", "http://127.0.0.1:9/wire.rss#top", ("wire",)),
        ("127.0.0.1:9/q.rss", "http://127.0.0.1:9/q.rss", ("tag # in quotes", "x#y"))]


def test_an_unclosed_quote_still_skips_its_line() -> None:
    said: list[str] = []
    assert parse_urls('http://127.0.0.1:9/a.xml "~Open', on_skip=said.append) == []
    assert said == ["line 1: an unclosed quote, skipped"]


@pytest.mark.parametrize(("newsboat", "newsdesk"), [
    ('unread = "yes"', "is:unread"),
    ('unread != "yes"', "is:read"),
    ('tags # "gulf" and unread = "yes"', "tag:gulf is:unread"),
    ('tags # "Middle East"', 'tag:"Middle East"'),
    ('tags !# "sport"', "-tag:sport"),
    ('title =~ "Shoigu" or title =~ "Belousov"', "title:Shoigu OR title:Belousov"),
    ('unread = "yes" and (tags # "iran" or tags # "gulf")', "is:unread (tag:iran OR tag:gulf)"),
    ('content !~ "football"', '-"football"'),
    ('feedtitle =~ "Meduza" and age < 3', "feed:Meduza since:3d"),
])
def test_common_filters_translate(newsboat: str, newsdesk: str) -> None:
    from tui.core.query.parse import parse

    assert translate(newsboat) == newsdesk
    parse(newsdesk)  # a query newsdesk reads


@pytest.mark.parametrize("newsboat", ['title =~ "^Sh.*v$"', 'rssurl =~ "meduza"',
                                      'flags # "s"', 'unread = "yes" and', "(unread = \"yes\""])
def test_other_filters_are_said_untranslated(newsboat: str) -> None:
    with pytest.raises(Untranslatable):
        translate(newsboat)


def test_query_lines_reach_the_caller_with_their_filter() -> None:
    heard: list[tuple[int, str, str]] = []
    parse_urls('\n"query:Unread Iran:tags # \\"iran\\" and unread = \\"yes\\""\n',
               on_query=lambda *q: heard.append(q))
    assert heard == [(2, "Unread Iran", 'tags # "iran" and unread = "yes"')]


def test_a_url_spelt_otherwise_is_the_feed_listed() -> None:
    listed = [Feed("Meduza", "https://meduza.io/rss/en/all", ("russia",)),
              Feed("Wire", "http://127.0.0.1:47900/wire.xml")]
    plan = plan_import(listed, [
        OpmlFeed("Meduza (EN)", "https://MEDUZA.io/rss/en/all/", ("russia", "wire")),
        OpmlFeed("Wire again", "http://127.0.0.1:47900/wire.xml"),
        OpmlFeed("Wire TLS", "https://127.0.0.1:47900/wire.xml"),
        OpmlFeed("Meduza 443", "https://meduza.io:443/rss/en/all"),
        OpmlFeed("Other", "https://meduza.io/rss/ru/all")])
    assert [f.name for f in plan.new] == ["Other"]
    assert [(f.listed.name, f.not_kept()) for f in plan.listed] == [
        ("Meduza", "name 'Meduza (EN)' and tag wire"), ("Wire", "name 'Wire again'"),
        ("Meduza", "name 'Meduza 443'")]
    assert [(f.listed.name, f.incoming.url) for f in plan.probable] == [
        ("Wire", "https://127.0.0.1:47900/wire.xml")]


def test_a_host_name_the_list_made_up_is_not_the_users_name() -> None:
    listed = [Feed("Gulf Brief", "http://127.0.0.1:9/gulf.xml")]
    plan = plan_import(listed, [OpmlFeed("127.0.0.1:9", "http://127.0.0.1:9/gulf.xml",
                                         named=False)])
    assert plan.listed[0].not_kept() == ""


def test_a_feed_without_a_name_goes_by_its_title_then_its_host() -> None:
    config = parse_config({"feed": [{"url": "http://127.0.0.1:9/gulf.xml"},
                                    {"url": "http://127.0.0.1:9/levant.xml"},
                                    {"name": "Gulf Brief", "url": "http://127.0.0.1:9/g2.xml"},
                                    {"url": "https://www.aljazeera.com/xml/rss/all.xml"}]})
    assert [(f.name, f.named) for f in config.feeds] == [
        ("127.0.0.1:9/gulf.xml", False), ("127.0.0.1:9/levant.xml", False),
        ("Gulf Brief", True), ("www.aljazeera.com", False)]
    titled = with_titles(config.feeds, {"http://127.0.0.1:9/gulf.xml": "Gulf Brief",
                                        "http://127.0.0.1:9/levant.xml": " Levant\n Ledger ",
                                        "http://127.0.0.1:9/g2.xml": "Not used"})
    assert [f.name for f in titled] == ["Gulf Brief (2)", "Levant Ledger", "Gulf Brief",
                                        "www.aljazeera.com"]


def test_an_empty_name_is_still_refused() -> None:
    with pytest.raises(ConfigError, match="has an empty name"):
        parse_config({"feed": [{"name": " ", "url": "http://127.0.0.1:9/a.xml"}]})


@pytest.mark.parametrize(("lang", "meant"), [("english", "'en'"), ("Farsi", "'fa'"),
                                             ("russain", "'ru'"), ("e n", None)])
def test_a_feed_lang_that_is_no_language_code_is_refused(lang: str, meant: str | None) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config({"feed": [{"name": "A", "url": "http://127.0.0.1:9/a.xml", "lang": lang}]})
    message = str(caught.value)
    assert "feed #1 lang must be a language code such as 'en'" in message
    assert (f"did you mean {meant}?" in message) if meant else "did you mean" not in message


@pytest.mark.parametrize("lang", ["en", "pt-BR", "zh_TW", "ckb"])
def test_language_codes_pass(lang: str) -> None:
    config = parse_config({"feed": [{"name": "A", "url": "http://127.0.0.1:9/a.xml",
                                     "lang": lang}]})
    assert config.feeds[0].lang == lang


def test_a_failing_feed_is_said_without_doubled_parentheses() -> None:
    assert describe(FeedFailed("www.iranintl.com", DNS_FAILURE)) == (
        "www.iranintl.com: failed: the host name could not be resolved (DNS failure)")


async def test_a_feed_without_a_name_shows_its_title_once_fetched(tmp_path: Path) -> None:
    """Pilot: the tree shows the host before the first fetch, the feed's own title after
    `R`, in the same session; the user's file keeps no name."""
    from tests.conftest import rss, write_config
    from tests.httpserver import LocalServer
    from tests.test_app_support import SIZE, main, make_app, until
    from tui.app.widgets.view_tree import ViewTree
    from tui.core.config.loader import load_config
    from tui.core.desk import Desk

    item = {"title": "Tanker seized", "guid": "g1", "pubDate": "Fri, 04 Dec 2026 07:00:00 GMT",
            "description": "Text."}
    with LocalServer() as server:
        url = server.add("/gulf.xml", body=rss([item], title="Gulf Brief"),
                         headers={"Content-Type": "text/xml"})
        path = write_config(tmp_path, [{"url": url, "extract": False}])
        before = path.read_text(encoding="utf-8")
        config = load_config(path)
        with Desk.open(config) as desk:
            app = make_app(desk, config)
            async with app.run_test(size=SIZE) as pilot:
                tree = main(app).query_one(ViewTree)

                def labels() -> list[str]:
                    return [str(n.label) for n in tree._tree_nodes.values()]

                host = url.split("/")[2]
                await until(pilot, lambda: any(label.startswith(host) for label in labels()))
                await pilot.press("R")
                await until(pilot, lambda: "Gulf Brief 1/1" in labels(), 60)
                assert not any(label.startswith(host) for label in labels())
                assert [f.name for f in desk.feeds()] == ["Gulf Brief"]
                assert desk.count("feed:\"Gulf Brief\"") == 1
    assert path.read_text(encoding="utf-8") == before
