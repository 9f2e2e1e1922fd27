"""What a script sees: a mistyped option or query field is exit 2, not an empty result with
exit 0; a pipe to `head -1` ends quietly; small commands say what they did. Real `newsdesk`
processes on a real cache, fed by a loopback server."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli_probes import newsdesk, one_line


def _fetched(server: LocalServer, folder: Path) -> str:
    """A config whose cache holds three articles (ids 1..3, all tagged Iran) naming two
    actors (so `actors` has lines to print)."""
    items = [{"title": f"Item {i}", "guid": f"g{i}",
              "description": f"Vladimir Putin called Masoud Pezeshkian at 10:30 ({i})."}
             for i in range(3)]
    url = server.add("/a.xml", body=rss(items), headers={"Content-Type": "application/xml"})
    config = str(write_config(folder, [{"name": "A", "url": url, "tags": ["Iran"],
                                        "extract": False}]))
    assert newsdesk("--config", config, "fetch").returncode == 0
    return config


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One such cache for the tests that only read it."""
    with LocalServer() as server:
        yield _fetched(server, tmp_path_factory.mktemp("shared"))


@pytest.fixture
def cache(server: LocalServer, tmp_path: Path) -> str:
    """A cache of its own, for a test that changes it."""
    return _fetched(server, tmp_path)


@pytest.mark.parametrize(("args", "words"), [
    (["list", "--limt", "5", "iran"], ["list: unrecognized arguments: --limt",
                                       "did you mean --limit?", "(see newsdesk list --help)"]),
    (["search", "iran", "--jsn"], ["search: unrecognized arguments: --jsn",
                                   "did you mean --json?"]),
    (["export", "is:read", "--fromat", "html"], ["did you mean --format?"]),
    (["list", "--frobnicate"], ["query words that start with '--' go after a lone '--'"]),
    (["list", "-n", "5"], ["list: unrecognized arguments: -n", "did you mean --limit 5?",
                           "a query word like -x goes after a lone '--'"]),
    (["export", "iran", "-f", "md"], ["export: unrecognized arguments: -f",
                                      "a query word like -x goes after"]),
    (["show", "1", "--jsn"], ["show: unrecognized arguments: --jsn", "did you mean --json?",
                              "(see newsdesk show --help)"]),
    (["feeds", "--jsno"], ["(see newsdesk feeds --help)"]),
    (["--frob", "list"], ["newsdesk: unrecognized arguments: --frob (see newsdesk --help)"]),
])
def test_an_unknown_option_is_a_usage_error(shared: str, args: list[str],
                                            words: list[str]) -> None:
    """`list --limt 5 actor:irgc` used to search for "--limt 5 actor:irgc": exit 0."""
    one_line(newsdesk("--config", shared, *args), 2, *words)


@pytest.mark.parametrize(("word", "said"), [
    ("lsit", "unknown command 'lsit'; did you mean 'list'?"),
    ("fecth", "unknown command 'fecth'; did you mean 'fetch'?"),
    ("zzz", "unknown command 'zzz' (commands: fetch, reextract, list,"),
])
def test_a_mistyped_command_names_the_one_meant(word: str, said: str) -> None:
    """argparse alone printed all 22 commands and left the user to spot the right one."""
    one_line(newsdesk(word), 2, f"newsdesk: {said}", "(see newsdesk --help)")


def test_a_mistyped_export_leaves_the_file_alone(shared: str, tmp_path: Path) -> None:
    out = tmp_path / "d.md"
    out.write_text("last week's dossier")
    result = newsdesk("--config", shared, "export", "is:read", "--fromat", "html", "-o", str(out))
    one_line(result, 2, "--fromat")
    assert out.read_text() == "last week's dossier"


def test_options_that_argparse_takes_still_work(shared: str) -> None:
    """Prefixes (`--lim`), `=`, options anywhere, and query words after a lone `--`."""
    listed = newsdesk("--config", shared, "list", "--lim", "1", "+iran", "--js")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 1, listed.stderr
    listed = newsdesk("--config", shared, "list", "-is:read", "--limit=2")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 2, listed.stderr
    literal = newsdesk("--config", shared, "list", "--json", "--", "--limt")
    assert literal.returncode == 0 and literal.stdout == ""
    assert literal.stderr == "newsdesk: no articles match '--limt'\n"
    exported = newsdesk("--config", shared, "export", "--format", "json", "--", "-is:read")
    assert exported.returncode == 0 and exported.stdout.count('"title"') == 3


@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["actors"], ["feeds"],
                                     ["stories"], ["tags"], ["export", "+iran"], ["show", "1"]])
def test_a_reader_gone_before_the_output_ends_quietly(shared: str, command: list[str]) -> None:
    """stdout is a pipe whose reader has left (what `| head -1` leaves behind): exit 0, and
    nothing on stderr. It used to say `newsdesk: Broken pipe`, exit 1, in every run here."""
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run([sys.executable, "-m", "tui", "--config", shared, *command],
                                stdout=write, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (0, "")


def test_head_1_takes_the_first_line_and_newsdesk_exits_0(server: LocalServer,
                                                          tmp_path: Path) -> None:
    """A real `| head -1` under pipefail, with more output (1,200 rows, ~150 kB) than a pipe
    holds, so the pipe breaks in every run, not only in the runs where `head` is quick."""
    items = [{"title": f"Item {i:04d} " + "long title words " * 6, "guid": f"g{i}",
              "pubDate": f"Mon, 06 Jan 2025 {i // 60 % 24:02d}:{i % 60:02d}:00 +0000"}
             for i in range(1200)]
    url = server.add("/big.xml", body=rss(items), headers={"Content-Type": "application/xml"})
    config = str(write_config(tmp_path, [{"name": "Big", "url": url, "extract": False}]))
    assert newsdesk("--config", config, "fetch").returncode == 0
    script = ('set -o pipefail; "$1" -m tui --config "$2" list --limit 0 2>"$3" | head -1; '
              'echo "status $?"')
    for _ in range(3):
        result = subprocess.run(["bash", "-c", script, "bash", sys.executable, config,
                                 str(tmp_path / "err")], capture_output=True, text=True,
                                timeout=120)
        first, status = result.stdout.splitlines()
        assert "Item " in first and status == "status 0"
        assert (tmp_path / "err").read_text() == ""


@pytest.mark.parametrize(("query", "hint"), [
    ("from:2024-08-01", "since:2024-08-01"),
    ("date:2024-08-05", "since:2024-08-05 before:2024-08-06"),
    ("source:tass", "feed:tass"),
    ("outlet:gulf", "feed:gulf"),
    ("foo:bar", 'quote it: "foo:bar"'),
])
def test_an_unknown_field_is_a_query_error(shared: str, query: str, hint: str) -> None:
    one_line(newsdesk("--config", shared, "list", query), 2, "bad query: column 1: unknown field",
             hint, "the fields are is: tag: feed:")


def test_text_with_a_colon_still_searches(shared: str, tmp_path: Path) -> None:
    for query in ("10:30", '"from:2024"', "+iran 10:30"):
        listed = newsdesk("--config", shared, "list", query, "--json")
        assert listed.returncode == 0, (query, listed.stderr)
    assert len(newsdesk("--config", shared, "list", "10:30").stdout.splitlines()) == 3
    out = tmp_path / "x.md"
    one_line(newsdesk("--config", shared, "export", "date:2024-08-05", "-o", str(out)), 2,
             "unknown field 'date:'")
    assert not out.exists()


def test_tag_says_what_it_did_not_do(cache: str) -> None:
    one_line(newsdesk("--config", cache, "tag", "1"), 2, "nothing to do",
             "--add TAG, --remove TAG or both")
    absent = newsdesk("--config", cache, "tag", "1", "--remove", "nosuch")
    assert (absent.returncode, absent.stderr) == (0, "newsdesk: no tag 'nosuch' on article 1\n")
    assert newsdesk("--config", cache, "tag", "2", "--add", "solo").returncode == 0
    some = newsdesk("--config", cache, "tag", "1", "2", "3", "--remove", "SOLO")
    assert (some.returncode, some.stderr) == (0, "newsdesk: 1 article untagged 'SOLO'\n"
                                                 "newsdesk: no tag 'SOLO' on articles 1, 3\n")
    whole = newsdesk("--config", cache, "tag", "1", "3", "--remove", "iran")
    assert (whole.returncode, whole.stderr) == (0, "newsdesk: 2 articles untagged 'iran'\n")


def test_counts_in_the_singular(cache: str) -> None:
    assert newsdesk("--config", cache, "tag", "2", "--add", "solo").returncode == 0
    assert newsdesk("--config", cache, "rename-tag", "solo", "single").stdout == \
        "1 article retagged\n"
    assert newsdesk("--config", cache, "rename-tag", "iran", "Persia").stdout == \
        "3 articles retagged\n"
    assert newsdesk("--config", cache, "delete-tag", "single").stdout == \
        "tag removed from 1 article\n"


def test_export_says_when_nothing_matched_and_replaces_the_file(shared: str,
                                                                tmp_path: Path) -> None:
    """The file is the query's dossier after every run (never last week's, kept), and
    stderr says an older file was replaced, as the reader's E asks first."""
    out = tmp_path / "dossier.md"
    out.write_text("last week's dossier")
    result = newsdesk("--config", shared, "export", "+dossier", "-o", str(out))
    assert result.returncode == 0
    assert result.stderr == f"replaced {out}\nnewsdesk: no articles match '+dossier'\n"
    assert "0 articles" in out.read_text()
    saved = newsdesk("--config", shared, "export")  # the default query: saved articles
    assert saved.returncode == 0 and "no articles match 'is:saved'" in saved.stderr
    found = newsdesk("--config", shared, "export", "+iran", "-o", str(out))
    assert found.stderr == f"replaced {out}\n" and "3 articles" in out.read_text()
    fresh = tmp_path / "new.md"
    assert newsdesk("--config", shared, "export", "+iran", "-o", str(fresh)).stderr == \
        f"wrote {fresh}\n"
