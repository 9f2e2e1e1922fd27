"""The standing progress line of a running refresh: which stage, and which feeds it waits for."""

from __future__ import annotations

from tui.app.job_progress import JobProgress
from tui.core.refresh.events import FeedFailed, FeedFinished, FeedStarted, Progress, Stored


def test_it_names_the_feeds_still_being_fetched() -> None:
    job = JobProgress("refreshing all feeds")
    assert job.line == "refreshing all feeds…"
    for name in ("Wire", "Slow drip", "Tass", "Mehr"):
        job.follow(FeedStarted(name))
    job.follow(FeedFinished("Wire", 3, "ok"))
    job.follow(Progress(1, 4, "feeds"))
    assert job.line == ("refreshing all feeds…; feeds 1/4; waiting for Slow drip, Tass and "
                        "1 more")
    job.follow(FeedFailed("Tass", "404"))
    job.follow(FeedFinished("Mehr", 0, "ok"))
    job.follow(Progress(3, 4, "feeds"))
    assert job.line == "refreshing all feeds…; feeds 3/4; waiting for Slow drip"


def test_past_the_feeds_it_counts_the_analysis() -> None:
    job = JobProgress("refreshing all feeds")
    job.follow(FeedStarted("Wire"))
    job.follow(Progress(1, 1, "feeds"))
    job.follow(Stored(12))
    job.what = "12 new articles stored; finding actors"  # as the app says it
    assert job.line == "12 new articles stored; finding actors…"
    job.follow(Progress(40, 120, "analyse"))
    assert job.line == "12 new articles stored; finding actors…; 40/120"
