"""A newsboat user moving over, with real `newsdesk` processes: the first run names the import
of their list, an import over the curated list the first run wrote puts theirs in its place,
one into a list of their own names what it did not take, and their query feeds become views."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.test_firstrun import fresh_user, newsdesk
from tui.core.config.firstrun import CURATED

URLS = """\
https://MEDUZA.io/rss/en/all "~Meduza (EN)" wire russia   # their English edition
http://127.0.0.1:9/gulf.xml gulf
"query:Fresh Gulf:tags # \\"gulf\\" and unread = \\"yes\\""
"query:Shoigu headlines:title =~ \\"^Shoigu\\""
"""


def _newsboat_user(tmp_path: Path) -> tuple[dict[str, str], Path]:
    env = fresh_user(tmp_path)
    urls = Path(env["HOME"]) / ".newsboat" / "urls"
    urls.parent.mkdir()
    urls.write_text(URLS, encoding="utf-8")
    return env, Path(env["HOME"]) / ".config" / "newsdesk" / "feeds.toml"


def _feeds(path: Path) -> list[dict[str, object]]:
    feeds: list[dict[str, object]] = tomllib.loads(path.read_text(encoding="utf-8"))["feed"]
    return feeds


def test_the_first_run_names_the_import_of_newsboats_list(tmp_path: Path) -> None:
    env, _ = _newsboat_user(tmp_path)
    result = newsdesk("feeds", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "first run: wrote the curated feed list" in result.stderr
    assert (f"newsdesk import-newsboat (your newsboat list, {env['HOME']}/.newsboat/urls)"
            in result.stderr)


def test_without_a_urls_file_the_first_run_names_import_opml(tmp_path: Path) -> None:
    result = newsdesk("feeds", env=fresh_user(tmp_path), cwd=tmp_path)
    assert "put your own list in its place: newsdesk import-opml FILE" in result.stderr
    assert "import-newsboat" not in result.stderr


def test_an_import_over_the_untouched_curated_list_puts_the_users_in_its_place(
        tmp_path: Path) -> None:
    env, written = _newsboat_user(tmp_path)
    newsdesk("feeds", env=env, cwd=tmp_path)  # looked around first: the curated list is there
    assert written.read_text(encoding="utf-8") == CURATED.read_text(encoding="utf-8")
    dry = newsdesk("import-newsboat", "--dry-run", env=env, cwd=tmp_path)
    assert "is still the curated list the first run wrote: the import puts these feeds in " \
           "its place (--add adds them to it instead)" in dry.stdout
    assert written.read_text(encoding="utf-8") == CURATED.read_text(encoding="utf-8")
    result = newsdesk("import-newsboat", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "in place of the curated list (--add keeps it)" in result.stdout
    assert [(f.get("name"), f["url"], f["tags"]) for f in _feeds(written)] == [
        ("Meduza (EN)", "https://MEDUZA.io/rss/en/all", ["wire", "russia"]),
        (None, "http://127.0.0.1:9/gulf.xml", ["gulf"])]
    views = tomllib.loads(written.read_text(encoding="utf-8"))["view"]
    assert views == [{"name": "Fresh Gulf", "query": "tag:gulf is:unread"}]
    assert ("skipped: line 4: query feed 'Shoigu headlines': title =~ \"^Shoigu\" has no "
            "newsdesk equivalent; not made a view") in result.stderr
    listed = newsdesk("feeds", env=env, cwd=tmp_path)
    assert "first run" not in listed.stderr and "Meduza (EN)" in listed.stdout


def test_add_keeps_the_curated_list_and_says_what_it_did_not_take(tmp_path: Path) -> None:
    env, written = _newsboat_user(tmp_path)
    newsdesk("feeds", env=env, cwd=tmp_path)
    curated = len(_feeds(written))
    result = newsdesk("import-newsboat", "--add", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(_feeds(written)) == curated + 1  # Meduza is listed already, spelt otherwise
    meduza = next(line for line in result.stdout.splitlines() if line.startswith("= "))
    assert meduza.endswith("listed already, kept as feeds.toml has it; not taken from urls: "
                           "name 'Meduza (EN)' and tag wire")
    assert "1 new feed (1 already listed), 1 view" in result.stdout


def test_an_edited_list_is_added_to_and_http_for_https_is_said(tmp_path: Path) -> None:
    env, written = _newsboat_user(tmp_path)
    written.parent.mkdir(parents=True)
    written.write_text('[[feed]]\nname = "Gulf"\nurl = "https://127.0.0.1:9/gulf.xml/"\n'
                       'tags = ["gulf"]\n', encoding="utf-8")
    result = newsdesk("import-newsboat", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert ("? http://127.0.0.1:9/gulf.xml: not added, most likely the feed listed as 'Gulf' "
            "(https://127.0.0.1:9/gulf.xml/); add it by hand if it is not") in result.stdout
    assert [f["url"] for f in _feeds(written)] == ["https://127.0.0.1:9/gulf.xml/",
                                                   "https://MEDUZA.io/rss/en/all"]
    again = newsdesk("import-newsboat", env=env, cwd=tmp_path)
    assert "0 new feeds (2 already listed)" in again.stdout  # the view is not added twice


def test_a_feed_lang_that_is_a_language_name_is_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text('[[feed]]\nname = "A"\nurl = "http://127.0.0.1:9/a.xml"\n'
                      'lang = "english"\n', encoding="utf-8")
    result = newsdesk("--config", str(config), "feeds", env=fresh_user(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"newsdesk: config error: {config}:4: feed #1 lang must be a language code such as "
        "'en', 'ru', 'ar', 'fa' or 'pt-BR', not 'english' (did you mean 'en'? lang:CODE in a "
        "query matches it)")
