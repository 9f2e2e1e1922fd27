"""When the workers build the analyzers' tools during a refresh (refresh/warm.py)."""

from __future__ import annotations

from tui.core.refresh.events import FeedFinished, Progress, RefreshEvent
from tui.core.refresh.warm import WarmUpWhen


def _when(events: list[RefreshEvent], *, pages: bool, workers: int = 2) -> int | None:
    """Index of the event at which warm-up was asked for, or None."""
    asked: list[int] = []
    seen = 0
    warm = WarmUpWhen(lambda: asked.append(seen), workers, pages=pages)
    for seen, event in enumerate(events):  # noqa: B007 - the lambda reads it
        warm.see(event)
    assert len(asked) <= 1
    return asked[0] if asked else None


def _feeds(total: int, new: int = 3) -> list[RefreshEvent]:
    out: list[RefreshEvent] = []
    for i in range(1, total + 1):
        out += [FeedFinished(f"f{i}", new, "ok"), Progress(i, total, "feeds")]
    return out


def test_without_pages_the_last_feeds_warm_up() -> None:
    events = _feeds(5)
    assert _when(events, pages=False) == events.index(Progress(3, 5, "feeds"))


def test_with_pages_only_the_last_pages_warm_up() -> None:
    events = _feeds(5) + [Progress(i, 10, "pages") for i in range(1, 11)]
    assert _when(events, pages=True) == events.index(Progress(8, 10, "pages"))


def test_pages_done_before_the_last_feed_do_not_count() -> None:
    early = [Progress(i, 4, "pages") for i in range(1, 5)]
    events = _feeds(3)[:4] + early + _feeds(3)[4:] + [Progress(5, 6, "pages")]
    assert _when(events, pages=True) == len(events) - 1


def test_nothing_new_no_warm_up() -> None:
    assert _when(_feeds(4, new=0), pages=False) is None
