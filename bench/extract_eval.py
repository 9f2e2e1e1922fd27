"""Extraction quality on real pages, to report before and after any change to extraction.

Script, not a test:  python bench/extract_eval.py [--per-page]

Two corpora from ../shared/peers (read in place, never copied):

- real-news: the pages whose source projects ship an expected body (groundtruth articleBody,
  fundus summary + paragraphs, newspaper4k and goose3 text, readability's expected HTML).
  Scored as word-level precision, recall and F1 of our body against that body (multisets of
  casefolded words), averaged over pages; the reference extractors disagree with each other
  on edges (captions, bylines), so only the change between two runs means anything.
- trafilatura-news: the snippet checks of tests/test_extract_corpus.py (`with` snippets found,
  `without` snippets absent), reported with the same counts as that test.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.core.ingest.extract import extract_page

SHARED = Path(__file__).resolve().parents[2] / "shared" / "peers"
REAL = SHARED / "real-news" / "pages"
TRAF = SHARED / "trafilatura-news"
_WORD = re.compile(r"\w+")


def _fundus(expected: dict[str, object]) -> str:
    body = expected.get("body") or {}
    assert isinstance(body, dict)
    parts = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        parts += section.get("headline") or []
        parts += section.get("paragraphs") or []
    return "\n".join(parts)


def reference(page: Path) -> str | None:
    """The expected body shipped for `page`, as plain text, or None."""
    folder, stem = page.parent / "expected", page.stem
    for path in sorted(folder.glob(stem + ".*")):
        kind = path.name[len(stem) + 1:]
        if kind == "groundtruth.json":
            return str(json.loads(path.read_text("utf-8"))["expected"]["articleBody"])
        if kind == "fundus.json":
            return _fundus(json.loads(path.read_text("utf-8"))["expected"])
        if kind == "goose3.json":
            return str(json.loads(path.read_text("utf-8"))["expected"].get("cleaned_text", ""))
        if kind.endswith(".txt"):
            return path.read_text("utf-8")
        if kind.endswith("expected.html"):
            return re.sub(r"<[^>]*>", " ", path.read_text("utf-8"))
    return None


def word_prf(ours: str, gold: str) -> tuple[float, float, float]:
    a, b = Counter(_WORD.findall(ours.casefold())), Counter(_WORD.findall(gold.casefold()))
    common = sum((a & b).values())
    p = common / max(1, sum(a.values()))
    r = common / max(1, sum(b.values()))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def real_news(per_page: bool) -> dict[str, float]:
    scores = []
    for page in sorted(REAL.glob("*.html")):
        gold = reference(page)
        if not gold or len(gold.split()) < 30:
            continue
        body = extract_page(page.read_bytes(), "https://example.invalid/" + page.name).body
        scores.append(word_prf(body, gold))
        if per_page:
            print(f"  {page.stem[:60]:60} P {scores[-1][0]:.3f} R {scores[-1][1]:.3f} "
                  f"F1 {scores[-1][2]:.3f}")
    n = len(scores)
    return {"pages": n, **{k: round(sum(s[i] for s in scores) / n, 4)
                           for i, k in enumerate(("precision", "recall", "f1"))}}


def trafilatura_news() -> dict[str, int]:
    expected = json.loads((TRAF / "expected.json").read_text("utf-8"))
    got = Counter()
    for name, spec in expected.items():
        path = TRAF / "pages" / name
        if not path.is_file():
            continue
        body = extract_page(path.read_bytes(), str(spec.get("url") or "")).body
        got["empty"] += not body
        for snippet in spec.get("with", []):
            got["with_total"] += 1
            got["with_ok"] += snippet in body
        for snippet in spec.get("without", []):
            got["without_total"] += 1
            got["without_ok"] += snippet not in body
    return dict(got)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--per-page", action="store_true", help="print each real-news page's score")
    args = p.parse_args(argv)
    if not REAL.is_dir() or not TRAF.is_dir():
        print(f"corpora not found under {SHARED}")
        return 1
    start = time.perf_counter()
    rn = real_news(args.per_page)
    print(f"real-news: {rn['pages']} pages, word P {rn['precision']:.3f} R {rn['recall']:.3f} "
          f"F1 {rn['f1']:.3f}")
    tn = trafilatura_news()
    print(f"trafilatura-news: with {tn['with_ok']}/{tn['with_total']}, without "
          f"{tn['without_ok']}/{tn['without_total']}, empty {tn.get('empty', 0)} "
          f"({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
