"""Counted nouns for every message the user reads (CLI, app, export): one rule, so that no
message says "1 articles" or "2 feed"."""

from __future__ import annotations


def counted(n: int, noun: str, nouns: str | None = None) -> str:
    """`1 article`, `2 articles`; `nouns` for a plural that is not noun + s."""
    return f"{n} {noun}" if n == 1 else f"{n} {nouns or noun + 's'}"
