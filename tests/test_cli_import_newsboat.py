"""`newsdesk import-newsboat` reads newsboat's urls file as newsboat does: tags (quoted ones
with spaces too) become feeds.toml tags, `"~Title"` names the feed, `!` (hidden) is dropped,
query feeds and programs are skipped with a reason; `--dry-run` writes nothing, as with
import-opml. Real `newsdesk` processes, a user with nothing set up but ~/.newsboat/urls."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.test_firstrun import fresh_user, newsdesk
from tui.core.config.loader import load_config

URLS = """# my feeds, as newsboat reads them
http://127.0.0.1:9/gulf.xml gulf "Middle East" "~Persian Gulf Letters"
https://127.0.0.1:9/kura.xml russia caucasus !
  http://127.0.0.1:9/wire/all.rss#top
http://127.0.0.1:9/wire/world.rss "~Wire: \\"World\\"" Russia

"query:Unread Iran:tags # \\"gulf\\" and unread = \\"yes\\""
exec:~/bin/make-feed.sh
http://127.0.0.1:9/gulf.xml gulf extra
"""


def _user(tmp_path: Path) -> dict[str, str]:
    env = fresh_user(tmp_path)
    folder = Path(env["HOME"]) / ".newsboat"
    folder.mkdir()
    (folder / "urls").write_text(URLS, encoding="utf-8")
    return env


def test_a_dry_run_lists_the_feeds_and_says_what_it_skips(tmp_path: Path) -> None:
    env = _user(tmp_path)
    result = newsdesk("import-newsboat", "--dry-run", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "+ Persian Gulf Letters  http://127.0.0.1:9/gulf.xml  ['gulf', 'Middle East', 'extra']",
        "+ 127.0.0.1:9/kura.xml  https://127.0.0.1:9/kura.xml  ['russia', 'caucasus']",
        "+ 127.0.0.1:9/wire/all.rss  http://127.0.0.1:9/wire/all.rss#top  []",
        "+ Wire: \"World\"  http://127.0.0.1:9/wire/world.rss  ['Russia']",
        "+ view Unread Iran: tag:gulf is:unread",
        "4 new feeds (0 already listed), 1 view",
        f"no feeds.toml yet: the import writes {env['HOME']}/.config/newsdesk/feeds.toml "
        "with these feeds only"]
    assert result.stderr.splitlines() == [
        "skipped: line 8: exec:~/bin/make-feed.sh: not an http(s) feed URL, skipped"]
    assert not (Path(env["HOME"]) / ".config").exists()


def test_the_import_writes_tags_and_titles_and_a_second_one_adds_nothing(
        tmp_path: Path) -> None:
    env = _user(tmp_path)
    result = newsdesk("import-newsboat", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = Path(env["HOME"]) / ".config" / "newsdesk" / "feeds.toml"
    feeds = tomllib.loads(written.read_text(encoding="utf-8"))["feed"]
    assert [(f.get("name"), f["tags"]) for f in feeds] == [  # no ~title: no name written
        ("Persian Gulf Letters", ["gulf", "Middle East", "extra"]),
        (None, ["russia", "caucasus"]), (None, []), ('Wire: "World"', ["Russia"])]
    assert [f.name for f in load_config(written).feeds][1:3] == [  # the host until fetched
        "127.0.0.1:9/kura.xml", "127.0.0.1:9/wire/all.rss"]
    again = newsdesk("import-newsboat", str(Path(env["HOME"]) / ".newsboat" / "urls"),
                     env=env, cwd=tmp_path)
    assert "0 new feeds (4 already listed)" in again.stdout
    assert "1 view" not in again.stdout  # the view is there already, under its name


def test_without_a_urls_file_it_says_where_it_looked(tmp_path: Path) -> None:
    env = fresh_user(tmp_path)
    result = newsdesk("import-newsboat", env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("newsdesk: no newsboat urls file in ")
    assert "give its path: newsdesk import-newsboat FILE" in result.stderr


def test_import_opml_given_a_urls_file_names_the_command_that_reads_it(tmp_path: Path) -> None:
    env = _user(tmp_path)
    urls = str(Path(env["HOME"]) / ".newsboat" / "urls")
    result = newsdesk("import-opml", urls, env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert f"(newsboat's urls file? newsdesk import-newsboat {urls})" in result.stderr
