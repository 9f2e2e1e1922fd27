"""An article's text with its link markers drawn in, as `show`, exports and the reader show it.

The stored body holds no marker (search, actors and linking read it as extracted); each link
knows where its marker goes (`BodyLink.at`). Here the markers are put in, `full report 1[1]`,
and offsets into the stored body (actor spans, search marks) are carried over to the text
shown.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.models import BodyLink


def marker(number: int) -> str:
    return f"[{number}]"


@dataclass(frozen=True, slots=True)
class Marked:
    """A body with its markers in: the text, where each marker is in it (start, end, number),
    and the stored body's offsets where markers went (to carry spans over)."""

    text: str
    markers: tuple[tuple[int, int, int], ...]
    _at: tuple[int, ...]
    _widths: tuple[int, ...]  # running total of marker lengths, by `_at`

    def start(self, offset: int) -> int:
        """Where a span starting at `offset` of the stored body starts in `text` (after any
        marker at that very offset)."""
        i = bisect_right(self._at, offset)
        return offset + (self._widths[i - 1] if i else 0)

    def end(self, offset: int) -> int:
        """Where a span ending at `offset` of the stored body ends in `text` (before any
        marker at that offset: the marker follows the words)."""
        i = bisect_left(self._at, offset)
        return offset + (self._widths[i - 1] if i else 0)


def marked(body: str, links: Sequence[BodyLink]) -> Marked:
    """`body` with `[n]` after the words of link n; positions past the body are left out."""
    places = sorted((at, number) for number, link in enumerate(links, 1) for at in link.at
                    if 0 < at <= len(body))
    pieces: list[str] = []
    markers: list[tuple[int, int, int]] = []
    at_list: list[int] = []
    widths: list[int] = []
    done = shift = 0
    for at, number in places:
        pieces.append(body[done:at])
        text = marker(number)
        markers.append((at + shift, at + shift + len(text), number))
        pieces.append(text)
        shift += len(text)
        at_list.append(at)
        widths.append(shift)
        done = at
    pieces.append(body[done:])
    return Marked("".join(pieces), tuple(markers), tuple(at_list), tuple(widths))


def link_lines(links: Sequence[BodyLink]) -> list[str]:
    """`[1] https://...`, one a link, in number order."""
    return [f"{marker(number)} {link.url}" for number, link in enumerate(links, 1)]
