"""The floor of any Python client on the unchanged refresh: CPython's start-up plus one
conditional GET per feed with the standard library alone (http.client, 8 threads, a kept-alive
connection per thread and host), no parsing, no storage.

`python floor_sweep.py URLS STATE`: URLS lists the feed addresses one per line; STATE holds
their ETags from the previous sweep (sent as If-None-Match) and is rewritten with the new ones.
Prints the count of each status as JSON. `bench_fetch.py` runs it twice (a priming sweep, then
the timed one) beside the readers, with the interpreter that runs newsdesk.
"""

from __future__ import annotations

import http.client
import json
import sys
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from bench.common import RunResult
    from bench.site import SiteServer

_local = threading.local()


def conditional_get(url: str, etag: str | None) -> tuple[int, str | None]:
    parts = urlsplit(url)
    conns: dict[str, http.client.HTTPConnection] = _local.__dict__.setdefault("conns", {})
    conn = conns.get(parts.netloc)
    if conn is None:
        conn = conns[parts.netloc] = http.client.HTTPConnection(parts.netloc, timeout=30)
    conn.request("GET", parts.path, headers={"If-None-Match": etag} if etag else {})
    response = conn.getresponse()
    response.read()
    return response.status, response.getheader("ETag")


def main(urls_file: str, state_file: str) -> None:
    urls = Path(urls_file).read_text().split()
    state = Path(state_file)
    etags = json.loads(state.read_text()) if state.exists() else {}
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(conditional_get, urls, [etags.get(u) for u in urls]))
    state.write_text(json.dumps({u: tag for u, (_, tag) in zip(urls, answers, strict=True)}))
    print(json.dumps(Counter(str(status) for status, _ in answers)))


def timed_sweep(site: SiteServer, work: Path, python: str | None) -> RunResult:
    """One timed all-304 sweep by `floor_sweep.py`, after a priming sweep that stores the
    ETags: what an unchanged refresh costs a Python client that does nothing else. (Run by
    bench_fetch: the bench's modules load here, never in the timed script.)"""
    import shutil
    import tempfile

    from bench.common import ROOT, run

    folder = Path(tempfile.mkdtemp(prefix="floor-", dir=work))
    (folder / "urls").write_text("\n".join(site.feed_urls()) + "\n")
    cmd = [python or sys.executable, str(ROOT / "bench" / "floor_sweep.py"),
           str(folder / "urls"), str(folder / "etags.json")]
    run(cmd, cwd=ROOT, sample=False).check()
    site.reset_stats()
    timed = run(cmd, cwd=ROOT, sample=False).check()
    if site.reset_stats().get("304", 0) < len(site.feed_urls()):
        raise RuntimeError("floor sweep: not every feed answered 304")
    shutil.rmtree(folder, ignore_errors=True)
    return timed


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
