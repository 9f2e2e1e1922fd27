"""The benchmark scripts still run (at a tiny size) and still produce a report.

CI times nothing: these only check the benches have not rotted. Everything stays on loopback;
newsboat is used when installed but never installed from here, and the TUI/tmux and profiler
steps are skipped.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from bench.common import Stat, percentile, summarise_pyspy
from bench.run_all import render
from bench.site import SiteContent, SiteServer
from tui.core.actors.gazetteer import Gazetteer
from tui.core.actors.recognize import Recognizer

ROOT = Path(__file__).resolve().parents[1]


def _bench(name: str, tmp_path: Path, *args: str) -> dict:
    out = tmp_path / f"{name}.json"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / f"bench_{name}.py"), *args,
                           "--json", str(out)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(out.read_text())


def test_site_serves_feeds_pages_and_304s() -> None:
    with SiteServer(feeds=3, items=4, hosts=2) as site:
        url = site.feed_urls()[1]
        with urllib.request.urlopen(url, timeout=5) as response:
            etag = response.headers["ETag"]
            body = response.read()
        assert body.count(b"<item>") == 4 and b"127.0.0.2" in url.encode()
        request = urllib.request.Request(url, headers={"If-None-Match": etag})
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(request, timeout=5)
        assert caught.value.code == 304
        page = site.content.page_html(1, 2)
        assert b"cookie-banner" in page and b"<article>" in page
        assert site.reset_stats() == {"200 feed": 1, "304": 1}


def test_site_articles_name_actors_as_real_coverage_does(gazetteer: Gazetteer) -> None:
    """The cold row must time actor recognition and the links shared actors make: the feeds'
    titles and summaries name several actors each, some of them in many articles, and outlets
    covering one event in one news cycle share its cast."""
    recognizer = Recognizer(gazetteer)
    content = SiteContent(40, 12, ["127.0.0.1"])
    seen: list[set[str]] = []
    for feed in range(40):
        for item in range(12):
            title, lead = content._title(feed, item), content._paras(feed, item)[0]
            seen.append({m.actor_id for m in recognizer.mentions(title, lead, None)})
    assert min(len(ids) for ids in seen) >= 3 and sum(map(len, seen)) / len(seen) >= 5
    counts = sorted((sum(a in ids for ids in seen) for a in set().union(*seen)), reverse=True)
    assert counts[0] >= 40 and counts[len(counts) // 2] <= 5  # a few in many, most in few
    pairs = [len(a & b) for i, a in enumerate(seen) for b in seen[i + 1:]]
    assert sum(n >= 3 for n in pairs) >= len(seen)  # shared events: many share 3+ actors
    again = SiteContent(40, 12, ["127.0.0.1"])
    again.ports = content.ports = {"127.0.0.1": 8080}
    assert again.feed_xml(7) == content.feed_xml(7)  # deterministic
    plain = SiteContent(40, 12, ["127.0.0.1"], actors=False)
    plain.ports = content.ports
    assert not recognizer.mentions(plain._title(3, 4), plain._paras(3, 4)[0], None)


def test_stats_helpers() -> None:
    assert Stat.of([3.0, 1.0, 2.0]).median == 2.0
    assert percentile([float(i) for i in range(1, 101)], 95) == 95.0


def test_pyspy_summary_splits_processes(tmp_path: Path) -> None:
    raw = tmp_path / "raw.txt"
    raw.write_text(
        'process 1:"python -m tui fetch";run (tui/core/desk.py:10);go (tui/x.py:3) 3\n'
        'process 1:"python -m tui fetch";process 2:"python -c from multiprocessing.spawn import '
        'spawn_main; spawn_main(tracker_fd=1)";work (tui/core/workers.py:5) 1\n')
    summary = summarise_pyspy(raw)
    assert dict(summary["processes"]) == {"main": 75.0, "pool worker": 25.0}
    assert summary["self"][0] == ("go (tui/x.py)", 75.0)


def test_benches_run_tiny_and_render(tmp_path: Path) -> None:
    fetch = _bench("fetch", tmp_path, "--feeds", "3", "--items", "3", "--reps", "1",
                   "--demo-reps", "0", "--no-install")
    assert fetch["params"]["summary"]["newsdesk"]["unchanged_s"]["n"] == 1
    extract = _bench("extract", tmp_path, "--pages", "6", "--items", "3", "--reps", "1")
    assert extract["params"]["pages"] == 6 and extract["goals"]
    query = _bench("query", tmp_path, "--articles", "200", "--reps", "2", "--no-app")
    assert query["params"]["all_calls_ms"]["n"] > 0 and query["goals"]
    for data, name in ((fetch, "fetch"), (extract, "extract"), (query, "query")):
        data["command"] = f"python bench/bench_{name}.py"
    text = render({"fetch": fetch, "extract": extract, "query": query}, {}, quick=True)
    assert "### Refresh" in text and "### Search and filter at 200 articles" in text


def test_startup_bench_tells_a_drawn_screen() -> None:
    """The start-up bench stops its clock on these screens; a wrong test times nothing real."""
    from bench.bench_startup import newsboat_drawn, newsdesk_drawn

    booting = "\n" * 10
    assert not newsdesk_drawn(booting, empty=False) and not newsboat_drawn(booting)
    boat = ("newsboat 2.21.0 - Your feeds (200 unread, 200 total)\n"
            "   1 N  (50/50) Bench Wire 0\n")
    assert newsboat_drawn(boat) and not newsdesk_drawn(boat, empty=False)
    desk = "●Bench Wire 0  2026-01-01 10:00  Envoys meet\n Unread 49/49  all feeds\n"
    assert newsdesk_drawn(desk, empty=False) and not newsboat_drawn(desk)


def test_the_paired_ab_scripts_run_and_find_one_checkout_equal_to_itself(
        tmp_path: Path) -> None:
    """bench/ab_cold.py and bench/ab_finish.py at a tiny size, the checkout against itself:
    ratios printed, tables the same (exit 0)."""
    cold = subprocess.run([sys.executable, str(ROOT / "bench" / "ab_cold.py"), "--base",
                           str(ROOT), "--new", str(ROOT), "--reps", "1", "--feeds", "3",
                           "--items", "4"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert cold.returncode == 0, cold.stdout[-2000:] + cold.stderr[-2000:]
    summary = json.loads(cold.stdout.splitlines()[-1])
    assert summary["tables_identical"] is True
    assert summary["median_ratio_new_over_base"]["main_cpu"] > 0  # the writer's own CPU
    snap = tmp_path / "snap"
    finish = [sys.executable, str(ROOT / "bench" / "ab_finish.py"), "--snapshot", str(snap)]
    made = subprocess.run([*finish, "--feeds", "3", "--items", "4"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr[-3000:]
    assert (snap / "snap.sqlite3").exists() and (snap / "ids.json").exists()
    ab = subprocess.run([*finish, "--base", str(ROOT), "--new", str(ROOT), "--reps", "1"],
                        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert ab.returncode == 0, ab.stdout[-2000:] + ab.stderr[-3000:]
    last = json.loads(ab.stdout.splitlines()[-1])
    assert last["tables_identical"] is True and "cpu" in last["median_ratio_new_over_base"]
    phases = subprocess.run([sys.executable, str(ROOT / "bench" / "finish_phases.py"),
                             "--snapshot", str(snap), "--json", str(tmp_path / "phases.json")],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert phases.returncode == 0, phases.stderr[-3000:]
    [run] = json.loads((tmp_path / "phases.json").read_text())
    assert run["phases"][0]["phase"] == "start" and run["writer_cpu"] >= 0
    assert "weigh_job" in [ph["phase"] for ph in run["phases"]]


def test_the_text_halves_ab_finds_one_checkout_equal_to_itself(tmp_path: Path) -> None:
    """bench/ab_texts.py on a tiny site's texts, the checkout against itself: a corpus built,
    the ratio printed, every analyzer's findings the same (exit 0)."""
    corpus = tmp_path / "corpus.jsonl"
    script = [sys.executable, str(ROOT / "bench" / "ab_texts.py"), "--corpus", str(corpus)]
    made = subprocess.run([*script, "--build", "--site-only", "--feeds", "3", "--items", "4"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr[-3000:]
    ab = subprocess.run([*script, "--base", str(ROOT), "--new", str(ROOT), "--reps", "1"],
                        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert ab.returncode == 0, ab.stdout[-2000:] + ab.stderr[-3000:]
    assert "new/base median" in ab.stdout and ab.stdout.splitlines()[-1] == "identical outputs"
    assert "site:links" in ab.stdout and "site:actors" in ab.stdout


def test_the_site_ab_runs_and_only_the_new_site_has_actor_mentions() -> None:
    """bench/ab_site.py at a tiny size, without newsboat: both sites filled, medians printed."""
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "ab_site.py"), "--reps", "1",
                           "--feeds", "3", "--items", "4", "--newsboat", ""], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    medians = {k: v for line in lines for k, v in line.items() if k.startswith("newsdesk-")}
    assert medians["newsdesk-old"]["actor_mentions"] == 0
    assert medians["newsdesk-new"]["actor_mentions"] >= 3 * 4 * 3
    assert "newsdesk-new / newsdesk-old cpu" in medians


def test_the_first_run_probe_runs_with_empty_and_filled_tools() -> None:
    """bench/first_probe.py at a tiny size: both conditions run and their medians printed."""
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "first_probe.py"), "--reps", "1",
                           "--feeds", "3", "--items", "4"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    medians = [line for line in done.stdout.splitlines() if "median" in line]
    assert len(medians) == 2 and "empty" in medians[0] and "warm" in medians[1]


def test_the_cold_timeline_runs_and_names_its_phases(tmp_path: Path) -> None:
    """bench/cold_timeline.py at a tiny size: the fill's phases from fetch to marking, each
    with its times, and the idle core-seconds."""
    out = tmp_path / "timeline.json"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "cold_timeline.py"),
                           "--feeds", "3", "--items", "4", "--json", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "idle core-seconds" in done.stdout
    phases = [ph["phase"] for ph in json.loads(out.read_text())["phases"]]
    assert phases[:2] == ["fetch + store", "text halves + writes"]
    assert "link" in phases  # a small run: article by article
    assert phases[-2:] == ["pool shutdown", "after shutdown"]  # the workers' exit, timed
