"""`newsdesk demo` run again, on another port or while one runs: the same 57 articles with the
user's read, saved and tags, and the user's feeds.toml as they left it (only the port in the
demo feed URLs follows the server)."""

from __future__ import annotations

import json
import re
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.test_firstrun import fresh_user, newsdesk
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.demo.cache import adopt_cache
from tui.demo.config import demo_port, point_at
from tui.demo.server import DemoServer, RunningDemo, open_demo, serves_this_site, write_demo_config
from tui.demo.site import load_site

PORT = re.compile(r"127\.0\.0\.1:(\d+)/")


@contextmanager
def holding(port: int) -> Iterator[None]:
    """Something else listens on `port` (not a demo): the next demo must take another."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))
        sock.listen()
        yield


def articles(config: Path, env: dict[str, str], cwd: Path) -> dict[str, dict[str, object]]:
    """title -> (id, read, saved, tags), from the CLI."""
    listed = newsdesk("--config", str(config), "list", "--json", "--limit", "0", env=env,
                      cwd=cwd)
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines() if line]
    return {r["title"]: {k: r[k] for k in ("id", "read", "saved", "tags")} for r in rows}


def test_a_demo_on_another_port_keeps_articles_state_and_the_users_file(tmp_path: Path) -> None:
    env = fresh_user(tmp_path)
    first = newsdesk("demo", "--fetch-only", env=env, cwd=tmp_path)
    assert first.returncode == 0 and "57 new articles" in first.stdout, first.stderr
    config = tmp_path / "home/.local/share/newsdesk/demo/feeds.toml"
    before = articles(config, env, tmp_path)
    ids = sorted(int(str(a["id"])) for a in before.values())
    for verb in ("read", "save"):
        assert newsdesk("--config", str(config), verb, str(ids[0]), str(ids[1]), env=env,
                        cwd=tmp_path).returncode == 0
    assert newsdesk("--config", str(config), "tag", str(ids[2]), "--add", "осень", env=env,
                    cwd=tmp_path).returncode == 0
    with Desk.open(load_config(config)) as desk:  # what `V` does
        desk.save_view("ИРГЦ осень", "actor:irgc")
    text = config.read_text(encoding="utf-8")
    text = text.replace('cache_dir = "cache"\n',
                        'cache_dir = "cache"\nbrowser = "w3m %u"  # mine\n')
    text += ('\n# my own feed, and keys\n[[feed]]\nname = "Mine"\n'
             'url = "http://127.0.0.1:9/mine/feed.xml"\n\n[keys]\ntoggle_saved = "S"\n')
    config.write_text(text, encoding="utf-8")
    marked = articles(config, env, tmp_path)
    old_port = int(PORT.findall(text)[0])

    with holding(old_port):
        again = newsdesk("demo", "--fetch-only", env=env, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "0 new articles" in again.stdout, again.stdout
    after = config.read_text(encoding="utf-8")
    new_port = int(PORT.findall(after)[0])
    assert new_port != old_port
    # every byte the same but the demo feeds' port (the user's own feed on :9 too)
    assert after == text.replace(f"127.0.0.1:{old_port}/", f"127.0.0.1:{new_port}/")
    assert after.count(f"127.0.0.1:{new_port}/") == 9 and "127.0.0.1:9/mine" in after
    assert "ИРГЦ осень" in [v.name for v in load_config(config).views]
    assert articles(config, env, tmp_path) == marked  # same ids, read, saved, tags
    assert len(marked) == 57
    citing = marked["Why Pezeshkian's 'strategic partner' line for Moscow matters"]["id"]
    shown = newsdesk("--config", str(config), "show", str(citing), "--json", env=env,
                     cwd=tmp_path)
    assert [link["url"] for link in json.loads(shown.stdout)["links"]] == [  # O opens it live
        f"http://127.0.0.1:{new_port}/tehran-wire-review/shoigu-arrives-in-tehran.html"]

    # a demo already serving the file's port is shared: nothing fetched twice, file untouched
    with DemoServer(port=new_port):
        third = newsdesk("demo", "--fetch-only", env=env, cwd=tmp_path)
    assert third.returncode == 0, third.stderr
    assert "(9 unchanged)" in third.stdout and "0 new articles" in third.stdout, third.stdout
    assert config.read_text(encoding="utf-8") == after
    assert articles(config, env, tmp_path) == marked


def test_open_demo_takes_the_files_port_shares_a_demo_and_avoids_others(tmp_path: Path) -> None:
    with DemoServer() as first:
        path = write_demo_config(tmp_path, first)
        assert demo_port(path) == first.port
        shared = open_demo(first.port)
        assert isinstance(shared, RunningDemo) and shared.base_url == first.base_url
        shared.close()
        port = first.port
    with open_demo(port) as again:  # free again: the same port
        assert isinstance(again, DemoServer) and again.port == port
    with holding(port), open_demo(port) as other:  # held by something else: another port
        assert isinstance(other, DemoServer) and other.port != port
    assert demo_port(tmp_path / "none.toml") == 0


def test_a_shared_demo_takes_the_port_over_when_the_first_quits() -> None:
    """Two demos share the first's server; when the first quit, the second's R failed on
    every feed until it was restarted."""
    site = load_site()
    first = DemoServer(site)
    port = first.port
    second = open_demo(port, site)
    assert isinstance(second, RunningDemo)
    try:
        first.close()
        deadline = time.monotonic() + 10
        while not serves_this_site(site, port) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert serves_this_site(site, port), "the second demo did not take the port over"
    finally:
        second.close()
    assert not serves_this_site(site, port)  # and let go of it when it quit


def test_point_at_changes_only_demo_urls() -> None:
    served = RunningDemo(load_site(), "http://127.0.0.1:5555")
    text = ("\ufeff# mine\r\n[[feed]]\r\nname = 'x'\r\n"
            "url = 'http://127.0.0.1:1/levant-ledger/feed.xml'  # kept comment\r\n"
            '[[feed]]\nurl = "http://127.0.0.1:1/not-a-demo-outlet/feed.xml"\n'
            'query = "url = \\"http://127.0.0.1:1/levant-ledger/feed.xml\\""\n')
    assert point_at(text, served) == text.replace(
        "url = 'http://127.0.0.1:1/", "url = 'http://127.0.0.1:5555/", 1)


def test_copies_an_older_version_made_fold_into_the_first(tmp_path: Path) -> None:
    """A cache from before the guids were free of the port: the article's key held the port,
    so each port stored a copy. The demo's start folds them, the user's marks kept."""
    with DemoServer() as old:
        desk = Desk.open(load_config(write_demo_config(tmp_path, old)))
        desk.refresh(extract=False)
        conn = desk.conn
        # the feed-only item gave its page's link then
        [flash] = [a for a in load_site().articles if a.feed_only]
        conn.execute("UPDATE articles SET url = ? WHERE url IS NULL", (old.base_url + flash.path,))
        # keys as the old feeds gave them: permalink guids and RDF abouts were the page URL
        conn.execute("UPDATE articles SET key = 'guid:' || url WHERE key LIKE "
                     "'guid:tag:demo.newsdesk,2024:%' AND url NOT LIKE '%/gulf-dispatch/%'")
        conn.commit()
        first = {r[0]: r[1] for r in conn.execute("SELECT id, title FROM articles")}
        ids = sorted(first)
        desk.set_read(ids[:3])
        desk.set_saved(ids[3])
        desk.add_tags([ids[4]], ["kept"])
        desk.close()
    with DemoServer() as new:
        desk = Desk.open(load_config(write_demo_config(tmp_path, new)))
        summary = desk.refresh(extract=False)
        assert summary.new_articles == 42  # what an older version's cache got on a new port
        adopted = adopt_cache(desk.conn, new)
        assert (adopted.merged, adopted.feeds) == (42, 18)
        conn = desk.conn
        assert {r[0]: r[1] for r in conn.execute("SELECT id, title FROM articles")} == first
        assert sorted(r[0] for r in conn.execute("SELECT id FROM articles WHERE read")) == ids[:3]
        assert desk.article(ids[3]).saved and "kept" in desk.article(ids[4]).tags
        urls = [r[0] for r in conn.execute("SELECT url FROM articles UNION ALL "
                                           "SELECT url FROM feeds")]
        assert all(u.startswith(new.base_url + "/") for u in urls if u)
        assert conn.execute("SELECT count(*) FROM feeds").fetchone()[0] == 9
        assert adopt_cache(conn, new).moved == 0  # a second start has nothing to do
        again = desk.refresh(extract=False)
        assert again.new_articles == 0
        desk.close()


def test_a_folder_whose_file_names_no_demo_feed_is_left_as_it_is(tmp_path: Path) -> None:
    env = fresh_user(tmp_path)
    own = tmp_path / "own"
    own.mkdir()
    text = '# mine\n[settings]\ncache_dir = "cache"\n\n[keys]\ntoggle_saved = "S"\n'
    (own / "feeds.toml").write_text(text, encoding="utf-8")
    run = newsdesk("demo", "--fetch-only", "--dir", str(own), env=env, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "names none of the demo's feeds, and was left as it is" in run.stderr
    assert (own / "feeds.toml").read_text(encoding="utf-8") == text
    (own / "feeds.toml").write_text("[settings\n", encoding="utf-8")  # broken: said, not replaced
    broken = newsdesk("demo", "--fetch-only", "--dir", str(own), env=env, cwd=tmp_path)
    assert broken.returncode == 2 and "line 1" in broken.stderr
    assert (own / "feeds.toml").read_text(encoding="utf-8") == "[settings\n"
