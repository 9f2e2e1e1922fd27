"""The analyzers' text halves as a pool worker runs them, article after article."""

from __future__ import annotations

import builtins
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from tui.core.refresh.analyzer import Sources, TextItem
from tui.core.refresh.analyzers import analyse_texts, warm_analysis
from tui.core.refresh.match_sources import sources_digest

ARTICLES = [
    ("Putin and Erdogan meet in Ankara",
     "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Ankara "
     "on Tuesday. Erdogan said the talks were useful, Putin's spokesman Dmitry Peskov said."),
    ("Strike near Hodeidah", "A drone struck a port near Hodeidah, Yemeni officials said. "
     "Spokesman Jamal Rivers, of the port authority, said two people were hurt."),
    ("Зеленский в Киеве", "Президент Украины Владимир Зеленский заявил в Киеве, что переговоры "
     "продолжатся."),
    ("", "No title, and a body that names nobody at all."),
]


def test_warm_text_halves_run_no_import_statement_per_article(tmp_path: Path) -> None:
    """An import statement inside a function runs on every call (microseconds each, some
    seventeen an article, several per cent of the text halves): once the first articles have
    loaded what the analyzers use, the rest import nothing."""
    items = [TextItem(n, title, body, "2026-03-02T10:00:00Z", "en", True)
             for n, (title, body) in enumerate(ARTICLES * 2, 1)]
    sources = Sources(None, sources_digest(None), str(tmp_path / "prebuilt"))
    warm_analysis(sources)
    first = analyse_texts(items, sources)
    imported: Counter[str] = Counter()
    real = builtins.__import__

    def counting(name: str, *args: Any, **kwargs: Any) -> Any:
        caller = sys._getframe(1).f_code
        imported[f"{name} in {caller.co_filename}:{caller.co_name}"] += 1
        return real(name, *args, **kwargs)

    builtins.__import__ = counting
    try:
        again = analyse_texts(items, sources)
    finally:
        builtins.__import__ = real
    assert again == first
    assert any(found.get("actors") for found in again)  # the halves did find things
    assert not imported, imported.most_common(5)
