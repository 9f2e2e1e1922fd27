"""`export-opml` names a feed that has no `name` in feeds.toml as the tree does: by the title
its feed sent when last fetched, and by its host only when none came (it wrote the host for
every such feed). Real `newsdesk` processes, a loopback server."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli_probes import newsdesk


def test_a_feed_without_a_name_is_exported_by_its_fetched_title(server: LocalServer,
                                                                tmp_path: Path) -> None:
    items = [{"title": "Talks resume in Muscat", "guid": "m1"}]
    titled = server.add("/letters.xml", body=rss(items, "Gulf Letters"))
    down = server.add("/down.xml", status=500, body=b"down")
    config = str(write_config(tmp_path, [{"url": titled, "extract": False},
                                         {"url": down, "extract": False}]))
    before = newsdesk("--config", config, "export-opml")
    assert before.returncode == 0, before.stderr
    assert not (tmp_path / "cache").exists()  # exporting makes no cache
    newsdesk("--config", config, "fetch")
    done = newsdesk("--config", config, "export-opml")
    assert done.returncode == 0, done.stderr
    names = [(o.get("title"), o.get("xmlUrl")) for o in ET.fromstring(done.stdout).iter("outline")]
    host = down.split("/")[2]
    assert names == [("Gulf Letters", titled), (f"{host}/down.xml", down)]
