"""A bounded memo for the analyzers' reads of stored rows (own module: `basics` stays free of
`typing`, which an unchanged fetch never loads)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class RecentReads(Generic[K, V]):
    """`read(key)` memoised for the last `size` keys, cleared whole when full: analyzers read
    one article's stored rows one after the other, so only the last few keys ever repeat, and
    a whole clear costs nothing per read (an LRU's bookkeeping did)."""

    def __init__(self, read: Callable[[K], V], size: int = 512) -> None:
        self._read, self._size = read, size
        self._found: dict[K, V] = {}

    def __call__(self, key: K) -> V:
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= self._size:
                self._found.clear()
            found = self._found[key] = self._read(key)
        return found

    def prime(self, found: Mapping[K, V]) -> None:
        """Keep each value as what `read(key)` gives, where the caller has it already (the
        actors analyzer has the spans it just encoded); an article's rows in one call."""
        if len(self._found) + len(found) > self._size:
            self._found.clear()
        self._found.update(found)
