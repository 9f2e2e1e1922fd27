"""What a new user typed and got wrong results for, with no word of it: `export -o x.html`,
a `list` cut at its limit, `tag --add '+priority'` / `--add 'a,b'`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.httpserver import LocalServer
from tests.test_cli import fetched_feed, newsdesk


def _items(n: int) -> list[dict[str, str]]:
    return [{"title": f"Shoigu meets commanders, report {i}", "description": "d",
             "pubDate": f"Mon, 05 Aug 2024 10:{i:02d}:00 GMT"} for i in range(n)]


def test_export_takes_the_format_from_the_file_name(server: LocalServer,
                                                    tmp_path: Path) -> None:
    config = fetched_feed(server, tmp_path, _items(2))
    html, data = tmp_path / "dossier.html", tmp_path / "dossier.json"
    assert newsdesk("--config", config, "export", "feed:wire", "-o", str(html)).returncode == 0
    assert html.read_text().lstrip().lower().startswith("<!doctype html")
    assert newsdesk("--config", config, "export", "feed:wire", "-o", str(data)).returncode == 0
    assert len(json.loads(data.read_text())) == 2
    other = tmp_path / "dossier.txt"  # no known extension: Markdown, as before
    assert newsdesk("--config", config, "export", "feed:wire", "-o", str(other)).returncode == 0
    assert other.read_text().startswith("#")
    clash = newsdesk("--config", config, "export", "--format", "md", "-o", str(tmp_path / "x.html"))
    assert clash.returncode == 2 and not (tmp_path / "x.html").exists()
    assert clash.stderr == (f"newsdesk: export: {tmp_path / 'x.html'} is named as html but "
                            "--format says md: change one of them\n")
    agreed = newsdesk("--config", config, "export", "--format", "html", "-o", str(html))
    assert agreed.returncode == 0


def test_list_says_when_its_limit_cut_the_list(server: LocalServer, tmp_path: Path) -> None:
    config = fetched_feed(server, tmp_path, _items(60))
    cut = newsdesk("--config", config, "list", "Shoigu", "--json")
    assert len(cut.stdout.splitlines()) == 50
    assert cut.stderr == "newsdesk: 50 of 60 shown; --limit 0 lists all\n"
    whole = newsdesk("--config", config, "list", "Shoigu", "--limit", "0")
    assert len(whole.stdout.splitlines()) == 60 and whole.stderr == ""
    exact = newsdesk("--config", config, "list", "--limit", "60")
    assert len(exact.stdout.splitlines()) == 60 and exact.stderr == ""
    # a limit given is the script's choice: not a word into a pipe (cron mails stderr);
    # tests/test_cli_limits.py has it said on a terminal
    fewer = newsdesk("--config", config, "search", "report 1*", "--limit", "3")
    assert len(fewer.stdout.splitlines()) == 3 and fewer.stderr == "", fewer.stderr


def test_tag_takes_the_query_form_and_commas(server: LocalServer, tmp_path: Path) -> None:
    config = fetched_feed(server, tmp_path, _items(2))
    first, second = (json.loads(line)["id"] for line in
                     newsdesk("--config", config, "list", "--json").stdout.splitlines())
    assert newsdesk("--config", config, "tag", str(first), "--add", "+priority").returncode == 0
    assert newsdesk("--config", config, "tag", str(second), "--add", "iran, #Kursk").returncode == 0

    def ids(query: str) -> list[int]:
        out = newsdesk("--config", config, "list", query, "--json").stdout
        return [json.loads(line)["id"] for line in out.splitlines()]

    assert ids("+priority") == ids("tag:priority") == [first]
    assert ids("+iran") == ids("+kursk") == [second]
    tags = json.loads(newsdesk("--config", config, "tags", "--json").stdout)
    assert sorted(t["tag"] for t in tags) == ["Kursk", "iran", "priority"]
    removed = newsdesk("--config", config, "tag", str(first), "--remove", "+priority")
    assert (removed.returncode, removed.stdout) == (0, "") and ids("+priority") == []
    assert removed.stderr == "newsdesk: 1 article untagged 'priority'\n"  # as the t dialog
    empty = newsdesk("--config", config, "tag", str(first), "--add", "+")
    assert empty.returncode == 2 and "an empty tag name" in empty.stderr
