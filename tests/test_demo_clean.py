"""A fresh `newsdesk demo` shows no failure: its first fetch said a Caspian Courier page
failed ("1 of the article pages last fetched failed"), the demo's own deliberate 404, which a
first-time user took for a broken install. The item whose text is the feed's alone now gives
no link, so there is no page to fail, and the reader still says where its text came from."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_firstrun import fresh_user, newsdesk
from tui.demo.site import load_site


def test_a_fresh_demo_lists_no_failure(tmp_path: Path) -> None:
    env = fresh_user(tmp_path)
    first = newsdesk("demo", "--fetch-only", env=env, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    said = first.stdout + first.stderr
    assert "0 failed, 57 new articles, 56 pages extracted" in said, said
    assert "page failed" not in said and "warning" not in said, said
    config = tmp_path / "home/.local/share/newsdesk/demo/feeds.toml"
    listed = newsdesk("--config", str(config), "feeds", "--json", env=env, cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    feeds = json.loads(listed.stdout)
    assert len(feeds) == 9
    for feed in feeds:
        assert (feed["name"], feed["last_error"], feed["warning"], feed["pages_failed"]) == (
            feed["name"],
            None,
            None,
            0,
        )
    [flash] = [a for a in load_site().articles if a.feed_only]
    shown = newsdesk(
        "--config", str(config), "list", "--json", "--limit", "0", env=env, cwd=tmp_path
    )
    [row] = [
        json.loads(line)
        for line in shown.stdout.splitlines()
        if json.loads(line)["title"] == flash.title
    ]
    article = json.loads(
        newsdesk(
            "--config", str(config), "show", str(row["id"]), "--json", env=env, cwd=tmp_path
        ).stdout
    )
    assert (article["body_source"], article["url"]) == ("feed-content", None)
    assert article["body"].split("\n\n")[0].startswith(flash.paragraphs[0][:40])
