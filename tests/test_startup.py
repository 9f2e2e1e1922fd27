"""`newsdesk fetch` pays only for what it uses: an unchanged refresh (every feed answers 304)
loads no parser, no extractor, no analyzer, no process pool, no event loop and no UI library.

Checked in a fresh interpreter, as a cron job runs it: the first fetch fills the cache, the
second (all 304) records every module it imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, rss, write_config
from tests.httpserver import LocalServer
from tui.core.actors.prebuilt import ENV

# Whole packages, and newsdesk modules, that an unchanged refresh must never import.
HEAVY = ("textual", "trafilatura", "feedparser", "lxml", "rich", "click", "pygments",
         "multiprocessing", "concurrent.futures.process", "ahocorasick", "tui.app",
         "tui.core.linking", "tui.core.query", "tui.core.actors.matcher",
         "tui.core.ingest.parse", "tui.core.ingest.extract", "tui.core.ingest.fastfeed",
         "tui.core.text.sanitize", "tui.core.refresh.analyzers",
         "tui.core.actors.gazetteer", "tui.core.actors.offices", "tui.core.actors.text",
         "tui.core.places", "numpy", "tui.core.visual", "tui.core.visual_parts", "platformdirs", "pickle",
         "tui.core.actors.prebuilt",
         "importlib.resources.readers",
         # plain-http feeds are asked on threads (ingest/sweep.py) first: no event loop, no
         # h11, nor the fetcher; httpx's stack is for https and pages
         "httpx", "httpcore", "anyio", "sniffio", "tui.core.ingest.origins",
         "asyncio", "h11", "tui.core.ingest.plain", "tui.core.ingest.fetch",
         "tui.core.refresh.pipeline", "tui.core.refresh.writer", "tui.core.ingest.addresses",
         "ssl", "brotli",
         "http.client", "email",
         # the records (a dataclass is about a millisecond to create, and the dataclasses
         # module loads inspect, ast, dis and tokenize: ~10 ms); the helpers every layer
         # shares are in tui.core.basics. difflib only words a mistake's hint.
         "dataclasses", "inspect", "ast", "dis", "tokenize",
         # hashlib loads OpenSSL (~3 ms): the cache keeps the data's hashes with its stamps
         "hashlib", "_hashlib",
         "tui.core.models", "tui.core.store.coverage", "difflib",
         "tui.core.refresh.prepare", "tui.core.store.entries",
         # concurrent.futures loads logging (and traceback); argparse finds the terminal's
         # width through shutil, which loads bz2 and lzma; shlex only quotes a hint
         "concurrent.futures", "logging", "shutil", "bz2", "lzma", "shlex",
         # a plainly written feeds.toml is read by config/toml_plain.py (tomllib's load and
         # its character-at-a-time read were ~15 % of the run)
         "tomllib",
         # argparse's words stay English (cli.english_argparse): no catalog lookups
         "gettext", "locale",
         # a named command loads its own module (cli/commands' commands_for), not the others
         "tui.cli.commands.reading", "tui.cli.commands.triage", "tui.cli.commands.feeds",
         "tui.cli.commands.feed_edits", "tui.cli.commands.analysis", "tui.cli.commands.tags",
         "tui.cli.commands.app", "tui.core.related_items",
         # the SQL functions that fold titles and bodies load their modules at their first
         # call, and a tag key its Arabic folding for a name not in ASCII (~3 ms of patterns);
         # zlib (and its library) only for a page
         "tui.core.arabic_search", "tui.core.search_fold", "tui.core.scripts", "zlib",
         # an all-304 fetch is done before argparse, the commands and the Desk load
         # (cli/lean_fetch.py, refresh/lean.py)
         "argparse", "tui.cli.registry", "tui.cli.commands", "tui.core.desk",
         "tui.core.desk_reads", "tui.core.refresh.analysis", "tui.core.refresh.pool",
         # nor the events it does not say, nor threading (the sweep starts no thread for
         # addresses; write_turns takes _thread's local)
         "tui.core.refresh.events", "tui.core.refresh.stopping", "threading",
         # nor pathlib (with urllib.parse, ipaddress and fnmatch), typing, re, json and
         # importlib: feeds.toml is read by config/lean_read.py, paths are os.path's, the
         # records plain classes and the JSON written by core/plain_json.py (~10 ms in all)
         "pathlib", "typing", "re", "json", "urllib", "ipaddress", "fnmatch", "importlib",
         "tui.core.config.loader", "tui.core.config.checks", "tui.cli.output",
         # a tag's forms (unicodedata) load with the first tag a fetch writes or reads
         "tui.core.tagnames", "unicodedata")

# Only what the fetch imports counts (not the stub entry ingest/__init__ puts in for httpx's
# CLI, a None): an interpreter may load modules at start-up (a site .pth
# file importing certifi, as on the CI machines, brings importlib.resources.readers).
_PROBE = """
import sys
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
before = set(sys.modules)
from tui.cli import main
code = main(["fetch", "--json", "--config", sys.argv[1]])
loaded = sorted(m for m in set(sys.modules) - before if sys.modules[m] is not None)
records = sorted(f"{m}.{k}" for m in loaded if m.startswith("tui.")
                 for k, v in vars(sys.modules[m]).items()
                 if isinstance(v, type) and v.__module__ == m and "__dataclass_fields__" in vars(v))
import json
with open(sys.argv[2], "w") as out:
    json.dump({"code": code, "modules": loaded, "records": records, "opened": opened}, out)
"""
# The dataclasses an unchanged fetch creates: each costs about a millisecond at import (a
# NamedTuple a tenth of that), and the first loads the dataclasses module. None now.
MOST_RECORDS = 0


def _fetch(config: Path, record: Path,
           env: dict[str, str] | None = None) -> tuple[dict[str, object], list[str], list[str]]:
    """The fetch's JSON summary, the modules it imported and the records (dataclasses) those
    modules made; the files it opened are in `record`."""
    done = subprocess.run([sys.executable, "-c", _PROBE, str(config), str(record)],
                          capture_output=True, text=True, cwd=REPO, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    data = json.loads(record.read_text())
    return json.loads(done.stdout), data["modules"], data["records"]


def test_unchanged_fetch_imports_nothing_heavy(server: LocalServer, tmp_path: Path) -> None:
    feeds = []
    for n in range(3):
        body = rss([{"title": f"Convoy {n}-{i} reaches the crossing", "guid": f"c-{n}-{i}",
                     "link": f"http://127.0.0.1/{n}/{i}", "description": "Aid trucks moved."}
                    for i in range(4)])
        feeds.append({"name": f"Wire {n}", "url": server.add(f"/f{n}.xml", body=body,
                                                             etag=f'"v{n}"', headers={
                                                                 "Content-Type": "application/rss+xml"}),
                      "extract": False})
    config = write_config(tmp_path, feeds)
    cold, cold_modules, _ = _fetch(config, tmp_path / "cold.json")
    assert cold["new_articles"] == 12
    assert "tui.core.ingest.parse" not in cold_modules  # parsing happens in the workers
    # As a user runs it: no NEWSDESK_PREBUILT_DIR (the tests' own), the cache folder the
    # platform's, which only a run that builds the analyzers' tools looks up.
    env = {k: v for k, v in os.environ.items() if k != ENV} | {
        "XDG_CACHE_HOME": str(tmp_path / "user-cache")}
    unchanged, modules, records = _fetch(config, tmp_path / "unchanged.json", env)
    assert unchanged["not_modified"] == 3 and unchanged["new_articles"] == 0
    loaded = [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]
    assert loaded == [], f"an unchanged refresh imported {loaded[:10]}"
    assert len(records) <= MOST_RECORDS, f"an unchanged refresh made {records}"
    # the bundled gazetteer (~1 MB with the other data files) is not read: the cold fetch
    # recorded its hash with the files' stamps, and the linker's weights' too
    from tui.core.refresh.match_sources import BUNDLED_SOURCES
    from tui.core.refresh.relink import _WEIGHTS

    opened = json.loads((tmp_path / "unchanged.json").read_text())["opened"]
    assert [opened.count(str(path)) for path in (*BUNDLED_SOURCES, _WEIGHTS)] == [0] * 6


def test_the_sources_hash_is_the_gazetteer_modules_files() -> None:
    """The unchanged check names the bundled files itself (importing the matchers cost more
    than the rest of it): they must be the files those modules load, hashed as before (then
    the matchers' versions), or every cache would re-match all its articles after each
    upgrade, not only one that bumps a version."""
    import hashlib

    from tui.core.actors.gazetteer import BUNDLED
    from tui.core.actors.offices import BUNDLED as OFFICES
    from tui.core.config.loader import parse_config
    from tui.core.refresh.analysis import Analysis, matcher_versions

    digest = hashlib.sha256(BUNDLED.read_bytes())
    for path in (OFFICES, *(OFFICES.parent / f"{name}.toml" for name in ("places", "bodies",
                                                                         "objects"))):
        digest.update(b"\0" + path.read_bytes())
    digest.update(b"\0" + matcher_versions().encode())  # then the matchers' versions
    analysis = Analysis(parse_config({}))
    analysis.actors_file = None
    assert analysis.sources().source_hash == digest.hexdigest()


def test_a_named_command_makes_only_its_own_parser() -> None:
    """`newsdesk fetch` parses with fetch's parser alone (making all 22 was 3 % of an
    unchanged fetch); a help, or a word that names no command, still makes them all, as
    argparse lists them there."""
    from tui.cli.commands import ALL
    from tui.cli.registry import build_parser, parse

    every = {c.name for c in ALL if c.name}
    words = ["fetch", "--json", "--config", "x.toml"]
    parser = build_parser(ALL, None, words)
    assert list(parser.commands) == ["fetch"]
    args = parse(parser, words)
    assert (args.command, args.json, args.config) == ("fetch", True, "x.toml")
    for words in (["-h", "fetch"], ["fetch", "--help"], ["fetchh"], [], ["--config", "x"]):
        assert set(build_parser(ALL, None, words).commands) == every, words



def test_help_wraps_at_the_width_argparse_would_find(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parsers are told the width (argparse would import shutil to find it), and it is
    the one argparse finds: $COLUMNS less 2, else the terminal's, else 80's."""
    import argparse

    from tui.cli.commands import ALL
    from tui.cli.registry import build_parser

    for columns in ("50", "132", "", "x"):
        monkeypatch.setenv("COLUMNS", columns)
        parser = build_parser(ALL, None, ["fetch"]).commands["fetch"]
        ours, stock = parser._get_formatter(), argparse.ArgumentParser._get_formatter(parser)
        assert (ours._width, ours._max_help_position) == (
            stock._width, stock._max_help_position), columns
