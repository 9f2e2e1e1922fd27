"""A feed whose address moved for good (301, 308): followed as before, and said on that feed
while feeds.toml still names the old address, which is never rewritten behind the user's
back. A loopback server answers as two hosts (127.0.0.1 and localhost)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tui.cli import main as cli
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.refresh.summary import RefreshSummary

ITEMS = [{"title": f"Talks in Baku, day {n}", "guid": f"baku-{n}", "description": "Text.",
          "pubDate": f"0{n + 1} Jun 2025 10:00:00 GMT"} for n in range(3)]


def _warnings(desk: Desk) -> dict[str, str]:
    return {feed.name: feed.warning or "" for feed in desk.feeds()}


def test_a_feed_moved_to_another_host_is_said_on_that_feed(server: LocalServer,
                                                           tmp_path: Path) -> None:
    new = server.url("/new.xml").replace("127.0.0.1", "localhost")
    server.add("/new.xml", body=rss(ITEMS), etag='"v1"')
    server.add("/old.xml", status=301, headers={"Location": new})
    steady = server.add("/steady.xml", body=rss([{**ITEMS[0], "guid": "steady-1"}]))
    path = write_config(tmp_path, [("Moved", server.url("/old.xml")), ("Steady", steady)],
                        settings="extract = false")
    written = path.read_bytes()
    with Desk.open(load_config(path)) as desk:
        for _ in range(2):  # read, then unchanged (304 at the new address): said both times
            summary = desk.refresh()
            assert summary.feeds_failed == 0 and desk.count() == 4
            said = f"moved permanently to {new}: put that URL in feeds.toml"
            assert [w["feed"] for w in summary.warnings if said in w["warning"]] == ["Moved"]
            assert said in _warnings(desk)["Moved"] and not _warnings(desk)["Steady"]
    assert path.read_bytes() == written  # the user's file, untouched
    # the user puts the new address in: the warning goes, the articles are the same ones
    path.write_text(written.decode().replace(server.url("/old.xml"), new))
    with Desk.open(load_config(path)) as desk:
        summary = desk.refresh()
        assert summary.warnings == [] and summary.new_articles == 0, summary.as_json()
        assert summary.shared == []
        assert not _warnings(desk)["Moved"] and desk.count() == 4


def test_the_move_found_at_a_304(server: LocalServer, tmp_path: Path) -> None:
    """Moved with its validators (http -> https on one server): the new address answers 304
    to the old one's ETag, and the move is said all the same."""
    server.add("/feed.xml", body=rss(ITEMS), etag='"v1"')
    path = write_config(tmp_path, [("Wire", server.url("/feed.xml"))], settings="extract = false")
    with Desk.open(load_config(path)) as desk:
        desk.refresh()
        server.add("/v2/feed.xml", body=rss(ITEMS), etag='"v1"')
        server.add("/feed.xml", status=308, headers={"Location": "/v2/feed.xml"})
        summary = desk.refresh()
        assert summary.not_modified == 1
        assert [w["feed"] for w in summary.warnings] == ["Wire"]
        assert summary.warnings[0]["warning"].startswith(
            f"moved permanently to {server.url('/v2/feed.xml')}")
        desk.refresh()  # said once on the feed, not once per fetch
        assert _warnings(desk)["Wire"].count("moved permanently") == 1


@pytest.mark.parametrize(("hops", "moved"), [
    ([(302, "/b.xml"), (301, "/c.xml")], None),  # the address itself stays: only b moved
    ([(301, "/b.xml"), (302, "/c.xml")], "/b.xml"),  # the address to use is b
    ([(301, "/b.xml"), (308, "/c.xml")], "/c.xml"),
    ([(307, "/c.xml")], None)])
def test_only_leading_permanent_hops_move_a_feed(server: LocalServer, tmp_path: Path,
                                                 hops: list[tuple[int, str]],
                                                 moved: str | None) -> None:
    here = "/a.xml"
    for status, there in hops:
        server.add(here, status=status, headers={"Location": there})
        here = there
    server.add(here, body=rss(ITEMS))
    path = write_config(tmp_path, [("Wire", server.url("/a.xml"))], settings="extract = false")
    with Desk.open(load_config(path)) as desk:
        summary = desk.refresh()
        assert desk.count() == 3
        warning = _warnings(desk)["Wire"]
        if moved is None:
            assert "moved" not in warning and summary.warnings == []
        else:
            assert warning.startswith(f"moved permanently to {server.url(moved)}:"), warning


def test_a_long_location_is_said_whole_and_clean(server: LocalServer, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """A 5 KB Location was cut at 300 characters: no address the user could copy into
    feeds.toml. It is said whole in `feeds` and `feeds --json` (markup as plain text; an
    address over 8 KB is not followed at all), and once copied the feed's row follows it."""
    target = "/n.xml?q=" + "x" * 5000 + "[red]%1B"
    server.add("/n.xml", body=rss(ITEMS), etag='"v1"')
    server.add("/a.xml", status=301, headers={"Location": target})
    path = write_config(tmp_path, [("Wire", server.url("/a.xml"))], settings="extract = false")
    new = server.url(target)
    with Desk.open(load_config(path)) as desk:
        desk.refresh()
        warning = _warnings(desk)["Wire"]
        assert warning.startswith(f"moved permanently to {new}: put that URL in feeds.toml")
        assert "\u2026" not in warning
    assert cli(["--config", str(path), "feeds"]) == 0
    listed = capsys.readouterr().out
    assert new in listed, listed[-300:]
    assert cli(["--config", str(path), "feeds", "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said[0]["warning"].startswith(f"moved permanently to {new}:")
    path.write_text(path.read_text().replace(server.url("/a.xml"), new))
    with Desk.open(load_config(path)) as desk:
        summary = desk.refresh()
        assert summary.new_articles == 0 and summary.shared == [] and desk.count() == 3
        assert _warnings(desk)["Wire"] == ""


def test_following_the_move_keeps_the_feeds_other_warnings(server: LocalServer,
                                                          tmp_path: Path) -> None:
    """The user puts the new address in feeds.toml: the row moves and the move warning goes,
    but what the last read said beside it (items without dates) stays. All were cleared, and a
    304 at the new address writes nothing, so they were hidden until the feed changed."""
    undated = [{k: v for k, v in item.items() if k != "pubDate"} for item in ITEMS]
    new = server.url("/v2/feed.xml")
    server.add("/v2/feed.xml", body=rss(undated), etag='"v1"')
    server.add("/feed.xml", status=301, headers={"Location": "/v2/feed.xml"})
    path = write_config(tmp_path, [("Wire", server.url("/feed.xml"))], settings="extract = false")
    with Desk.open(load_config(path)) as desk:
        desk.refresh()
        before = _warnings(desk)["Wire"].split("; ")
    assert before[0].startswith("moved permanently") and len(before) == 2, before
    path.write_text(path.read_text().replace(server.url("/feed.xml"), new))
    with Desk.open(load_config(path)) as desk:
        assert _warnings(desk)["Wire"] == before[1]
        summary = desk.refresh()
        assert summary.not_modified == 1 and desk.count() == 3
        assert _warnings(desk)["Wire"] == before[1]


@contextmanager
def _moved(server: LocalServer, tmp_path: Path, new_path: str, status: int,
           location: str) -> Iterator[Desk]:
    """A feed read once, then moved for good (`status` to `location`, served at `new_path`):
    the desk after the move's read."""
    server.add("/feed.xml", body=rss(ITEMS), etag='"v1"')
    path = write_config(tmp_path, [("Wire", server.url("/feed.xml"))], settings="extract = false")
    with Desk.open(load_config(path)) as desk:
        desk.refresh()
        server.add(new_path, body=rss(ITEMS), etag='"v1"')
        server.add("/feed.xml", status=status, headers={"Location": location})
        desk.refresh()
        yield desk


def _answers_itself(server: LocalServer, desk: Desk) -> RefreshSummary:
    server.add("/feed.xml", body=rss(ITEMS), etag='"v1"')  # redirects no more
    return desk.refresh()


def test_the_move_warning_goes_when_the_address_answers_itself(server: LocalServer,
                                                               tmp_path: Path) -> None:
    """The server stops redirecting: the old address answers 304 itself. The move warning
    went only at the next full read (a 304 wrote nothing); now at that 304, and the feed's
    other warnings stay."""
    with _moved(server, tmp_path, "/v2/feed.xml", 308, "/v2/feed.xml") as desk:
        assert _warnings(desk)["Wire"].startswith("moved permanently")
        summary = _answers_itself(server, desk)
        assert summary.not_modified == 1 and summary.warnings == [], summary.as_json()
        assert _warnings(desk)["Wire"] == ""
        # a move said beside a warning of the last read: only the move goes
        server.add("/feed.xml", status=308, headers={"Location": "/v2/feed.xml"})
        desk.refresh()
        desk.conn.execute("UPDATE feeds SET last_error = last_error || '; 2 dates ignored'")
        _answers_itself(server, desk)
        assert _warnings(desk)["Wire"] == "2 dates ignored"


def test_a_move_to_an_address_with_spaces_goes_too(server: LocalServer, tmp_path: Path) -> None:
    """A Location with '; ' in it (the notes are '; '-joined): the warning names it with
    %20 and goes whole when the address answers itself again."""
    with _moved(server, tmp_path, "/v2/a;%20b.xml", 301, "/v2/a; b.xml") as desk:
        assert "a;%20b.xml" in _warnings(desk)["Wire"]
        _answers_itself(server, desk)
        assert _warnings(desk)["Wire"] == ""
