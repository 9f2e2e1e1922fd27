"""The words around each trigger of the unlisted-name finder, from one split of the text.

A long article has a trigger every few lines ("said", "minister"), and each one's context was
split into words again (`TOKEN.finditer(text, lo, hi)`): the windows overlap, and that split was
the finder's largest cost. Here one pass through the text serves them all, with the same tokens:
TOKEN has no lookaround, and a window starts at the text's start or after a space, where no
token runs across, so a window's tokens are the text's tokens that start inside it; only the
last, when it runs past the window's end, is cut there as `finditer` with that end cut it.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

Tok = tuple[int, int, str]  # (start, end, word)


def _splitter(token: re.Pattern[str]) -> re.Pattern[str] | None:
    """`token` as one group to split by: the text between tokens, then each token, in turn."""
    if token.groups:
        return None
    found = _SPLITTERS.get(token)
    if found is None:
        found = _SPLITTERS[token] = re.compile(f"({token.pattern})", token.flags)
    return found


_SPLITTERS: dict[re.Pattern[str], re.Pattern[str]] = {}


def tokens_in(text: str, token: re.Pattern[str], lo: int, hi: int) -> list[Tok]:
    """`[(m.start(), m.end(), m.group()) for m in token.finditer(text, lo, hi)]` for a token
    that neither looks around nor anchors (as TOKEN), three calls a word fewer: the slice is
    split by the token (C), and each token's place is the lengths of all before it summed
    (C too)."""
    split = _splitter(token)
    if split is None:
        return [(m.start(), m.end(), m.group()) for m in token.finditer(text, lo, hi)]
    parts = split.split(text[lo:hi])  # between, token, between, token, ..., between
    at = list(accumulate(map(len, parts), initial=lo))
    return list(zip(at[1:-1:2], at[2::2], parts[1::2], strict=True))


class TokenWindows:
    def __init__(self, text: str, token: re.Pattern[str]) -> None:
        self.text, self.token = text, token
        self.base = -1  # where the current pass began (a token boundary); -1: none yet
        self.end = -1  # how far it is split: a space, or the text's end
        self.toks: list[Tok] = []  # the text's tokens from `base` to `end`
        self.starts: list[int] = []

    def window(self, lo: int, hi: int) -> list[Tok]:
        """`[(m.start(), m.end(), m.group()) for m in token.finditer(text, lo, hi)]`; `lo` is
        0 or follows a space. Triggers come in text order: a window before the pass's start
        is split alone; one past its end starts a new pass (no gap is split). A pass grows to
        the first space after a window, where no token runs across."""
        text, token = self.text, self.token
        if lo < self.base:
            return tokens_in(text, token, lo, hi)
        if self.base < 0 or lo > self.end:
            self.base = self.end = lo
            self.toks, self.starts = [], []
        if hi > self.end:
            stop = text.find(" ", hi)
            stop = len(text) if stop < 0 else stop
            more = tokens_in(text, token, self.end, stop)
            self.toks += more
            self.starts += [t[0] for t in more]
            self.end = stop
        starts = self.starts
        out = self.toks[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]
        if out and out[-1][1] > hi:  # runs past the window: cut as the window's split cuts it
            cut = token.match(text, out[-1][0], hi)
            assert cut is not None  # a token starts with a letter or digit, inside the window
            out[-1] = (cut.start(), cut.end(), cut.group())
        return out
