"""Hostile feeds, round 11: a huge body in the analyzers' text halves. A feed item's 9 MB
one-line body took a pool worker from ~200 MB to 1.35 GB in the links' half (every word's
token, stem and MinHash digest held at once), and a body dense with place names took the
places' and unlisted names' halves hours (each name found checked against each kept). They
read the first `ANALYSED_CHARS` of a body now; the stored body stays whole."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from tui.core.refresh.analyzer import ANALYSED_CHARS, Sources, TextItem, analysed
from tui.core.refresh.analyzers import analyse_texts
from tui.core.refresh.match_sources import sources_digest

ROOT = Path(__file__).resolve().parents[1]
LEAD = "The envoy arrived in Tehran on Monday for talks with Putin on the corridor and trade. "

CHILD = """
import json, resource, sys, time
from tui.core.refresh.analyzer import Sources, TextItem
from tui.core.refresh.analyzers import analyse_texts, warm_analysis
from tui.core.refresh.match_sources import sources_digest
sources = Sources(None, sources_digest(None), None)
warm_analysis(sources)
small = TextItem(1, "Talks in Tehran", "The envoy arrived in Tehran.", "2026-01-05T10:00:00Z")
analyse_texts([small], sources)
lead = sys.argv[1]
body = lead + "".join(f"w{n:x}q " for n in range(1_500_000))  # ~11 MB, 1.5M distinct words
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
cpu = time.process_time()
found = analyse_texts([TextItem(2, "Talks in Tehran", body, "2026-01-05T10:00:00Z")], sources)
cpu = time.process_time() - cpu
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(json.dumps({"cpu": cpu, "grown_mb": grown / 1024, "names": sorted(found[0])}))
"""


def test_a_body_of_a_million_distinct_words_is_read_in_bounded_memory(tmp_path: Path) -> None:
    """A child process (a pool worker's shape): before, the links' half grew it by ~1.1 GB
    and took ~6 s; now its peak grows by a few MB (the body itself is ~11 MB)."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, LEAD],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(tmp_path)},
    )
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert "links" in got["names"], got
    assert got["grown_mb"] < 250, got
    assert got["cpu"] < 5, got


def test_a_body_dense_with_names_is_read_in_bounded_time() -> None:
    """376,000 characters of place and people names: 43 s of CPU before (the places' half:
    each place found against each kept); ~1-3 s now (the first 100,000 read)."""
    words = [
        "Iran",
        "Gaza",
        "Kyiv",
        "Tehran",
        "Putin",
        "Zelensky",
        "talks",
        "strike",
        "Moscow",
        "Beirut",
        "said",
    ]
    body = LEAD + " ".join(words[n % len(words)] for n in range(60_000))
    sources = Sources(None, sources_digest(None), None)
    item = TextItem(1, "Talks in Tehran", body, "2026-01-05T10:00:00Z")
    analyse_texts([TextItem(2, "Warm", "Tehran.", "2026-01-05T10:00:00Z")], sources)
    started = time.process_time()
    [found] = analyse_texts([item], sources)
    assert time.process_time() - started < 15
    assert "iran" in {place for place, _n, _spans in found["places"]}


def test_the_cut_keeps_whole_words_and_short_texts_as_they_are() -> None:
    short = TextItem(1, "A title", LEAD * 10, "2026-01-05T10:00:00Z")
    assert analysed(short) is short
    long = TextItem(1, "A title", LEAD * 5_000, "2026-01-05T10:00:00Z")
    cut = analysed(long)
    assert len(cut.body) <= ANALYSED_CHARS and long.body.startswith(cut.body)
    assert long.body[len(cut.body)] == " "  # cut before a word, never inside one
    spaceless = analysed(long._replace(body="x" * (ANALYSED_CHARS * 3), title="t" * 10_000))
    assert len(spaceless.body) == ANALYSED_CHARS and len(spaceless.title) == 2_000
