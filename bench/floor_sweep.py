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
from urllib.parse import urlsplit

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


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
