"""An OPML import on a fresh install (no feeds.toml yet) is the user's own list: a dry run
writes nothing at all, and the import writes a feeds.toml of the imported feeds only, not the
curated 32 under them; `export-opml --curated` gives the curated list to import if wanted."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.test_firstrun import fresh_user, newsdesk

OPML = """<?xml version="1.0"?>
<opml version="1.0"><head><title>newsboat - Exported Feeds</title></head><body>
<outline type="rss" xmlUrl="http://127.0.0.1:9/gulf.xml" htmlUrl="http://127.0.0.1:9/"
 title="Persian Gulf Letters" text="Persian Gulf Letters"/>
<outline type="rss" xmlUrl="http://127.0.0.1:9/kura.xml" title="Kura River Notes"
 text="Kura River Notes"/>
</body></opml>
"""


def _files(home: Path) -> list[str]:
    return sorted(str(p.relative_to(home)) for p in home.rglob("*"))


def test_a_dry_run_on_a_fresh_install_writes_nothing(tmp_path: Path) -> None:
    env = fresh_user(tmp_path)
    (tmp_path / "out.opml").write_text(OPML, encoding="utf-8")
    result = newsdesk("import-opml", "out.opml", "--dry-run", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no "first run: wrote the curated feed list"
    assert "2 new feeds (0 already listed)" in result.stdout
    assert "with these feeds only" in result.stdout
    assert _files(Path(env["HOME"])) == []  # no feeds.toml, no cache


def test_an_import_on_a_fresh_install_writes_the_imported_feeds_only(tmp_path: Path) -> None:
    env = fresh_user(tmp_path)
    home = Path(env["HOME"])
    (tmp_path / "out.opml").write_text(OPML, encoding="utf-8")
    result = newsdesk("import-opml", "out.opml", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "yours only" in result.stdout and "export-opml --curated" in result.stdout
    written = home / ".config" / "newsdesk" / "feeds.toml"
    config = tomllib.loads(written.read_text(encoding="utf-8"))
    assert [f["name"] for f in config["feed"]] == ["Persian Gulf Letters", "Kura River Notes"]
    assert not (home / ".cache").exists()
    listed = newsdesk("feeds", "--json", env=env, cwd=tmp_path)
    assert listed.returncode == 0 and listed.stdout.count('"name"') == 2, listed.stdout
    # The curated list, wanted after all: exported from the package and imported on top.
    curated = newsdesk("export-opml", "--curated", "-o", "c.opml", env=env, cwd=tmp_path)
    assert curated.returncode == 0, curated.stderr
    added = newsdesk("import-opml", "c.opml", env=env, cwd=tmp_path)
    assert "added 32 feeds" in added.stdout, added.stdout
    again = newsdesk("import-opml", "out.opml", env=env, cwd=tmp_path)
    assert "0 new feeds (2 already listed)" in again.stdout


def test_an_import_into_a_named_config_that_does_not_exist_yet(tmp_path: Path) -> None:
    env = fresh_user(tmp_path)
    (tmp_path / "out.opml").write_text(OPML, encoding="utf-8")
    result = newsdesk("--config", "mine.toml", "import-opml", "out.opml", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    config = tomllib.loads((tmp_path / "mine.toml").read_text(encoding="utf-8"))
    assert len(config["feed"]) == 2
    assert _files(Path(env["HOME"])) == []
