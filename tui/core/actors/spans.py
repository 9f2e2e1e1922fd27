"""Span arithmetic the matcher needs once hits are found: which named actor a bare surname
refers to, names blanked out of the text, adjacent mentions of one actor joined."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Protocol


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def nearest_named(named: dict[str, list[int]], candidates: list[str], at: int,
                   ahead: bool) -> str | None:
    """Of the candidates named in the article, the one named closest before `at`; with
    `ahead`, failing that, the one named closest after it."""
    best: tuple[int, str] | None = None
    for actor_id in candidates:
        starts = named.get(actor_id)
        if not starts:
            continue
        i = bisect.bisect_left(starts, at)
        if i == 0 and not ahead:
            continue
        distance = at - starts[i - 1] if i > 0 else 10**9 + starts[i] - at
        if best is None or distance < best[0]:
            best = (distance, actor_id)
    return None if best is None else best[1]


def mask(norm: str, hits: Sequence[_Span]) -> str:
    parts = []
    done = 0
    for hit in hits:  # in text order; norm is text shifted right by one
        parts.append(norm[done:hit.start + 1])
        parts.append(" " * (hit.end - hit.start))
        done = hit.end + 1
    parts.append(norm[done:])
    return "".join(parts)


def merge_adjacent(spans: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """One mention for "Russian President Vladimir Putin": same actor, only spaces between."""
    out: list[tuple[int, int, str]] = []
    for start, end, actor_id in spans:
        if out and out[-1][2] == actor_id and not text[out[-1][1]:start].strip() \
                and "\n" not in text[out[-1][1]:start]:
            out[-1] = (out[-1][0], end, actor_id)
        else:
            out.append((start, end, actor_id))
    return out
