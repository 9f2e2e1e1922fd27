"""Property tests: any text parses or raises QueryError with a sane column; whatever parses
compiles to SQL that SQLite (and FTS5) accept; nothing can change the tables."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_query_db import ARTICLES, NOW, make_db
from tui.core.query import QueryError, compile_query, parse

FRAGMENTS = [
    " ", " ", "  ", "a", "iran", "Baghdad", "стамбуле", "-", "+", ":", '"', "\\", "(", ")", "*",
    "'", ";", "--", "OR", " OR ", "AND ", "NOT ", "is:", "unread", "read", "feed:", "tag:",
    "actor:", "story:", "7", "since:", "before:", "2d", "3h", "1w", "2024-08-01", "today",
    "lang:", "ru", "title:", "x", "1=1", "DROP TABLE articles", "\x00", "\t", "é", "\u0627", "🙂",
    "^", "NEAR(", "{title}", "\"\"", "%", "_",
]
query_like = st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join)
any_text = st.text(max_size=60) | query_like


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    db = make_db(tmp_path_factory.mktemp("props") / "cache.sqlite3")
    yield db
    db.close()


@settings(max_examples=600, deadline=None)
@given(any_text)
def test_parse_succeeds_or_raises_query_error_with_a_column(text: str) -> None:
    try:
        parse(text)
    except QueryError as exc:
        assert 1 <= exc.column <= len(text) + 1
        assert exc.message and str(exc).startswith(f"column {exc.column}: ")


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text)
def test_parseable_queries_run_on_a_real_cache(conn: sqlite3.Connection, text: str) -> None:
    try:
        flt = compile_query(text, now=NOW)
    except QueryError:
        return
    assert all(isinstance(p, (str, int)) for p in flt.params)
    rows = conn.execute(f"SELECT a.id FROM articles a WHERE {flt.where}", flt.params).fetchall()
    assert {r[0] for r in rows} <= set(ARTICLES)
    # negating a whole query must give exactly the complement
    neg = conn.execute(f"SELECT a.id FROM articles a WHERE NOT ({flt.where})",
                       flt.params).fetchall()
    assert {r[0] for r in rows} | {r[0] for r in neg} == set(ARTICLES)
    assert not {r[0] for r in rows} & {r[0] for r in neg}
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(ARTICLES)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_quoted_text_is_valid_fts(conn: sqlite3.Connection, text: str) -> None:
    """Whatever the user puts inside quotes, FTS5 never sees a syntax error."""
    query = '"' + re.sub(r'(["\\\u201c\u201d\u201e\u00ab\u00bb])', r"\\\1", text) + '"'
    try:
        flt = compile_query(query, now=NOW)
    except QueryError:
        assert not text.strip() or any("\ud800" <= c <= "\udfff" for c in text)
        return
    conn.execute(f"SELECT a.id FROM articles a WHERE {flt.where}", flt.params).fetchall()
