"""A pool job's articles through the links' text half together (`LinksAnalyzer.texts`: their
MinHash signatures made in one go) find what each article alone finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.linking.analyzer import LinksAnalyzer
from tui.core.refresh import analyzers as analyzers_module
from tui.core.refresh.analyzer import Sources, TextItem
from tui.core.refresh.analyzers import analyse_texts, warm_analysis
from tui.core.refresh.match_sources import sources_digest

ARTICLES = [
    ("Putin and Erdogan meet in Ankara",
     "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Ankara "
     "on Tuesday. Erdogan said the talks were useful, Putin's spokesman Dmitry Peskov said."),
    ("", ""),  # no words at all: one shingle of padding
    ("Strike", ""),  # fewer words than a shingle
    ("Зеленский в Киеве", "Президент Украины Владимир Зеленский заявил в Киеве, что переговоры "
     "продолжатся."),
    ("Drone strike near Hodeidah", "A drone struck a port near Hodeidah, officials said. " * 30),
    ("Putin and Erdogan meet in Ankara",  # the first again: the same words, the same sig
     "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Ankara "
     "on Tuesday. Erdogan said the talks were useful, Putin's spokesman Dmitry Peskov said."),
]


def test_a_job_read_together_finds_what_each_article_alone_finds(tmp_path: Path) -> None:
    items = [TextItem(n, title, body, "2026-03-02T10:00:00Z", "en", True)
             for n, (title, body) in enumerate(ARTICLES, 1)]
    sources = Sources(None, sources_digest(None), str(tmp_path / "prebuilt"))
    warm_analysis(sources)
    together = analyse_texts(items, sources)
    alone = [analyse_texts([item], sources)[0] for item in items]
    assert together == alone
    links = LinksAnalyzer()
    for item, found in zip(items, together, strict=True):  # and `text`, one article
        assert found["links"] == links.text(item, found, sources)
    assert len({found["links"].raw for found in together}) == len(items) - 1


def test_an_analyzer_reading_together_must_come_last(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    sources = Sources(None, sources_digest(None), str(tmp_path / "prebuilt"))
    warm_analysis(sources)
    workers = analyzers_module._worker_analyzers
    monkeypatch.setattr(analyzers_module, "_worker_analyzers", [workers[-1], *workers[:-1]])
    with pytest.raises(ValueError, match="must come last"):
        analyse_texts([TextItem(1, "A title", "A body.", "2026-03-02T10:00:00Z")], sources)
