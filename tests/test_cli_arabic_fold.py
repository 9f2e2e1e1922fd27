# ruff: noqa: RUF001  (Arabic and Persian text is the point here)
"""What an Arabic or Persian reader types finds what they mean, through real `newsdesk`
processes on a loopback feed: a quoted phrase folds letters and vowel marks as a bare word
does, tag, feed and view names fold Persian and Arabic letter variants (one tag, not two),
and dates take Persian digits. Text is our own."""

from __future__ import annotations

import json

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli import listed_titles, newsdesk

MARKED = "إسماعيل هَنِيَّة يصل إلى طهران لحضور المراسم"
PLAIN = "اسماعيل هنيه يلتقي الرئيس الإيراني في القصر"
EGYPTIAN = "وزير الخارجية فى طهران لبحث الملف النووي"
PERSIAN = "نشست شورای امنیت درباره ایران"
ITEMS = [(MARKED, "Tue, 30 Jul 2024 08:00:00 +0000"), (PLAIN, "Tue, 30 Jul 2024 09:00:00 +0000"),
         (EGYPTIAN, "Mon, 05 Aug 2024 10:00:00 +0000"), (PERSIAN, "Tue, 06 Aug 2024 11:00:00 +0000")]
FEED = "نامه‌های ایران"  # with a zero-width non-joiner, as Persian writes it
VIEW = '[[view]]\nname = "ملفات إيران"\nquery = "طهران"\n'


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> str:
    items = [{"title": title, "description": "نص قصير.", "link": f"http://127.0.0.1/{i}",
              "guid": f"g{i}", "pubDate": when} for i, (title, when) in enumerate(ITEMS)]
    with LocalServer() as server:
        url = server.add("/feed.xml", body=rss(items))
        path = str(write_config(tmp_path_factory.mktemp("arabic"), [(FEED, url)], extra=VIEW))
        fetched = newsdesk("--config", path, "fetch", "--no-extract")
        assert fetched.returncode == 0, fetched.stderr
    return path


def test_a_quoted_phrase_folds_letters_and_vowel_marks(config: str) -> None:
    found = {query: listed_titles(config, query) for query in (
        '"اسماعيل هنية"', '"إسماعيل هنيّة"', '"الرئيس الايراني"', '"فى طهران"',
        '"في طهران"', '"يصل إلي طهران"', '"هنية يصل"', '"طهران لبحث"')}
    assert found == {'"اسماعيل هنية"': [PLAIN, MARKED], '"إسماعيل هنيّة"': [PLAIN, MARKED],
                     '"الرئيس الايراني"': [PLAIN], '"فى طهران"': [EGYPTIAN],
                     '"في طهران"': [EGYPTIAN],
                     '"يصل إلي طهران"': [MARKED], '"هنية يصل"': [MARKED],
                     '"طهران لبحث"': [EGYPTIAN]}


def test_dates_take_persian_and_arabic_digits(config: str) -> None:
    assert listed_titles(config, "since:۲۰۲۴-۰۸-۰۵ before:٢٠٢٤-٠٨-٠٦") == [EGYPTIAN]


def test_feed_and_view_names_fold_letter_variants(config: str) -> None:
    assert len(listed_titles(config, 'feed:"نامه های ايران"')) == len(ITEMS)
    assert listed_titles(config, 'view:"ملفات ايران"') == [EGYPTIAN, MARKED]


def _ids(config: str) -> dict[str, int]:
    listed = newsdesk("--config", config, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    return {row["title"]: row["id"] for row in map(json.loads, listed.stdout.splitlines())}


def test_one_tag_however_a_keyboard_spells_it(config: str) -> None:
    ids = _ids(config)
    persian = newsdesk("--config", config, "tag", str(ids[PERSIAN]), "--add", "ایران")
    arabic = newsdesk("--config", config, "tag", str(ids[PLAIN]), "--add", "ايران")
    assert persian.returncode == 0 and arabic.returncode == 0, persian.stderr + arabic.stderr
    tags = newsdesk("--config", config, "tags")
    assert tags.returncode == 0, tags.stderr
    lines = tags.stdout.splitlines()  # one tag, of 2 articles, as first spelt
    assert len(lines) == 1 and "2" in lines[0].split() and "ایران" in lines[0], lines
    assert listed_titles(config, "tag:ايران") == [PERSIAN, PLAIN]
    assert listed_titles(config, "+ایران") == [PERSIAN, PLAIN]
