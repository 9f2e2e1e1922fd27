# ruff: noqa: RUF001, RUF002  (Russian, Arabic and Persian text is the point here)
"""Search as a Russian, Arabic or Persian reader types it, through real `newsdesk` processes
on a loopback feed: е finds ё, a number finds it in any of three digit systems, a Persian
plural finds it with its ezafe, a name joined finds it apart, a pasted guillemet is no error;
and `newsdesk actors` keeps its kind column in line. Text is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.httpserver import LocalServer
from tests.test_cli import fetched_feed, listed_titles, newsdesk

TREATY = "Договор о партнёрстве подписан в Москве"
COUNCIL = "Security Council debates resolution 2231"
PERSIAN = "شورای امنیت درباره قطعنامه ۲۲۳۱ بحث کرد"
ARABIC = "مجلس الأمن يناقش القرار ٢٢٣١"
ITEMS = [
    {"title": TREATY, "description": "Стороны обсудили судьбу заключённого журналиста.",
     "pubDate": "Fri, 10 Jan 2025 09:00:00 +0300"},
    {"title": COUNCIL, "description": "The Islamic Revolutionary Guard Corps said nothing.",
     "pubDate": "Fri, 10 Jan 2025 10:00:00 +0000"},
    {"title": PERSIAN, "description": "تحریم‌های اقتصادی؛ رییس جمهور از «وعده» سخن گفت.",
     "pubDate": "Fri, 10 Jan 2025 11:00:00 +0330"},
    {"title": ARABIC, "description": "استمر الاجتماع ٣ ساعات قبل أن يتحدث حسن نصر الله.",
     "pubDate": "Fri, 10 Jan 2025 12:00:00 +0300"},
]


@pytest.fixture
def config(server: LocalServer, tmp_path: Path) -> str:
    return fetched_feed(server, tmp_path, ITEMS)


FOUND = {
    "партнерстве": [TREATY], "заключенного": [TREATY], '"заключенного журналиста"': [TREATY],
    "2231": [COUNCIL, ARABIC, PERSIAN], "۲۲۳۱": [COUNCIL, ARABIC, PERSIAN],
    "3 ساعات": [ARABIC], "تحریم‌ها": [PERSIAN], "رئیس جمهور": [PERSIAN],
    "نصرالله": [ARABIC], "«وعده": [PERSIAN],
}


def test_list_finds_what_a_reader_takes_as_one_word(config: str) -> None:
    """One fetch, several lists: each `newsdesk` process takes seconds on a loaded machine."""
    assert {query: listed_titles(config, query) for query in FOUND} == FOUND


def test_an_unclosed_straight_quote_names_the_quote(config: str) -> None:
    done = newsdesk("--config", config, "list", '"Security Council')
    assert done.returncode == 2
    assert 'column 1: unclosed quote: this " has no closing "' in done.stderr


def test_actors_keep_their_kind_column_in_line(config: str) -> None:
    done = newsdesk("--config", config, "actors")
    assert done.returncode == 0, done.stderr
    rows = done.stdout.splitlines()
    assert any("Islamic Revolutionary Guard Corps" in row for row in rows), rows
    kinds = {row.rindex(f" {row.split()[-2]} ") for row in rows}
    assert len(kinds) == 1, rows
