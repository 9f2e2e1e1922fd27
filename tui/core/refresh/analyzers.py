"""The analyzers in the order they run, and the pool's entry points that run their text halves.

Order: actors (names and role phrases) -> places -> unlisted names (where neither found
anything) -> rules (may ask actor: and place:) -> links (weigh actors).

Adding a signal: write an `Analyzer` (see analyzer.py) beside the code it belongs to and list it
here; the pipeline, the pool and the writer need no change.
"""

from __future__ import annotations

from tui.core.refresh.analyzer import Analyzer, Found, Sources, TextItem, analysed


def analyzers() -> list[Analyzer]:
    """A fresh set (write halves may keep per-run state), in the order they must run."""
    from tui.core.actors.analyzer import ActorsAnalyzer, UnlistedAnalyzer
    from tui.core.linking.analyzer import LinksAnalyzer
    from tui.core.places.analyzer import PlacesAnalyzer
    from tui.core.query.rules import RulesAnalyzer

    return [ActorsAnalyzer(), PlacesAnalyzer(), UnlistedAnalyzer(), RulesAnalyzer(),
            LinksAnalyzer()]


_worker_analyzers: list[Analyzer] = []


def analyse_texts(items: list[TextItem], sources: Sources,
                  only: tuple[str, ...] | None = None) -> list[Found]:
    """The text halves, for a pool worker: pure text work, so the analysis of a big refresh runs
    on every core while the main process writes. `only`: these analyzers (a re-match).
    Each reads at most the first `analyzer.ANALYSED_CHARS` of a body (`analysed`)."""
    items = [analysed(item) for item in items]
    if not _worker_analyzers:
        _worker_analyzers.extend(analyzers())
    run = [a for a in _worker_analyzers if only is None or a.name in only]
    # Each analyzer reads the whole job before the next starts (each sees what those before
    # it found in the same article): its tools (the matchers' automatons are ~20 MB) stay in
    # the CPU's caches from one article to the next, where an article taken through every
    # analyzer in turn evicted them each time (~7% of the text halves). An analyzer with
    # `texts` (links) reads the job's articles together: so it must come after the others.
    together = [a for a in run if hasattr(a, "texts")]
    alone = run[:len(run) - len(together)]
    if together != run[len(alone):]:
        raise ValueError("an analyzer reading articles together must come last")
    out: list[Found] = [{} for _ in items]
    for analyzer in alone:
        name, text = analyzer.name, analyzer.text
        for item, found in zip(items, out, strict=True):
            result = text(item, found, sources)
            if result is not None:
                found[name] = result
    for analyzer in together:
        for found, result in zip(out, analyzer.texts(items, out, sources), strict=True):
            if result is not None:
                found[analyzer.name] = result
    return out


def warm_analysis(sources: Sources) -> None:
    """Build every analyzer's tools while the network is still busy. In a pool worker, what
    is made by then (the recognizer, the place matchers, the lexicons: ~300k objects, kept for
    the worker's life) is then frozen out of the cyclic collector's walks: each collection of
    the generations they sat in walked them again, to free nothing."""
    if not _worker_analyzers:
        _worker_analyzers.extend(analyzers())
    for analyzer in _worker_analyzers:
        analyzer.warm(sources)
    import multiprocessing

    if multiprocessing.parent_process() is not None:  # never the app's or a CLI's own objects
        import gc

        gc.freeze()


