# ruff: noqa: RUF001, RUF002, RUF003  (Russian, Arabic and Persian text is the point here)
"""What search treats as one, against a small real cache: ё and е, a number in ASCII,
Arabic-Indic or Persian digits, the Persian plural with its ezafe, رییس/رئیس, a name joined
to الله or written apart; and the migration that indexes an older cache again. Our own text."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_arabic_search import insert
from tests.test_query_db import ids
from tui.core import arabic_search, search_fold
from tui.core.query.marks import marks, spans
from tui.core.store.db import connect
from tui.core.store.write_turns import transaction

# id: (title, body)
ARTICLES = {
    1: ("Договор о партнёрстве подписан", "Стороны обсудили судьбу заключённого журналиста."),
    2: ("Совбез ООН обсудил резолюцию 2231", "Срок действия резолюции истекает в октябре."),
    3: ("شورای امنیت درباره قطعنامه ۲۲۳۱ بحث کرد",
        "تحریم‌های اقتصادی و رسانه‌های خارجی؛ رییس جمهور سخن گفت."),
    4: ("مجلس الأمن يناقش القرار ٢٢٣١", "استمر الاجتماع ٣ ساعات قبل أن يتحدث حسن نصر الله."),
    5: ("نصرالله و عبدالله در تهران", "رئیس‌جمهور گفت تحریم ها برداشته نمی‌شود."),
    6: ("Harvest fair opens", "Farmers brought 180 kinds of apples; nobody mentioned sanctions."),
}


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    db = connect(tmp_path_factory.mktemp("fold") / "cache.sqlite3")
    insert(db, ARTICLES)
    yield db
    db.close()


@pytest.mark.parametrize(("query", "expected"), [
    ("партнерстве", {1}),  # typed with е, written with ё
    ("партнёрстве", {1}),
    ("ПАРТНЕРСТВО", {1}),  # another ending, any case
    ("заключенного", {1}),
    ('"заключенного журналиста"', {1}),  # a quoted phrase folds too
    ("title:партнерстве", {1}),
    ("2231", {2, 3, 4}),  # the number in three digit systems
    ("۲۲۳۱", {2, 3, 4}),
    ("٢٢٣١", {2, 3, 4}),
    ("3 ساعات", {4}),
    ("٣ ساعات", {4}),
    ("۳ ساعات", {4}),
    ("180", {6}),
    ("تحریم‌ها", {3, 5}),  # the plural finds it with its ezafe (های) and written apart
    ("تحریم‌های", {3, 5}),
    ("رسانه‌ها", {3}),
    ("رسانه‌های", {3}),
    ("رییس جمهور", {3, 5}),  # رییس and رئیس
    ("رئیس جمهور", {3, 5}),
    ("نصرالله", {4, 5}),  # joined, and written apart
    ("نصر الله", {4, 5}),
    ("عبد الله", {5}),
    ("عبدالله", {5}),
])
def test_search_treats_variants_as_one(conn: sqlite3.Connection, query: str,
                                       expected: set[int]) -> None:
    assert ids(conn, query) == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("تحریم", {3, 5}),  # its parts, as before
    ("ایران", set()),  # nothing else grew: a word is not found by its adjective's ی
    ("عليها", set()),
    ("الله", {4, 5}),
    ("نصر", {4, 5}),  # Nasr, whether joined to الله or not
    ("жур*", {1}),
])
def test_the_variants_do_not_flood(conn: sqlite3.Connection, query: str,
                                   expected: set[int]) -> None:
    assert ids(conn, query) == expected


def test_fold_keeps_every_offset() -> None:
    text = "Ёлка и ёж: ۲۲۳۱ и ٣"
    assert search_fold.fold(text) == "Елка и еж: 2231 и 3"
    assert search_fold.fold("plain") == "plain"


def test_index_text_is_left_to_sqlite_when_nothing_folds() -> None:
    for text in ("Lebanon talks resume", "Переговоры в Дохе", "", "2026 – 3% ‘quoted’"):
        assert search_fold.fts_text(text.encode()) is None
    assert search_fold.fts_text(None) is None
    assert search_fold.fts_text("Ещё".encode()) == "Еще"
    assert search_fold.fts_text("قرار ٢٢٣١".encode()).startswith("قرار 2231\n")


def test_persian_forms() -> None:
    assert arabic_search.query_word("تحریم‌های") == arabic_search.MARK + "تحريمها"
    assert arabic_search.query_word("رییس") == arabic_search.query_word("رئیس")
    assert "تحريمها" in arabic_search.run_forms("تحریم‌های")
    assert {"نصر", "الله"} <= set(arabic_search.run_forms("نصرالله"))
    assert "فب" not in arabic_search.run_forms("فبالله")  # "by God": no name in it
    assert "ايران" not in arabic_search.run_forms("ایرانی")
    assert [run for _, _, run in arabic_search.joined_runs("حسن نصر الله و تحریم ها")] == [
        "نصرالله", "تحریمها"]


def test_marks_find_what_the_search_found() -> None:
    body = ARTICLES[1][1]
    found = spans(marks("заключенного"), body)
    assert [body[s:e] for s, e in found] == ["заключённого"]
    arabic = ARTICLES[4][1]
    assert [arabic[s:e] for s, e in spans(marks("3"), arabic)] == ["٣"]
    assert [arabic[s:e] for s, e in spans(marks("نصرالله"), arabic)] == ["نصر الله"]


def test_an_edited_article_leaves_no_stale_folded_words(tmp_path: Path) -> None:
    conn = connect(tmp_path / "cache.sqlite3")
    insert(conn, {1: ARTICLES[1], 4: ARTICLES[4]})
    with transaction(conn):
        conn.execute("UPDATE articles SET body = 'Ничего нового.' WHERE id = 1")
        conn.execute("DELETE FROM articles WHERE id = 4")
    assert ids(conn, "заключенного") == set() and ids(conn, "2231") == set()
    assert ids(conn, "партнерстве") == {1}
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
    conn.close()


def test_the_migration_indexes_an_older_cache_again(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    old = connect(path, migrate_to=13)
    insert(old, ARTICLES)
    assert ids(old, "партнерстве") == set() and ids(old, "2231") == {2}
    old.close()
    conn = connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 14
    assert ids(conn, "партнерстве") == {1} and ids(conn, "2231") == {2, 3, 4}
    assert ids(conn, "نصرالله") == {4, 5} and ids(conn, "Harvest") == {6}
    with transaction(conn):  # what the migration indexed, the delete trigger takes out whole
        conn.execute("DELETE FROM articles")
    conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, articles_fts, row)")
    assert conn.execute("SELECT count(*) FROM temp.vocab").fetchone()[0] == 0
    conn.close()
