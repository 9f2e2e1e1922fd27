
"""Migration 0019 on a real cache: an Arabic article's quoted phrase is found however it is
spelt, and the tags older versions kept apart (Persian ye ایران, Arabic ya ايران) become one,
in the spelling most used; and the reader marks such a phrase where the text has it."""

from __future__ import annotations

from pathlib import Path

from tests.test_arabic_search import insert
from tests.test_query_db import ids
from tui.core.query.marks import marks, spans
from tui.core.store.db import connect
from tui.core.store.write_turns import transaction

ARTICLES = {1: ("إسماعيل هَنِيَّة يصل إلى طهران", "وصل الوفد مساء الثلاثاء."),
            2: ("نشست درباره ایران", "گفت‌وگو ادامه دارد."),
            3: ("Talks resume", "Envoys met on Sunday.")}


def test_the_migration_reindexes_phrases_and_merges_tags_one_key_now_names(
        tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    old = connect(path, migrate_to=17)
    insert(old, ARTICLES)
    with transaction(old):  # as older versions stored them: two keys
        old.executemany("INSERT INTO tags (article_id, key, tag, by_rule) VALUES (?, ?, ?, ?)",
                        [(1, "ایران", "ایران", 1), (2, "ایران", "ایران", 1),
                         (1, "ايران", "ايران", 0)])
    old.close()
    conn = connect(path)
    assert ids(conn, '"اسماعيل هنية"') == {1} and ids(conn, '"يصل إلي طهران"') == {1}
    rows = [tuple(row) for row in conn.execute(
        "SELECT article_id, key, tag, by_rule FROM tags ORDER BY article_id")]
    key = rows[0][1]  # the user's tag of article 1 stays the user's
    assert rows == [(1, key, "ایران", 0), (2, key, "ایران", 1)]
    assert ids(conn, "tag:ايران") == {1, 2}
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
    conn.close()


def test_a_quoted_arabic_phrase_is_marked_whole_where_the_text_has_it() -> None:
    text = "قال إسماعيل هَنِيَّة، ثم إسماعيل  هنيـة أمس"
    found = spans(marks('"اسماعيل هنية"'), text)
    assert [text[s:e] for s, e in found] == ["إسماعيل هَنِيَّة", "إسماعيل  هنيـة"]


def test_a_phrase_with_a_number_is_marked_with_it() -> None:
    text = "ناقش المجلس القرار ٢٢٣١ ثم القرار ١٧٠١"  # noqa: RUF001
    found = spans(marks('"القرار ٢٢٣١"'), text)
    assert [text[s:e] for s, e in found] == ["القرار ٢٢٣١"]
