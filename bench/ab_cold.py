"""Paired A/B of the cold row: two checkouts fill the same 200x50 loopback site, alternately.

Script, not a test:  python bench/ab_cold.py --base DIR --new DIR [--reps 3]

Each repetition runs `python -m tui fetch --no-extract --json` from each checkout on a fresh
cache (the order alternates between repetitions, so drift on a shared machine cancels out),
records the CPU time of the whole process tree (the fetch and its pool workers, from wait4) and
of the fetch process alone (the writer), the wall time and the main process's peak resident set, and compares the caches: the links, stories (with their members), actor
mentions and link features must be the same row for row, articles named by their keys. Ties
between candidates go to the lower article id, and ids follow arrival order, so two runs of
one checkout may differ too: `/tmp`-style snapshot checks (one cache, both checkouts) are the
proof of identical output; this is the CPU and wall comparison. Prints per-pair ratios (new / base) and their medians.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import paired_summary, run
from bench.site import SiteServer

TABLES = {  # what a cold run's analysis writes, each row by its articles' keys (two runs
    # number the articles in the order they arrived, which differs), in a fixed order
    "links": "SELECT a.key, o.key, score, reasons, says_why FROM links "
             "JOIN articles a ON a.id = article_id JOIN articles o ON o.id = other_id",
    "stories": "SELECT s.label, s.first, s.last, a.key FROM stories s JOIN story_articles m "
               "ON m.story_id = s.id JOIN articles a ON a.id = m.article_id",
    "actor_mentions": "SELECT a.key, m.* FROM actor_mentions m JOIN articles a "
                      "ON a.id = m.article_id",
    "link_features": "SELECT a.key, f.published, coalesce(w.features, ''), df_keys, raw "
                     "FROM link_features f JOIN articles a ON a.id = f.article_id "
                     "LEFT JOIN link_weighed w ON w.article_id = f.article_id",
}
# a checkout from before migration 0021 kept the weighed features in link_features itself
OLD_FEATURES = ("SELECT a.key, f.published, features, df_keys, raw FROM link_features f "
                "JOIN articles a ON a.id = f.article_id")


def digest(db: Path) -> dict[str, tuple[int, str]]:
    """Row count and hash of each table's rows, sorted (article ids left out)."""
    conn = sqlite3.connect(db)
    try:
        out = {}
        weighed = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'link_weighed'"
                               ).fetchone()
        for table, sql in TABLES.items():
            if table == "link_features" and not weighed:
                sql = OLD_FEATURES
            found = list(conn.execute(sql))
            if table == "stories":  # a story by its label, dates and members' keys
                members: dict[tuple[object, ...], list[str]] = {}
                for *story, key in found:
                    members.setdefault(tuple(story), []).append(key)
                found = [(*story, sorted(keys)) for story, keys in members.items()]
            rows = sorted(repr(row[:1] + row[2:] if table == "actor_mentions" else row)
                          for row in found)
            out[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16])
        return out
    finally:
        conn.close()


def cold(checkout: Path, site: SiteServer, parent: Path, python: str,
         keep: bool = False) -> dict[str, object]:
    folder = Path(tempfile.mkdtemp(prefix="ab-", dir=parent))
    (folder / "feeds.toml").write_text(site.newsdesk_config(str(folder / "cache"),
                                                            extract=False))
    result = run([python, "-m", "tui", "fetch", "--no-extract", "--json", "--config",
                  str(folder / "feeds.toml")], cwd=checkout).check()
    seconds = json.loads(result.stdout)["seconds"]
    out = {"cpu": result.cpu_s, "main_cpu": result.own_cpu_s, "wall": result.wall, "main_peak_mb": result.own_peak_kb / 1024,
           "analysis_wall": float(seconds["total"] - seconds["stored"]),
           "digest": digest(folder / "cache" / "newsdesk.sqlite3")}
    if keep:
        out["cache"] = str(folder / "cache" / "newsdesk.sqlite3")
    else:
        shutil.rmtree(folder, ignore_errors=True)
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--base", type=Path, required=True, help="checkout A (e.g. main's)")
    p.add_argument("--new", type=Path, required=True, help="checkout B")
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--python", default=sys.executable)
    p.add_argument("--keep", type=Path, help="keep every cache in this folder")
    p.add_argument("--feeds", type=int, default=200)
    p.add_argument("--items", type=int, default=50)
    args = p.parse_args()
    for checkout in (args.base, args.new):
        subprocess.run([args.python, "-m", "compileall", "-q", str(checkout / "tui")],
                       check=True, stdout=subprocess.DEVNULL)
    ratios: dict[str, list[float]] = {"cpu": [], "main_cpu": [], "wall": [], "analysis_wall": [],
                                      "main_peak_mb": []}
    same = True
    with tempfile.TemporaryDirectory() as tmp, SiteServer(args.feeds, args.items) as site:
        for rep in range(args.reps):
            order = ("base", "new") if rep % 2 == 0 else ("new", "base")
            got = {name: cold(getattr(args, name), site, args.keep or Path(tmp), args.python,
                              keep=args.keep is not None) for name in order}
            equal = got["base"]["digest"] == got["new"]["digest"]
            same &= equal
            for key in ratios:
                ratios[key].append(float(got["new"][key]) / float(got["base"][key]))  # type: ignore[arg-type]
            print(json.dumps({"rep": rep, "order": order, "same_tables": equal,
                              **{f"{n}_{k}": round(float(got[n][k]), 3)  # type: ignore[arg-type]
                                 for n in order for k in ratios}}), flush=True)
            if not equal:
                print(json.dumps({n: [got[n]["digest"], got[n].get("cache")] for n in order}),
                      flush=True)
    return paired_summary(ratios, same)


if __name__ == "__main__":
    sys.exit(main())
