"""What a refresh did, for the CLI's report and the reader's status line."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RefreshSummary:
    feeds_ok: int = 0
    feeds_failed: int = 0
    not_modified: int = 0
    new_articles: int = 0
    updated_articles: int = 0  # stored items the feed corrected (title or text)
    extracted: int = 0
    pages_failed: int = 0  # pages tried without a text: those articles keep the feed's text
    pages_retried: int = 0  # of those, the ones that failed on the way: later runs try again
    errors: list[dict[str, str]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)  # feeds read, not wholly
    shared: list[dict[str, str]] = field(default_factory=list)  # items other feeds stored
    pruned: int = 0  # old articles keep_days took away (none a feed still sends)
    new_failures: list[str] = field(default_factory=list)  # feeds that worked until this run
    new_ids: list[int] = field(default_factory=list)
    stored_s: float = 0.0  # from the start until every article was stored (listed, searchable)
    total_s: float = 0.0  # ... until actors, links and stories were made too

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
