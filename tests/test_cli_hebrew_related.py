"""`newsdesk related` for a Hebrew report: the names it shares with reports in other scripts
(Haniyeh, Hamas, Tehran, written in Hebrew with their prefixes) link it to them. A real
`newsdesk` process on a loopback feed; the text is our own."""

from __future__ import annotations

import json
from pathlib import Path

from tests.httpserver import LocalServer
from tests.test_cli import fetched_feed, newsdesk

HEBREW = "ראש הלשכה המדינית של חמאס איסמאעיל הנייה חוסל בטהרן"
ENGLISH = "Hamas political chief Ismail Haniyeh killed in Tehran"
ITEMS = [
    {"title": HEBREW, "description": "חמאס הודיעה כי הנייה נהרג בטהרן יחד עם שומר ראשו, "
     "שעות אחרי טקס ההשבעה של נשיא איראן.", "pubDate": "Wed, 31 Jul 2024 05:00:00 +0000"},
    {"title": ENGLISH, "description": "Hamas said Ismail Haniyeh was killed in a strike on "
     "his residence in Tehran hours after the Iranian president's inauguration.",
     "pubDate": "Wed, 31 Jul 2024 04:00:00 +0000"},
    {"title": "Harvest festival opens in a quiet valley", "description": "Farmers showed "
     "apples and pears at the market on Sunday.", "pubDate": "Wed, 31 Jul 2024 03:00:00 +0000"},
]


def test_related_links_a_hebrew_report_by_the_names_it_shares(server: LocalServer,
                                                              tmp_path: Path) -> None:
    config = fetched_feed(server, tmp_path, ITEMS)
    listed = newsdesk("--config", config, "list", "--json")
    ids = {row["title"]: row["id"] for row in map(json.loads, listed.stdout.splitlines())}
    done = newsdesk("--config", config, "related", str(ids[HEBREW]), "--json")
    assert done.returncode == 0, done.stderr
    related = json.loads(done.stdout)
    rows = related if isinstance(related, list) else related.get("related", related)
    assert [row["id"] for row in rows][:1] == [ids[ENGLISH]], done.stdout
