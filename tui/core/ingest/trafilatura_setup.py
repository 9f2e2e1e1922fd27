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
