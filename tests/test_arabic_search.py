# ruff: noqa: RUF001, RUF003  (Arabic and Persian sentences are the point here)
"""Arabic and Persian full-text search against a small real cache: a bare word finds its forms
with attached proclitics and other spellings; quotes still mean "as written"; the index stays
right through updates, deletes and the migration that re-indexes an older cache. Our own text."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_query_db import NOW, ids
from tui.core import arabic_search
from tui.core.store.db import connect
from tui.core.store.write_turns import transaction

# id: (title, body)
ARTICLES = {
    1: ("والتقى وزيرا الخارجية في الدوحة",
        "وناقشا الوضع في سوريا ولبنان، وأكَّدا ضرورة وقف إطلاق النار."),
    2: ("أمطار غزيرة في المغرب",
        "أعلنت السلطات إغلاق المدارس بالمدينة القديمة حتى يوم الأحد."),
    3: ("وزیر خارجه به کابل رفت",
        "او می‌خواهد درباره کتاب‌ها و مرزها گفت‌وگو کند."),
    4: ("Lebanon talks resume in Doha", "Envoys from Beirut and Damascus met on Sunday."),
    5: ("Переговоры в Дохе продолжатся", "Делегации встретятся снова."),
}
ALL = set(ARTICLES)


def insert(conn: sqlite3.Connection, articles: dict[int, tuple[str, str]]) -> None:
    with transaction(conn):
        for aid, (title, body) in articles.items():
            conn.execute("INSERT INTO articles(id, key, url, title, body, published, first_seen)"
                         " VALUES (?, ?, ?, ?, ?, '2026-11-20T10:00:00Z', "
                         "'2026-11-20T10:00:00Z')",
                         (aid, f"k{aid}", f"https://news.example/{aid}", title, body))


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    db = connect(tmp_path_factory.mktemp("arabic") / "cache.sqlite3")
    insert(db, ARTICLES)
    yield db
    db.close()


@pytest.mark.parametrize(("query", "expected"), [
    ("لبنان", {1}),  # "ولبنان": and + Lebanon
    ("ولبنان", {1}),  # as written, too
    ("التقى", {1}),  # "والتقى"
    ("ناقشا", {1}),  # "وناقشا"
    ("سوريا", {1}),
    ("اكدا", {1}),  # "وأكَّدا": no vowel marks, one alef
    ("أكّدا", {1}),  # the query's own marks and hamza go too
    ("الدوحه", {1}),  # ta marbuta written as ha
    ("دوحة", {1}),  # without the article
    ("مدينة", {2}),  # "بالمدينة": in + the + city
    ("المدينة", {2}),
    ("قديمه", {2}),
    ("مغرب", {2}),
    ("لبن*", {1}),  # a prefix looks at the same forms
    ('"لبنان"', set()),  # quoted: as written
    ('"سوريا ولبنان"', {1}),  # a phrase as written
    ('"لبنان سوريا"', set()),
    ("-لبنان", ALL - {1}),
    ("لبنان سوريا", {1}),
    ("لبنان OR مدينة", {1, 2}),
    ("title:الدوحة", {1}),
    ("title:لبنان", set()),  # in the body only
    ("وزیر", {3}),  # Persian yeh
    ("وزير", {3}),  # the same word typed with Arabic yeh
    ("کابل", {3}),
    ("كابل", {3}),  # Arabic kaf
    ("میخواهد", {3}),  # typed without the zero-width non-joiner
    ("می‌خواهد", {3}),  # and with it
    ("خواهد", {3}),
    ("کتاب", {3}),  # "کتاب‌ها": books
    ("کتابها", {3}),
    ("گفتوگو", {3}),
    ("lebanon", {4}),  # other scripts as before
    ("doha", {4}),
    ("делегация", {5}),
    ("بنان", {1}),  # the cost of guessing: "لبنان" could be ل + "بنان"
])
def test_arabic_and_persian_words(conn: sqlite3.Connection, query: str,
                                  expected: set[int]) -> None:
    assert ids(conn, query) == expected


def test_forms_and_spellings() -> None:
    assert arabic_search.normalise("أَمْرِيكَا") == "امريكا"
    assert arabic_search.normalise("مدرسة") == "مدرسه"
    assert arabic_search.normalise("مستشفى") == "مستشفي"
    assert arabic_search.normalise("ﻟﺒﻨﺎﻥ") == "لبنان"  # presentation forms
    assert set(arabic_search.word_forms("وبالعراق")) == {"وبالعراق", "بالعراق", "العراق", "عراق"}
    assert set(arabic_search.word_forms("للرئيس")) == {"للرئيس", "رئيس", "لرئيس"}
    assert arabic_search.word_forms("في") == ["في"]  # no letter left alone
    assert arabic_search.query_word("لبنان") == arabic_search.MARK + "لبنان"
    assert arabic_search.query_word("Lebanon") is None
    assert arabic_search.query_word("لبنان-سوريا") is None  # two words: searched as typed


def test_text_without_arabic_script_is_indexed_unchanged() -> None:
    for text in ("Lebanon talks resume", "Переговоры в Дохе", "", "2026 – 3% ‘quoted’",
                 "a stray\u200cjoiner", "an Arabic comma، and ٢٠٢٦"):
        assert arabic_search.extra_tokens(text) == ""
    assert arabic_search.extra_tokens(None) == ""


def test_an_edited_or_deleted_article_leaves_no_stale_forms(tmp_path: Path) -> None:
    conn = connect(tmp_path / "cache.sqlite3")
    insert(conn, {1: ARTICLES[1], 2: ARTICLES[2]})
    with transaction(conn):
        conn.execute("UPDATE articles SET body = 'وصل الوفد إلى بيروت.' WHERE id = 1")
    assert ids(conn, "لبنان") == set()
    assert ids(conn, "بيروت") == {1}
    with transaction(conn):
        conn.execute("DELETE FROM articles WHERE id = 1")
    assert ids(conn, "بيروت") == set() and ids(conn, "التقى") == set()
    assert ids(conn, "مدينة") == {2}
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
    conn.close()


def test_the_migration_reindexes_arabic_articles_of_an_older_cache(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    old = connect(path, migrate_to=9)
    insert(old, ARTICLES)
    as_written = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH '\"ولبنان\"'"
    assert {row[0] for row in old.execute(as_written)} == {1}  # what the text itself holds
    old.close()
    conn = connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 10
    assert ids(conn, "لبنان") == {1} and ids(conn, "كتاب") == {3}
    assert ids(conn, '"ولبنان"') == {1} and ids(conn, "lebanon") == {4}
    assert ids(conn, "делегация") == {5}
    with transaction(conn):  # what the migration indexed, the delete trigger takes out whole
        conn.execute("DELETE FROM articles")
    vocabulary = "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, articles_fts, row)"
    conn.execute(vocabulary)
    assert conn.execute("SELECT count(*) FROM temp.vocab").fetchone()[0] == 0
    conn.close()


def test_query_compiles_to_the_marked_form() -> None:
    from tui.core.query import compile_query

    flt = compile_query("لبنان", now=NOW)
    assert flt.params == ('"' + arabic_search.MARK + 'لبنان"',)
