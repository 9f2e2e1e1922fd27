# ruff: noqa: RUF001  (Arabic and Persian text is the point here)
"""Arabic and Persian search as scripts see it: a loopback feed fetched by a real `newsdesk`
process, then `newsdesk list WORD` finds the words with attached proclitics. Text is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.httpserver import LocalServer
from tests.test_cli import fetched_feed, listed_titles, newsdesk

MEETING = "والتقى الوزيران في الدوحة"
RAIN = "أمطار غزيرة في المغرب"
KABUL = "وزیر خارجه به کابل رفت"
ITEMS = [
    {"title": MEETING, "description": "وناقشا الوضع في سوريا ولبنان.",
     "pubDate": "Fri, 10 Jan 2025 09:00:00 +0300"},
    {"title": RAIN, "description": "أعلنت السلطات إغلاق المدارس بالمدينة القديمة.",
     "pubDate": "Fri, 10 Jan 2025 10:00:00 +0100"},
    {"title": KABUL, "description": "او می‌خواهد درباره کتاب‌ها گفت‌وگو کند.",
     "pubDate": "Fri, 10 Jan 2025 11:00:00 +0330"},
]


@pytest.fixture
def config(server: LocalServer, tmp_path: Path) -> str:
    return fetched_feed(server, tmp_path, ITEMS)


FOUND = {"لبنان": [MEETING], "التقى": [MEETING], "ناقشا": [MEETING], "مدينة": [RAIN],
         "كتاب": [KABUL], "میخواهد": [KABUL]}


def test_list_finds_words_with_attached_prefixes(config: str) -> None:
    """One fetch, several lists: each `newsdesk` process takes seconds on a loaded machine."""
    assert {query: listed_titles(config, query) for query in FOUND} == FOUND
    assert listed_titles(config, '"ولبنان"') == [MEETING]  # quoted: as written
    missed = newsdesk("--config", config, "list", '"لبنان"')
    assert missed.returncode == 0 and missed.stdout == ""
    assert "no articles match" in missed.stderr
