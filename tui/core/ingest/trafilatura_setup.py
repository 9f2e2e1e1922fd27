"""trafilatura as extraction runs it: our options, built once, and one pass of precision mode
left out.

Precision mode keeps bodies cleaner (real-news word precision 0.961 against 0.943 balanced;
`bench/extract_eval.py`), but it evaluates trafilatura's big boilerplate XPath
(OVERALL_DISCARD_XPATH) twice: on the cleaned tree, as every mode does, and once more on the
raw tree it hands to readability for comparison. That XPath calls back into Python for each of
its regular expressions on every element; the second pass was 38% of a worker's extraction
time on the bench pages, and is what made us slower per page than bare `trafilatura.extract`.
Without it no body changes on the 251 real pages of ../shared (real-news, trafilatura-news):
readability's candidate wins rarely, and when it does, trafilatura's own sanitising and our
`clean_lines` still run on it.

The comparison itself (readability on the raw tree, then maybe justext) is skipped where it
provably returns trafilatura's own extraction unchanged (`_own_extraction_stands`): on the bench
pages it was a third of a worker's extraction, and its answer was always "keep your own".
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

__all__ = ["options"]


@cache
def _base() -> Any:
    """Built once: each build reads ten settings from trafilatura's config."""
    from trafilatura.settings import Extractor

    _skip_raw_tree_prune()
    _skip_needless_comparison()
    return Extractor(output_format="python", precision=True, comments=False, tables=False,
                     links=False, images=False, with_metadata=False)


def options(url: str | None) -> Any:
    """Options for one page (trafilatura reads the URL from them)."""
    found = copy.copy(_base())
    found.url = url
    found.source = url and url.encode("utf-8", "replace").decode("utf-8")  # as Extractor does
    return found


def _skip_raw_tree_prune() -> None:
    """In `trafilatura.external` (whose only prune is the precision one before readability),
    pruning with OVERALL_DISCARD_XPATH returns the tree as it is; any other prune runs."""
    from trafilatura import external
    from trafilatura.xpaths import OVERALL_DISCARD_XPATH

    prune = getattr(external, "prune_unwanted_nodes", None)
    if prune is None or getattr(prune, "skips_raw_tree_prune", False):
        return

    def pruned(tree: Any, nodelist: Any, *args: Any, **kwargs: Any) -> Any:
        if nodelist is OVERALL_DISCARD_XPATH:
            return tree
        return prune(tree, nodelist, *args, **kwargs)

    pruned.skips_raw_tree_prune = True  # type: ignore[attr-defined]
    setattr(external, "prune_unwanted_nodes", pruned)  # noqa: B010 - not exported: mypy


GATED_VERSIONS = ("2.3.1",)
"""trafilatura versions whose `compare_extraction` the gate below was checked against (line by
line: the conditions under which it replaces the own extraction). Others run it as they are."""


def _skip_needless_comparison() -> None:
    """In `trafilatura.core`, compare_extraction returns the own extraction at once when it
    could not have changed it; otherwise it runs as it is."""
    import trafilatura
    from trafilatura import core

    compare = getattr(core, "compare_extraction", None)
    if (compare is None or getattr(compare, "gated", False)
            or getattr(trafilatura, "__version__", "") not in GATED_VERSIONS):
        return

    def gated(cleaned: Any, raw: Any, body: Any, text: str, options: Any) -> Any:
        if options.focus == "precision" and _own_extraction_stands(raw, body, text, options):
            return body, text
        return compare(cleaned, raw, body, text, options)

    gated.gated = True  # type: ignore[attr-defined]
    setattr(core, "compare_extraction", gated)  # noqa: B010 - not exported: mypy


def _own_extraction_stands(raw: Any, body: Any, text: str, options: Any) -> bool:
    """True when compare_extraction (precision mode) would return (body, text) unchanged:

    - justext is examined only for an own body that is short or "unclean" (SANITIZED_XPATH);
    - readability replaces the own text only when that is empty, when readability's is over
      twice as long, or when it is over 2 x min_extracted_size and the own body has no <p>
      text or more tables than paragraphs. Readability's text is at most `_text_bound(raw)`
      long, so a bound not over twice the own text rules the first two out.
    """
    from trafilatura.external import SANITIZED_XPATH

    size = len(text)
    if size < options.min_extracted_size or body.xpath(SANITIZED_XPATH):
        return False
    bound = _text_bound(raw)
    if bound > 2 * size:
        return False
    return bound <= 2 * options.min_extracted_size or (
        bool(body.xpath(".//p//text()"))
        and len(body.findall(".//table")) <= len(body.findall(".//p")))


def _text_bound(raw: Any) -> int:
    """No readability output of `raw` has longer trimmed text than this.

    Readability drops scripts and styles, keeps some of the rest and adds nothing but "VIDEO"
    in video iframes, and trimming never lengthens a text. So: the length of the page's text
    less its scripts' and styles', plus five per iframe. (XPath, not itertext: no Python proxy
    per element. Trimming the page's text too would tighten the bound, for 3 more of the 251
    real pages, at five times the cost on every page.)"""
    whole, code, iframes = _bound_xpaths()
    return len(whole(raw)) - sum(map(len, code(raw))) + 5 * int(iframes(raw))


@cache
def _bound_xpaths() -> tuple[Any, Any, Any]:
    from lxml import etree

    return (etree.XPath("string()", smart_strings=False),
            etree.XPath(".//script/text() | .//style/text()", smart_strings=False),
            etree.XPath("count(.//iframe)"))
