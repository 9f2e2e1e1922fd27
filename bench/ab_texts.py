"""Paired A/B of the analyzers' text halves (`analyse_texts`, a pool worker's share of a cold
run) over a fixed corpus, with every output compared.

Script, not a test:
    python bench/ab_texts.py --corpus FILE --build    # the 200x50 site filled cold (no extract),
                                                      # the devset, the held-out set, the
                                                      # real-news pages and feeds (--site-only)
    python bench/ab_texts.py --corpus FILE --base A --new B [--reps 3] [--only site] [--limit N]
    python bench/ab_texts.py --corpus FILE --child OUT    # one pass in this checkout (py-spy it)

The corpus is built once, so both checkouts read the same titles and bodies. Each repetition
runs one child per checkout (order alternating), each in a fresh process: the analyzers are
built and warmed untimed, then every article goes through `analyse_texts` in chunks of 50 (as
the pool's jobs), timed by the process's CPU. Each analyzer's findings (actor mentions, places,
unlisted names, the links' packed features as stored) are hashed per source; a child also
writes one digest per article, so a difference names its articles.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHUNK = 50  # a pool job's articles (refresh/analysis.py)


def build(corpus: Path, feeds: int, items: int, site_only: bool = False) -> None:
    """Every text the comparison reads, in the shape a worker gets it (TextItem's fields)."""
    sys.path.insert(0, str(ROOT))
    from bench.actors_data import HELDOUT, load_articles
    from bench.related_data import DEVSET, load_real_news
    from tui.core.models import to_iso

    rows: list[list[Any]] = [[*row, "site"] for row in _site_texts(feeds, items)]
    for path in [] if site_only else sorted(DEVSET.glob("?.toml")):
        rows += [[0, c.title, c.body, to_iso(c.published), c.lang, True, "devset"]
                 for c in load_articles(path, "devset")]
    if not site_only:
        rows += [[0, c.title, c.body, to_iso(c.published), c.lang, True, "heldout"]
                 for c in load_articles(HELDOUT, "heldout")]
        rows += [[0, a.title, a.body, to_iso(a.published), a.lang or None, True, "realnews"]
                 for a in load_real_news()]
    for n, row in enumerate(rows, 1):
        row[0] = n
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                      encoding="utf-8")
    print(f"{len(rows)} texts -> {corpus}")


def _site_texts(feeds: int, items: int) -> list[list[Any]]:
    """The site's articles as a cold fill without extraction stores them."""
    import sqlite3

    from bench.site import SiteServer
    from tui.core.config.loader import load_config
    from tui.core.desk import Desk

    with tempfile.TemporaryDirectory() as tmp, SiteServer(feeds, items) as site:
        config = Path(tmp) / "feeds.toml"
        config.write_text(site.newsdesk_config(str(Path(tmp) / "cache"), extract=False))
        with Desk.open(load_config(config)) as desk:
            desk.refresh(extract=False)
        [db] = list((Path(tmp) / "cache").rglob("*.sqlite3"))
        conn = sqlite3.connect(db)
        out = [[0, title, body, published, lang, not undated] for title, body, published, lang,
               undated in conn.execute(
                   "SELECT title, coalesce(body, ''), published, lang, "
                   "published = first_seen FROM articles ORDER BY key")]
        conn.close()
    return out


def child(corpus: Path, out: Path, only: str | None, limit: int | None = None,
          prebuilt: Path | None = None, passes: int = 1) -> dict[str, Any]:
    """One timed pass of this checkout's analyse_texts over the corpus. `prebuilt`: where its
    tools are kept between runs (built by the first, loaded by the rest, as workers do)."""
    sys.path.insert(0, os.getcwd())
    from tui.core.refresh.analyzer import Sources, TextItem
    from tui.core.refresh.analyzers import analyse_texts, warm_analysis
    from tui.core.refresh.match_sources import sources_digest

    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if only is None or r[6] == only][:limit]
    items = [TextItem(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]
    try:  # the collector paced as in a pool worker (refresh/spawn.py), where the checkout has it
        from tui.core.refresh.gc_pace import pace_worker
    except ImportError:
        pass
    else:
        pace_worker()
    sources = Sources(None, sources_digest(None), str(prebuilt) if prebuilt else None)
    warm_analysis(sources)
    analyse_texts(items[:CHUNK], sources)  # every lazy import and cache made
    times, found = [], []
    for _ in range(passes):  # the fastest pass: a busy machine slows some more than others
        cpu = time.process_time()
        again = []
        for i in range(0, len(items), CHUNK):
            again += analyse_texts(items[i:i + CHUNK], sources)
        times.append(time.process_time() - cpu)
        if found and again != found:  # the workers' caches warm: findings must not change
            raise SystemExit("a later pass found otherwise")
        found = again
    cpu = min(times)
    digests: dict[str, Any] = {}
    lines = []
    for row, got in zip(rows, found, strict=True):
        one = hashlib.sha256(repr(sorted(got.items())).encode()).hexdigest()[:16]
        lines.append(f"{row[0]} {row[6]} {one}")
        for name, value in got.items():
            digests.setdefault(f"{row[6]}:{name}", hashlib.sha256()).update(repr(value).encode())
    out.write_text("\n".join(lines) + "\n")
    return {"cpu": round(cpu, 3), "texts": len(items),
            "digests": {k: h.hexdigest()[:16] for k, h in sorted(digests.items())}}


def compare(corpus: Path, base: Path, new: Path, reps: int, only: str | None,
            limit: int | None = None, passes: int = 1) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="ab-texts-"))
    cpu: dict[str, list[float]] = {"base": [], "new": []}
    digests: dict[str, Any] = {}
    for rep in range(reps):
        order = [("base", base), ("new", new)][:: 1 if rep % 2 == 0 else -1]
        for name, checkout in order:
            cmd = [sys.executable, str(Path(__file__).resolve()), "--corpus", str(corpus),
                   "--child", str(tmp / f"{name}.txt"), "--prebuilt", str(tmp / "prebuilt")] \
                + (["--only", only] if only else []) \
                + (["--limit", str(limit)] if limit else []) + ["--passes", str(passes)]
            env = {**os.environ, "PYTHONPATH": str(checkout)}
            done = subprocess.run(cmd, cwd=checkout, env=env, capture_output=True, text=True,
                                  check=True)
            got = json.loads(done.stdout.strip().splitlines()[-1])
            cpu[name].append(got["cpu"])
            if digests.setdefault(name, got["digests"]) != got["digests"]:
                print(f"{name}: outputs differ between repetitions")
        print(f"rep {rep + 1}: base {cpu['base'][-1]:.2f} s, new {cpu['new'][-1]:.2f} s, "
              f"new/base {cpu['new'][-1] / cpu['base'][-1]:.3f}", flush=True)
    shutil.rmtree(tmp / "prebuilt", ignore_errors=True)  # the per-article digests stay
    ratios = [n / b for n, b in zip(cpu["new"], cpu["base"], strict=True)]
    print(f"CPU of analyse_texts ({got['texts']} texts): base {statistics.median(cpu['base']):.2f} s,"
          f" new {statistics.median(cpu['new']):.2f} s; new/base median "
          f"{statistics.median(ratios):.3f} (range {min(ratios):.3f}-{max(ratios):.3f})")
    same = digests["base"] == digests["new"]
    for key in sorted(set(digests["base"]) | set(digests["new"])):
        a, b = digests["base"].get(key), digests["new"].get(key)
        print(f"  {key:20} {a} {'==' if a == b else '!='} {b}")
    if not same:
        base_lines = (tmp / "base.txt").read_text().splitlines()
        new_lines = (tmp / "new.txt").read_text().splitlines()
        diff = [a.split()[:2] for a, b in zip(base_lines, new_lines, strict=True) if a != b]
        print(f"DIFFERENT: {len(diff)} texts, first: {diff[:10]}")
    print("identical outputs" if same else "OUTPUTS DIFFER")
    return 0 if same else 1


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=Path, required=True)
    p.add_argument("--build", action="store_true")
    p.add_argument("--feeds", type=int, default=200)
    p.add_argument("--items", type=int, default=50)
    p.add_argument("--site-only", action="store_true", help="build: the site's texts alone")
    p.add_argument("--child", type=Path)
    p.add_argument("--base", type=Path)
    p.add_argument("--new", type=Path)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--only", help="one source: site, devset, heldout, realnews")
    p.add_argument("--prebuilt", type=Path, help="child: where its tools are kept")
    p.add_argument("--passes", type=int, default=1,
                   help="passes over the texts in each child; its fastest counts")
    p.add_argument("--limit", type=int, help="the first N texts (of --only's source)")
    args = p.parse_args()
    if args.build:
        build(args.corpus, args.feeds, args.items, args.site_only)
        return 0
    if args.child:
        print(json.dumps(child(args.corpus, args.child, args.only, args.limit, args.prebuilt,
                                args.passes)))
        return 0
    return compare(args.corpus, args.base, args.new, args.reps, args.only, args.limit,
                   args.passes)


if __name__ == "__main__":
    sys.exit(main())
