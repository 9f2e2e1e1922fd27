"""The comparison gate of trafilatura_setup: where it lets trafilatura's own extraction stand
without running readability, the body is exactly what the full comparison gives.

Checked on pages written here (a clean article, a short note, a page full of navigation, a
page whose own body holds a table, one with a video iframe) and, when ../shared is there, on
every real page of the shared corpora.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tui.core.ingest.extract import extract_page

SHARED = Path(__file__).resolve().parents[2] / "shared" / "peers"
PARA = ("The delegation arrived in the capital on Monday evening and met the foreign minister "
        "for three hours, officials said, before a dinner hosted by the prime minister.")


def _setup() -> tuple[Any, Any, Any]:
    """(trafilatura.core, the gated compare_extraction, the one it wraps)."""
    pytest.importorskip("trafilatura")
    from trafilatura import core

    from tui.core.ingest import trafilatura_setup

    trafilatura_setup.options(None)
    gated = core.compare_extraction
    if not getattr(gated, "gated", False):
        pytest.skip("this trafilatura version is not gated (GATED_VERSIONS)")
    wrapped = next(c.cell_contents for c in gated.__closure__ or ()
                   if getattr(c.cell_contents, "__name__", "") == "compare_extraction")
    return core, gated, wrapped


@contextmanager
def _comparing_always() -> Iterator[list[bool]]:
    """Runs the full comparison under the gate, and records whether the gate would have fired."""
    from tui.core.ingest.trafilatura_setup import _own_extraction_stands

    core, gated, wrapped = _setup()
    fired: list[bool] = []

    def spy(cleaned: Any, raw: Any, body: Any, text: str, options: Any) -> Any:
        fired.append(_own_extraction_stands(raw, body, text, options))
        return wrapped(cleaned, raw, body, text, options)

    core.compare_extraction = spy
    try:
        yield fired
    finally:
        core.compare_extraction = gated


def _both(raw: bytes, url: str = "https://example.invalid/a") -> tuple[Any, Any, bool]:
    """(gated result, full comparison's result, whether the gate fired)."""
    gated = extract_page(raw, url, "text/html")
    with _comparing_always() as fired:
        full = extract_page(raw, url, "text/html")
    return gated, full, bool(fired and fired[0])


def _page(body: str, chrome: str = "") -> bytes:
    return (f"<html><head><title>Visit</title><style>p {{ margin: 0 }}</style>"
            f"<script>var x = '{'y' * 5000}';</script></head><body>{chrome}"
            f"<article><h1>Visit</h1>{body}</article></body></html>").encode()


def test_a_clean_article_skips_the_comparison_with_the_same_body() -> None:
    raw = _page("".join(f"<p>{PARA} ({i})</p>" for i in range(6)))
    gated, full, fired = _both(raw)
    assert fired and gated == full and PARA in gated.body


@pytest.mark.parametrize("raw", [
    _page(f"<p>{PARA}</p>"),  # short: justext is examined
    _page("".join(f"<p>{PARA} ({i})</p>" for i in range(6)),  # navigation outweighs the body
          "<nav>" + "".join(f"<a href='/s{i}'>Section number {i} of the site</a> "
                            for i in range(300)) + "</nav>"),
], ids=["short", "navigation"])
def test_the_comparison_runs_where_readability_could_win(raw: bytes) -> None:
    gated, full, fired = _both(raw)
    assert not fired and gated == full


def test_video_iframes_and_tables_give_the_same_body() -> None:
    rows = "".join(f"<tr><td>{PARA} ({i})</td></tr>" for i in range(4))
    raw = _page("".join(f"<p>{PARA} ({i})</p>" for i in range(3)) + f"<table>{rows}</table>"
                + '<iframe src="https://www.youtube.com/embed/x"></iframe>' * 3)
    gated, full, _ = _both(raw)
    assert gated == full


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"shared corpora not found at {SHARED}")
def test_every_shared_real_page_gives_the_same_body() -> None:
    pages = sorted([*SHARED.glob("real-news/pages/*.html"),
                    *SHARED.glob("trafilatura-news/pages/*.html")])
    assert pages
    fired = 0
    for path in pages:
        gated, full, skipped = _both(path.read_bytes(), f"https://example.invalid/{path.name}")
        assert gated == full, path.name
        fired += skipped
    assert fired, "the gate never fired on a real page"
