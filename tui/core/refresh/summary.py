"""What a refresh did, for the CLI's report and the reader's status line."""

from __future__ import annotations


class RefreshSummary:
    """Counts and notes, filled in as the refresh goes. A plain class, not a dataclass: every
    fetch makes it, and the dataclasses module (inspect, ast, dis, tokenize) cost ~10 ms."""

    __slots__ = ("errors", "extracted", "feeds_failed", "feeds_ok", "new_articles",
                 "new_failures", "new_ids", "not_modified", "pages_failed", "pages_retried",
                 "pruned", "shared", "stored_s", "total_s", "updated_articles", "warnings")

    def __init__(self, feeds_ok: int = 0, feeds_failed: int = 0, not_modified: int = 0) -> None:
        self.feeds_ok = feeds_ok
        self.feeds_failed = feeds_failed
        self.not_modified = not_modified
        self.new_articles = 0
        self.updated_articles = 0  # stored items the feed corrected (title or text)
        self.extracted = 0
        self.pages_failed = 0  # pages tried without a text: those articles keep the feed's text
        self.pages_retried = 0  # of those, the ones that failed on the way: later runs try again
        self.errors: list[dict[str, str]] = []
        self.warnings: list[dict[str, str]] = []  # feeds read, not wholly
        self.shared: list[dict[str, str]] = []  # items other feeds stored
        self.pruned = 0  # old articles keep_days took away (none a feed still sends)
        self.new_failures: list[str] = []  # feeds that worked until this run
        self.new_ids: list[int] = []
        self.stored_s = 0.0  # from the start until every article was stored (listed, searchable)
        self.total_s = 0.0  # ... until actors, links and stories were made too

    def __repr__(self) -> str:
        return f"RefreshSummary({self.as_json()!r})"

    @property
    def offline(self) -> bool:
        """Every feed failed on its host name: this machine has no network (or no DNS), which
        is one thing to say, not a failure per feed."""
        if self.feeds_ok or self.feeds_failed < 2:
            return False
        from tui.core.ingest.neterrors import DNS_FAILURE  # (it loads the fetcher's errors)

        return all(e.get("error") == DNS_FAILURE for e in self.errors)

    def as_json(self) -> dict[str, object]:
        return {"feeds_ok": self.feeds_ok, "feeds_failed": self.feeds_failed,
                "not_modified": self.not_modified, "new_articles": self.new_articles,
                "new_ids": sorted(set(self.new_ids)),  # for a script: what this run brought
                "updated_articles": self.updated_articles,
                "extracted": self.extracted, "pages_failed": self.pages_failed,
                "pages_retried": self.pages_retried,
                "errors": self.errors, "warnings": self.warnings, "shared": self.shared,
                "pruned": self.pruned,
                "seconds": {"stored": round(self.stored_s, 3), "total": round(self.total_s, 3)}}
