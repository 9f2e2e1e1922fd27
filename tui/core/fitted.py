"""The linker's fitted weights file, read once for the model (`linking.score`) and for the
store's list order (`store.coverage`, which may not import the linker: pyproject's contract),
so the related list's weight has one source and no caller can forget it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

WEIGHTS_FILE = "weights.json"  # beside tui.core.linking's modules (fit.py writes it)
DEFAULT = "hybrid"  # the model the app uses; "tfidf" is the text-only baseline


@cache
def weights() -> dict[str, Any]:
    """The file's parsed contents."""
    data: dict[str, Any] = json.loads(resources.files("tui.core.linking")
                                      .joinpath(WEIGHTS_FILE).read_text(encoding="utf-8"))
    return data


def support() -> float:
    """The default model's related-list weight (`related_rank.rank_value`); 0, the pair's
    order, for a file fitted before it was."""
    return float(weights()["models"][DEFAULT].get("support", 0.0))
