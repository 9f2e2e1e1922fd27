
"""Names in other scripts: tags have one canonical form everywhere (matched in any case, shown
as spelt; the migration merges older duplicates), and any feed or tag name round-trips
through `feed:"…"` and `tag:"…"`, typographic quotes included."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tui.core import tagnames
from tui.core.config.loader import load_config, parse_config
from tui.core.desk import Desk
from tui.core.query import Feed, Tag, parse, quote
from tui.core.store.db import connect
from tui.core.store.write_turns import transaction

ECHO = "Эхо «Москвы»"


def test_keys_fold_case_in_every_script() -> None:
    assert tagnames.key("Россия") == tagnames.key("РОССИЯ") == tagnames.key(" россия ")
    assert tagnames.key("Straße") == tagnames.key("STRASSE")  # full folding, not lower()
    assert tagnames.key("e\u0301") == tagnames.key("\u00e9")  # NFC
    assert tagnames.display("  two \t words\u200b ") == "two words"
    assert tagnames.key("\x1b[2J") == "" and tagnames.key("\x07") == ""  # a sequence whole
    assert tagnames.key("\x1b[2JIran") == "iran"


def _v4_cache_with_duplicates(path: Path) -> None:
    conn = connect(path, migrate_to=4)
    with transaction(conn):
        for i in range(1, 6):
            conn.execute("INSERT INTO articles(id, key, title, published, first_seen) "
                         "VALUES(?, ?, ?, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')",
                         (i, f"k{i}", f"Article {i}"))
        conn.executemany("INSERT INTO tags(article_id, tag) VALUES(?, ?)", [
            (1, "Iran"), (1, "iran"), (2, "iran"), (3, "iran"),  # a feed's "Iran", typed "iran"
            (3, "Россия"), (4, "россия"), (4, "Россия"), (5, "РОССИЯ"),
            (5, "gulf"), (4, "Gulf "), (2, "\x07")])  # trailing space; a tag of nothing
    conn.close()


def test_migration_merges_the_duplicates_older_versions_made(tmp_path: Path) -> None:
    path = tmp_path / "newsdesk.sqlite3"
    _v4_cache_with_duplicates(path)
    config = parse_config({"settings": {"cache_dir": str(tmp_path)}})
    with Desk.open(config) as desk:
        assert desk.conn.execute("PRAGMA user_version").fetchone()[0] >= 5
        assert desk.all_tags() == [("Gulf", 2), ("Iran", 3), ("Россия", 3)]
        assert desk.article(1).tags == ("Iran",)  # type: ignore[union-attr]
        assert desk.article(5).tags == ("Gulf", "Россия")  # type: ignore[union-attr]
        assert {r.id for r in desk.articles("tag:россия")} == {3, 4, 5}
        assert {r.id for r in desk.articles("+IRAN")} == {1, 2, 3}
        assert {r.id for r in desk.articles("-tag:Iran")} == {4, 5}


def test_one_tag_in_any_spelling(tmp_path: Path) -> None:
    config = parse_config({"settings": {"cache_dir": str(tmp_path)}})
    with Desk.open(config) as desk:
        with transaction(desk.conn):
            for i in (1, 2):
                desk.conn.execute(
                    "INSERT INTO articles(id, key, title, published, first_seen) VALUES"
                    "(?, ?, 't', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')", (i, f"k{i}"))
        desk.add_tags([1], ["Россия", "Iran"])
        desk.add_tags([1, 2], ["россия", "IRAN", "iran"])
        assert desk.all_tags() == [("Iran", 2), ("Россия", 2)]  # the first spelling stays
        desk.remove_tag([1], "iran")
        assert desk.article(1).tags == ("Россия",)  # type: ignore[union-attr]
        assert desk.rename_tag("РОССИЯ", "Russia") == 2
        assert desk.all_tags() == [("Iran", 1), ("Russia", 2)]
        assert desk.rename_tag("russia", "RUSSIA") == 2  # a change of case is a rename too
        assert desk.all_tags() == [("Iran", 1), ("RUSSIA", 2)]
        assert desk.rename_tag("iran", "russia") == 1  # merged, spelt as asked
        assert desk.all_tags() == [("russia", 2)]
        assert desk.delete_tag("RuSsIa") == 2 and desk.all_tags() == []


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=30)
       .map(str.strip).filter(bool))
def test_any_name_round_trips_through_the_query_language(name: str) -> None:
    assert parse(f"feed:{quote(name)}") == Feed(name)
    assert parse(f"tag:{quote(name)}") == Tag(name)


def test_typographic_quotes() -> None:
    assert parse(f'feed:"{ECHO}"') == Feed(ECHO)
    assert parse('feed:"„Nachrichten“ aus Berlin"') == Feed("„Nachrichten“ aus Berlin")
    assert parse("feed:«Эхо Москвы»") == Feed("Эхо Москвы")  # they still quote on their own
    assert parse("tag:“two words”") == Tag("two words")


def _echo_feed(server: LocalServer) -> str:
    items = [{"title": f"Новость {i}", "guid": f"e{i}", "description": "текст"} for i in range(3)]
    return server.add("/echo.xml", body=rss(items), headers={"Content-Type": "application/xml"})


def newsdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True,
                          timeout=120)


def test_the_cli_with_names_in_other_scripts(server: LocalServer, tmp_path: Path) -> None:
    other = server.add("/other.xml", body=rss([{"title": "Other", "guid": "o1"}]),
                       headers={"Content-Type": "application/xml"})
    config = str(write_config(tmp_path, [
        {"name": ECHO, "url": _echo_feed(server), "tags": ["Россия"], "extract": False},
        {"name": "Other", "url": other, "tags": ["Iran"], "extract": False}]))
    assert newsdesk("--config", config, "fetch").returncode == 0

    def ids(query: str) -> list[int]:
        out = newsdesk("--config", config, "list", query, "--json")
        assert out.returncode == 0, out.stderr
        return [json.loads(line)["id"] for line in out.stdout.splitlines()]

    echo = ids(f'feed:"{ECHO}"')
    assert len(echo) == 3
    assert ids("feed:эхо") == echo and ids("tag:россия") == echo and ids("+РОССИЯ") == echo
    other_id = ids("tag:iran")
    assert len(other_id) == 1
    assert newsdesk("--config", config, "tag", str(other_id[0]), "--remove", "iran") \
        .returncode == 0
    assert ids("tag:Iran") == []
    empty = newsdesk("--config", config, "rename-tag", "россия", "")
    assert empty.returncode == 2 and empty.stderr.count("\n") == 1
    assert empty.stderr.startswith("newsdesk: rename-tag: the new tag name is empty")
    assert newsdesk("--config", config, "tag", str(echo[0]), "--add", " ").returncode == 2


def test_feed_tags_in_the_config_match_typed_ones(server: LocalServer, tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, [
        {"name": ECHO, "url": _echo_feed(server), "tags": ["Россия"], "extract": False}]))
    with Desk.open(config) as desk:
        desk.refresh()
        first = desk.articles()[0].id
        desk.add_tags([first], ["россия"])
        assert desk.article(first).tags == ("Россия",)  # type: ignore[union-attr]
        assert desk.all_tags() == [("Россия", 3)]
