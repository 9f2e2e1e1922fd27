"""Each query term against a small real cache, plus parse errors and their columns."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from tests.test_query_db import ARTICLES, NOW, ids, make_db
from tui.core.query import (
    And,
    Everything,
    Feed,
    Flag,
    Node,
    Not,
    Or,
    QueryError,
    Tag,
    Text,
    compile_query,
    explain_sql_error,
    parse,
)

ALL = set(ARTICLES)


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    db = make_db(tmp_path_factory.mktemp("query") / "cache.sqlite3")
    yield db
    db.close()


@pytest.mark.parametrize(("query", "expected"), [
    ("", ALL),
    ("   ", ALL),
    ("baghdad", {1}),
    ("BAGHDAD", {1}),
    ("iranian saudi", {1}),
    ("iranian OR kremlin", {1, 2}),
    ('"grain corridor"', {2}),
    ('"corridor grain"', set()),
    ("deleg*", {6}),
    ("стамбуле", {3}),
    ("Стамбул", {3}),  # a Russian word finds its other endings
    ("стамбулом", {3}),
    ("переговор", {3}),
    ('"стамбул"', set()),  # quoted: as written
    ("стамбульский", set()),  # a longer word is not a form of this one
    ("title:inquiry", {4}),
    ("title:judge", set()),
    ("judge", {4}),
    ('title:"port inquiry"', {4}),
    ("+iran", {1}),
    ("+IRAN", {1}),
    ("tag:gulf", {1}),
    ("+read-later", {6}),
    ("-junk", ALL - {5}),
    ("-tag:junk", ALL - {5}),
    ("-football", ALL - {5}),
    ('-"football"', ALL - {5}),
    ("-lebanon", ALL - {4}),
    ("is:unread", {1, 2, 3, 5, 7}),
    ("is:read", {4, 6}),
    ("-is:read", {1, 2, 3, 5, 7}),
    ("is:saved", {2, 4}),
    ("is:dismissed", {5}),
    ("NOT is:dismissed", ALL - {5}),
    ("feed:levant", {1, 4, 5}),
    ('feed:"Levant Ledger"', {1, 4, 5}),
    ("feed:GULF", {1, 6, 7}),
    ("-feed:levant", {2, 3, 6, 7}),
    ("feed:nowhere", set()),
    ("actor:iran", {1}),
    ('actor:"Vladimir Putin"', {2}),
    ("actor:nobody", set()),
    ("place:iran", {1}),  # "Iranian"
    ("country:iran", {1}),
    ("place:Iran", {1}),
    ("place:Иран", {1}),
    ("place:iraq", {1}),  # Baghdad
    ("place:russia", {2}),  # Moscow
    ("place:turkey", {3}),  # "в Стамбуле"
    ("place:lebanon", {4}),  # Beirut
    ("place:beirut", {4}),
    ("place:damascus", {5}),
    ("place:qatar", {6}),  # Doha and Qatar
    ("place:saudi-arabia", {1}),  # "Saudi"
    ('place:"Saudi Arabia"', {1}),
    ("place:tehran", set()),
    ("place:nowhere", set()),
    ("-place:iran lang:en", {2, 4, 5}),
    ("place:iran OR place:qatar", {1, 6}),
    ("story:7", {2, 3}),
    ("-story:7", ALL - {2, 3}),
    ("since:3h", {1, 7}),
    ("since:1d", {1, 2, 7}),
    ("since:2d", {1, 2, 3, 7}),
    ("since:1w", {1, 2, 3, 5, 7}),
    ("before:1w", {4, 6}),
    ("since:2024-07-15", ALL),
    ("before:2024-07-16", {6}),
    ("before:2024-07-15T08:30:00Z", set()),
    ("since:today", {1, 2, 7}),
    ("since:yesterday before:today", {3}),
    ("lang:ru", {3}),
    ("lang:RU", {3}),
    ("lang:en", {1, 2, 4, 5}),
    ("-lang:en", {3, 6, 7}),
    ("lang:ar", {6, 7}),  # 6 has no language of its own; its feed's is ar
    ("(+iran OR +russia) is:unread", {1, 2}),
    ("+iran OR +russia is:saved", {1, 2}),
    ("+iran OR (+russia -is:saved)", {1}),
    ("-(is:read OR is:dismissed)", {1, 2, 3, 7}),
    ("is:unread AND feed:wire", {2, 3}),
    ("talks OR grain -is:saved", {6}),
    ("doha talks -is:unread", {6}),
])
def test_terms(conn: sqlite3.Connection, query: str, expected: set[int]) -> None:
    assert ids(conn, query) == expected


def test_actor_resolver_is_used(conn: sqlite3.Connection) -> None:
    seen: list[str] = []

    def resolve(name: str) -> list[str]:
        seen.append(name)
        return ["iran", "qatar"] if name == "mediators" else []

    assert ids(conn, "actor:mediators", resolve_actor=resolve) == {1, 6}
    assert ids(conn, "actor:iran", resolve_actor=resolve) == set()
    assert seen == ["mediators", "iran"]


def test_many_actor_ids_use_one_parameter(conn: sqlite3.Connection) -> None:
    many = [f"x{i}" for i in range(500)] + ["qatar"]
    flt = compile_query("actor:any", now=NOW, resolve_actor=lambda _: many)
    assert len(flt.params) == 1
    assert ids(conn, "actor:any", resolve_actor=lambda _: many) == {6}


def test_values_are_bound_never_spliced() -> None:
    flt = compile_query("feed:\"x' OR 1=1 --\" +'; lang:xx title:zz since:2d",
                        now=NOW)
    assert "1=1" not in flt.where and "zz" not in flt.where and "xx" not in flt.where
    assert "x' or 1=1 --" in flt.params


@pytest.mark.parametrize(("query", "allowed"), [
    ("'; DROP TABLE articles; --", set()),  # trailing '-' is an error
    ("'; DROP TABLE articles;", {7}),  # the hostile headline itself
    ("feed:x' OR 1=1 --", set()),
    ("feed:x' OR 1=1", {7}),  # "1=1" is text in article 7's body
    ('feed:"x\' OR 1=1 --"', set()),
    ('+"\') OR 1=1 --"', set()),
    ("title:x') OR 1=1 OR ('", set()),
    ('lang:en" OR 1=1', set()),
    ("story:1 OR 1=1", {7}),
    ('"x" OR "1"="1"', {7}),
    ("actor:') OR 1=1 --", set()),
    ("x\" OR title:*", set()),
])
def test_injection_attempts_find_only_what_they_say(
        conn: sqlite3.Connection, query: str, allowed: set[int]) -> None:
    try:
        found = ids(conn, query)
    except QueryError:
        found = set()
    assert found <= allowed
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(ARTICLES)
    assert conn.execute("SELECT count(*) FROM feeds").fetchone()[0] == 3


def test_lang_injection_is_rejected() -> None:
    with pytest.raises(QueryError):
        parse("lang:en'--")


def test_ast_shapes() -> None:
    assert parse("a b OR c") == Or((And((Text("a"), Text("b"))), Text("c")))
    assert parse("-junk") == Not(Or((Tag("junk"), Text("junk"))))
    assert parse('-"junk"') == Not(Text("junk", phrase=True))
    assert parse("-is:read") == Not(Flag("read"))
    assert parse("pipe*") == Text("pipe", prefix=True)
    assert parse('"re:Iran"') == Text("re:Iran", phrase=True)  # quoted: the text itself


@pytest.mark.parametrize(("query", "column", "fragment"), [
    ('feed:"Levant', 6, "unclosed quote"),
    ("a (b", 3, "unclosed '('"),
    ("a b)", 4, "unmatched ')'"),
    (")", 1, "unmatched ')'"),
    ("a ()", 3, "empty parentheses"),
    ("OR a", 1, "OR needs a term before"),
    ("a OR", 3, "OR needs a term after"),
    ("a OR OR b", 3, "OR needs a term after"),
    ("AND a", 1, "AND needs a term before"),
    ("a - b", 3, "'-' must be followed"),
    ("a -", 3, "'-' must be followed"),
    ("NOT", 1, "NOT must be followed"),
    ("a -)", 3, "'-' must be followed"),
    ("-(a)" + " " * 4000, 4001, "longer than 4000"),
    ("+", 1, "'+' needs a tag name"),
    ("is:", 1, "is: needs a value"),
    ("is:new", 4, "unknown is:new"),
    ("fed:x", 1, "did you mean feed:x?"),
    ("titel:x", 1, "did you mean title:x?"),
    ("author:", 1, "did you mean actor:"),
    ("story:abc", 7, "story number"),
    ("since:2x", 7, "since: needs"),
    ("before:2024-13-01", 8, "not a valid date"),
    ("since:9999999d", 7, "since: needs"),
    ("since:99999y", 7, "too far back"),
    ("lang:english!", 6, "language code"),
    ('""', 1, "empty quotes"),
    ("*", 1, "'*' needs a word"),
    ("a \ud800", 3, "lone surrogate"),
])
def test_errors_name_the_column(query: str, column: int, fragment: str) -> None:
    with pytest.raises(QueryError) as info:
        parse(query)
    assert info.value.column == column
    assert fragment in info.value.message
    assert str(info.value) == f"column {column}: {info.value.message}"
    assert isinstance(info.value, ValueError)


FIELD_LIST = "the fields are is: tag: feed: actor: place: country: story: since: before: lang:"


@pytest.mark.parametrize(("query", "column", "hint"), [
    ("from:2024-08-01", 1, "since:2024-08-01 finds articles from then on"),
    ("date:2024-08-05", 1, "since:2024-08-05 before:2024-08-06"),
    ("iran date:yesterday", 6, "since:yesterday before:today"),
    ("source:tass", 1, "feed:tass is the outlet an article came from; actor:tass"),
    ("outlet:gulf", 1, "feed:gulf"),
    ("from:tass", 1, "feed:tass"),
    ("until:3d", 1, "before:3d"),
    ("-foo:bar", 2, "unknown field 'foo:'; to search"),
    ("(a OR Foo:bar)", 7, "unknown field 'foo:'; to search"),
    ('foo:"two words"', 1, 'quote it: "foo:two words"'),
    ("re:Iran", 1, 'quote it: "re:Iran"'),
    ("language:ru", 1, "did you mean lang:ru?"),
])
def test_an_unknown_field_is_an_error_that_says_what_to_write(
        query: str, column: int, hint: str) -> None:
    """A mistyped or guessed field used to be searched as words (no match, exit 0)."""
    with pytest.raises(QueryError) as info:
        parse(query)
    assert info.value.column == column and hint in info.value.message
    assert "unknown field" in info.value.message and FIELD_LIST in info.value.message
    assert "to search for the text itself, quote it" in info.value.message


@pytest.mark.parametrize(("query", "expected"), [
    ("10:30", set()),  # digits before the colon: a time is words
    ('"hostile headline:"', {7}),  # quoted: the text, colon and all
    ("hostile headline:", {7}),  # no value: a word ending in ':' (a pasted "Breaking:")
    ('"headline: x"', {7}),
    ("https://news.example/7", set()),  # a link, quoted or not, is words
    ('"https://news.example/7"', set()),
    ("Стамбуле:x", set()),  # letters of other scripts are never a field
    ("مصدر:قطر", set()),
    ('title:"inquiry:"', {4}),
    ("+a:b", set()),
])
def test_text_with_a_colon_that_stays_valid(
        conn: sqlite3.Connection, query: str, expected: set[int]) -> None:
    assert ids(conn, query) == expected


def test_limits_are_errors_not_crashes() -> None:
    with pytest.raises(QueryError, match="too deeply nested"):
        parse("(" * 100 + "a" + ")" * 100)
    with pytest.raises(QueryError, match="too deeply nested"):
        parse("-" * 100 + "a")
    with pytest.raises(QueryError, match="too many terms"):
        parse(" OR ".join(["a"] * 500))


def test_explain_sql_error() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY)")
    flt = compile_query("story:3", now=NOW)
    with pytest.raises(sqlite3.OperationalError) as info:
        db.execute(f"SELECT a.id FROM articles a WHERE {flt.where}", flt.params)
    err = explain_sql_error(info.value)
    assert isinstance(err, QueryError) and err.column == 1
    assert "stories" in err.message
    fts = explain_sql_error(sqlite3.OperationalError("fts5: syntax error near \"\""))
    assert "search text" in fts.message


def test_naive_and_foreign_now_are_utc(conn: sqlite3.Connection) -> None:
    from datetime import timedelta, timezone
    plus3 = NOW.astimezone(timezone(timedelta(hours=3)))
    a = compile_query("since:1d", now=plus3)
    b = compile_query("since:1d", now=NOW.replace(tzinfo=None))
    assert a.params == b.params == ("2026-11-22T12:00:00Z",)


def test_typographic_quotes_and_feed_case(conn: sqlite3.Connection) -> None:
    assert ids(conn, "feed:\u201cLevant Ledger\u201d") == {1, 4, 5}
    assert ids(conn, "\u00abgrain corridor\u00bb") == {2}
    assert ids(conn, "-title:inquiry") == ALL - {4}


def test_search_terms_for_highlighting() -> None:
    from tui.core.query import search_terms
    assert search_terms(parse('iran "grain deal" -oil title:port (a OR b) +tag')) == [
        "iran", "grain deal", "port", "a", "b"]


def test_readme_documents_every_field() -> None:
    from pathlib import Path

    from tui.core.query import FIELDS
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    language = readme[readme.index("## Query language"):readme.index("## feeds.toml")]
    assert all(f"{field}:" in language for field in FIELDS if field != "tag"), FIELDS
    assert "+tag" in language


@pytest.mark.parametrize(("query", "expected"), [
    ("«وعده", Text("وعده")),  # a guillemet copied with the word: the word, searched bare
    ("وعده»", Text("وعده")),
    ("„Курск", Text("Курск")),
    ("feed:«Эхо", Feed("Эхо")),
    ("«a» «b", And((Text("a", phrase=True), Text("b")))),
    ("«", Everything()),
])
def test_a_lone_typographic_quote_is_punctuation(query: str, expected: Node) -> None:
    assert parse(query) == expected


def test_an_unclosed_straight_quote_says_which_and_what_to_do() -> None:
    with pytest.raises(QueryError) as caught:
        parse('iran "Sergei Shoigu')
    assert caught.value.column == 6
    assert 'this " has no closing "' in caught.value.message
