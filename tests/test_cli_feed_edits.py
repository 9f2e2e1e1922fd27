"""`newsdesk add-feed` and `remove-feed`: one feed into or out of a hand-written feeds.toml
(its comments, blank lines and order kept), the new feed fetched at once from a loopback
server, mistakes refused with a clear line and exit 2 and nothing written, and a removed
feed's articles left in the cache (saved and tagged ones for good), as the command says."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.conftest import rss
from tests.httpserver import LocalServer
from tests.test_firstrun import fresh_user, newsdesk
from tests.test_refresh import _items
from tui.core.config.feed_edits import FeedEditError, NewFeed, add_feed, remove_feed
from tui.core.config.loader import load_config
from tui.core.desk import Desk

HAND_WRITTEN = """\
# My desk: the feeds I read every morning.
[settings]
cache_dir = "cache"   # beside this file
connect_timeout = 2
read_timeout = 2

# -- Levant ---------------------------------------------------------------
[[feed]]
name = "Cedar Wire"      # Beirut wire, fast but thin
url = "{cedar}"
tags = ["levant"]

# -- Gulf -----------------------------------------------------------------
[[feed]]
name = "Gulf Letters"
url = "{gulf}"
tags = [
  "gulf",   # the whole region
  "iran",
]

# Views I keep
[[view]]
name = "Mornings"
query = "is:unread since:1d"
"""


def _write(folder: Path, cedar: str = "http://127.0.0.1:9/cedar.xml",
           gulf: str = "http://127.0.0.1:9/gulf.xml") -> Path:
    path = folder / "feeds.toml"
    path.write_text(HAND_WRITTEN.format(cedar=cedar, gulf=gulf), encoding="utf-8")
    return path


def _comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if "#" in line]


def test_add_feed_appends_after_the_feeds_keeps_every_comment_and_fetches_it(
        tmp_path: Path) -> None:
    env = fresh_user(tmp_path)
    with LocalServer() as server:
        steppe = server.add("/steppe.xml", body=rss(_items(server, "steppe", 3),
                                                      title="Steppe Courier"))
        path = _write(tmp_path)
        before = path.read_text(encoding="utf-8")
        result = newsdesk("--config", str(path), "add-feed", steppe, "--tag", "caucasus",
                          "--tag", '"Central Asia", russia', "--lang", "ru", env=env,
                          cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"added {steppe} with tags caucasus, Central Asia, russia to {path}" in result.stdout
    assert "refreshed" in result.stdout or "3 new" in result.stdout, result.stdout
    after = path.read_text(encoding="utf-8")
    assert _comments(before) == [c for c in _comments(after) if "no name" not in c]
    assert after.startswith(before.split("# Views I keep")[0].rstrip("\n"))  # nothing moved
    assert after.index(steppe) < after.index("# Views I keep")  # with the other feeds
    feeds = tomllib.loads(after)["feed"]
    assert feeds[-1] == {"url": steppe, "tags": ["caucasus", "Central Asia", "russia"],
                         "lang": "ru"}
    with Desk.open(load_config(path)) as desk:  # fetched: its articles are there at once
        assert desk.count('feed:"Steppe Courier"') == 3
        assert [f.name for f in desk.feeds()][-1] == "Steppe Courier"  # its own title
    again = newsdesk("--config", str(path), "add-feed", steppe + "/", env=env, cwd=tmp_path)
    assert again.returncode == 2 and "listed already, as 'Steppe Courier'" in again.stderr
    removed = newsdesk("--config", str(path), "remove-feed", "steppe courier", env=env,
                       cwd=tmp_path)  # by the name it shows under
    assert removed.returncode == 0, removed.stderr
    assert path.read_text(encoding="utf-8") == before


def test_no_fetch_only_writes_and_says_how_to_fetch(tmp_path: Path) -> None:
    path = _write(tmp_path)
    result = newsdesk("--config", str(path), "add-feed", "https://Example.org/rss/",
                      "--name", "Example Desk", "--no-fetch", env=fresh_user(tmp_path),
                      cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "fetch it with: newsdesk fetch 'Example Desk'" in result.stdout
    assert not (tmp_path / "cache").exists()  # nothing fetched, no cache made
    assert load_config(path).feeds[-1].name == "Example Desk"
    table = path.read_text(encoding="utf-8").split("[[feed]]")[-1]
    assert "tags" not in table  # no tag given: no `tags = []` to puzzle over
    assert tomllib.loads(path.read_text(encoding="utf-8"))["feed"][-1] == {
        "name": "Example Desk", "url": "https://Example.org/rss/"}


@pytest.mark.parametrize(("args", "said"), [
    (["http://127.0.0.1:9/CEDAR.xml/"], None),  # a path in another case is another feed
    (["HTTP://127.0.0.1:9/cedar.xml/"], "listed already, as 'Cedar Wire'"),
    (["http://127.0.0.1:9/gulf.xml"], "listed already, as 'Gulf Letters'"),
    (["https://127.0.0.1:9/gulf.xml"], "most likely the feed listed as 'Gulf Letters'"),
    (["ftp://example.org/feed"], "starts with http:// or https://"),
    (["example.org/feed"], "did you mean 'https://example.org/feed'?"),
    (["http:///feed.xml"], "names no host"),
    (["http://example.org/feed", "--lang", "english"], "did you mean 'en'?"),
    (["http://example.org/feed", "--name", "cedar wire"], "a feed is named 'Cedar Wire'"),
])
def test_a_mistake_is_refused_with_exit_2_and_nothing_written(
        tmp_path: Path, args: list[str], said: str | None) -> None:
    path = _write(tmp_path)
    before = path.read_bytes()
    result = newsdesk("--config", str(path), "add-feed", *args, "--no-fetch",
                      env=fresh_user(tmp_path), cwd=tmp_path)
    if said is None:
        assert result.returncode == 0, result.stderr
        return
    assert result.returncode == 2, result.stdout
    assert said in result.stderr and "nothing was written" in result.stderr, result.stderr
    assert result.stderr.startswith("newsdesk: add-feed: ") and result.stderr.count("\n") == 1
    assert path.read_bytes() == before


def test_remove_feed_takes_out_only_its_table_and_keeps_kept_articles(tmp_path: Path) -> None:
    env = fresh_user(tmp_path)
    with LocalServer() as server:
        cedar = server.add("/cedar.xml", body=rss(_items(server, "cedar", 3)))
        gulf = server.add("/gulf.xml", body=rss(_items(server, "gulf", 2)))
        path = _write(tmp_path, cedar, gulf)
        fetched = newsdesk("--config", str(path), "fetch", env=env, cwd=tmp_path)
        assert fetched.returncode == 0, fetched.stderr
    with Desk.open(load_config(path)) as desk:
        ids = desk.ids('feed:"Gulf Letters"')
        desk.set_saved(ids[0])
        desk.add_tags([ids[1]], ["dossier"])
    before = path.read_text(encoding="utf-8")
    result = newsdesk("--config", str(path), "remove-feed", "gulf letters", env=env,
                      cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"removed Gulf Letters ({gulf}) from {path}",
        'its 2 articles stay in the cache: in All and searches (feed:"Gulf Letters" finds '
        "them) until keep_days (90) prunes them; the 2 saved or tagged are never pruned; 2 "
        "unread: newsdesk dismiss --query 'feed:\"Gulf Letters\"' hides them from Unread"]
    after = path.read_text(encoding="utf-8")
    gone = before[before.index("[[feed]]\nname = \"Gulf"):before.index("]\n\n# Views") + 2]
    assert after == before.replace(gone, "")  # its table alone, the comments around it kept
    assert "# -- Gulf ---" in after and "# Views I keep" in after
    assert [f.name for f in load_config(path).feeds] == ["Cedar Wire"]
    with Desk.open(load_config(path)) as desk:
        assert desk.count("") == 5  # nothing deleted; the saved and tagged are kept by prune
        assert desk.count('feed:"Gulf Letters"') == 2

    back = newsdesk("--config", str(path), "add-feed", gulf, "--name", "Gulf Letters",
                    "--no-fetch", env=env, cwd=tmp_path)  # the same URL again: its row, its articles
    assert back.returncode == 0, back.stderr
    with Desk.open(load_config(path)) as desk:
        assert next(f.articles for f in desk.feeds() if f.name == "Gulf Letters") == 2
    newsdesk("--config", str(path), "remove-feed", "Gulf Letters", env=env, cwd=tmp_path)
    by_url = newsdesk("--config", str(path), "remove-feed", cedar + "/", env=env, cwd=tmp_path)
    assert by_url.returncode == 0, by_url.stderr
    assert load_config(path).feeds == ()
    assert tomllib.loads(path.read_text(encoding="utf-8"))["view"][0]["name"] == "Mornings"


def test_remove_feed_names_the_feeds_it_is_close_to(tmp_path: Path) -> None:
    path = _write(tmp_path)
    before = path.read_bytes()
    result = newsdesk("--config", str(path), "remove-feed", "Cedar Wir",
                      env=fresh_user(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert "no feed named 'Cedar Wir'" in result.stderr and "'Cedar Wire'" in result.stderr
    assert path.read_bytes() == before
    unread = newsdesk("--config", str(path), "remove-feed", "Gulf Letters",
                      env=fresh_user(tmp_path), cwd=tmp_path)
    assert "it had no articles in the cache" in unread.stdout, unread.stdout


def test_a_layout_the_edit_cannot_follow_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('feed = [{name = "A", url = "http://127.0.0.1:9/a.xml"}]\n',
                    encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(FeedEditError, match="by hand"):
        remove_feed(path, "A")
    with pytest.raises(FeedEditError, match="by hand"):
        add_feed(path, NewFeed("http://127.0.0.1:9/b.xml"))
    assert path.read_bytes() == before


def test_crlf_and_a_file_with_no_feeds(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_bytes(b"# mine\r\n[settings]\r\ncache_dir = \"cache\"\r\n")
    add_feed(path, NewFeed("http://127.0.0.1:9/a.xml", "A"))
    text = path.read_bytes()
    assert b"\n" not in text.replace(b"\r\n", b"") and text.startswith(b"# mine\r\n")
    remove_feed(path, "A")
    assert path.read_bytes() == b"# mine\r\n[settings]\r\ncache_dir = \"cache\"\r\n"


def test_a_removed_feeds_name_still_finds_its_articles_in_part_too(tmp_path: Path) -> None:
    """What stays of a removed feed is found by the name it went by, as README promises: in
    part (`feed:gulf`) as for a listed feed, and by the title a feed without a `name` showed."""
    env = fresh_user(tmp_path)
    with LocalServer() as server:
        gulf = server.add("/gulf.xml", body=rss(_items(server, "gulf", 2)))
        steppe = server.add("/steppe.xml", body=rss(_items(server, "steppe", 3),
                                                      title="Steppe Courier"))
        path = _write(tmp_path, gulf=gulf)
        added = newsdesk("--config", str(path), "add-feed", steppe, env=env, cwd=tmp_path)
        assert added.returncode == 0, added.stderr
        fetched = newsdesk("--config", str(path), "fetch", env=env, cwd=tmp_path)
        assert fetched.returncode == 0, fetched.stderr
    with Desk.open(load_config(path)) as desk:
        desk.set_saved(desk.ids('feed:"Steppe Courier"')[0])
    for name in ("Gulf Letters", "Steppe Courier"):
        removed = newsdesk("--config", str(path), "remove-feed", name, env=env, cwd=tmp_path)
        assert removed.returncode == 0, removed.stderr
    for query, count in (("feed:gulf", 2), ("feed:letters", 2), ('feed:"gulf letters"', 2),
                         ("feed:steppe", 3), ("feed:courier", 3), ("feed:cedar", 0)):
        listed = newsdesk("--config", str(path), "list", "--json", query, env=env, cwd=tmp_path)
        assert listed.returncode == 0, listed.stderr
        assert len(listed.stdout.splitlines()) == count, (query, listed.stdout, listed.stderr)


def test_a_current_feed_is_not_hidden_by_a_removed_feed_of_its_exact_name(tmp_path: Path) -> None:
    """Removed "Cedar" beside current "Cedar Wire": `feed:cedar` finds Cedar Wire (and what
    stays of Cedar), a current feed's exact name still wins, and the dismiss hint for the
    removed feed's unread leaves Cedar Wire's alone."""
    env = fresh_user(tmp_path)
    with LocalServer() as server:
        old = server.add("/old.xml", body=rss(_items(server, "old", 2), title="Cedar"))
        wire = server.add("/wire.xml", body=rss(_items(server, "wire", 3)))
        path = tmp_path / "feeds.toml"
        path.write_text(f'[settings]\ncache_dir = "cache"\nextract = false\n'
                        f'[[feed]]\nname = "Cedar"\nurl = "{old}"\n'
                        f'[[feed]]\nname = "Cedar Wire"\nurl = "{wire}"\n'
                        f'[[feed]]\nname = "Wire"\nurl = "{server.add("/w.xml", body=rss([]))}"\n',
                        encoding="utf-8")
        fetched = newsdesk("--config", str(path), "fetch", env=env, cwd=tmp_path)
        assert fetched.returncode == 0, fetched.stderr
    removed = newsdesk("--config", str(path), "remove-feed", "Cedar", env=env, cwd=tmp_path)
    assert removed.returncode == 0, removed.stderr
    with Desk.open(load_config(path)) as desk:
        assert len(desk.ids("feed:cedar")) == 5  # Cedar Wire's 3 and the removed Cedar's 2
        assert len(desk.ids('feed:"cedar wire"')) == 3
        assert len(desk.ids("feed:wire")) == 0  # the current "Wire" wins over "Cedar Wire"
        assert len(desk.ids('feed:Cedar -feed:"Cedar Wire"')) == 2
    hint = "dismiss --query 'feed:Cedar -feed:\"Cedar Wire\"'"
    assert hint in removed.stdout, removed.stdout
