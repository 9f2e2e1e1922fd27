"""What a usage error adds to argparse's words: the option an unknown one was meant to be,
as the user types it (`list -n 5`: `--limit 5`; `-j`, `--format json`: `--json` and what it
prints; `--JSON`: `--json`), or where a query word that looks like an option goes."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

MACHINE = frozenset(
    {
        "-j",
        "-J",
        "--format",
        "--output",
        "--fmt",
        "-o",
        "--jsonl",
        "--ndjson",
        "--machine",
        "--porcelain",
        "--raw",
        "--csv",
    }
)
"""Other tools' words for machine output: where a command has `--json`, they mean it."""


def _longs(parser: argparse.ArgumentParser) -> list[str]:
    return [o for a in parser._actions for o in a.option_strings if o.startswith("--")]


def head_count(word: str) -> bool:
    """`-n5`: head's and tail's count, stuck to its option."""
    return len(word) > 2 and word[:2] == "-n" and word[2:].isdigit()


def _meant(word: str, parser: Any, argv: Sequence[str]) -> str | None:
    """The option an unknown `word` stands for, as the user should type it, or None."""
    import difflib

    longs = _longs(parser)
    name = word.split("=", 1)[0]
    folded = {o.casefold(): o for o in longs}
    if name.startswith("--") and name.casefold() in folded:  # --JSON
        return folded[name.casefold()]
    if name in MACHINE and "--json" in longs:
        about = next((a.help for a in parser._actions if "--json" in a.option_strings), None)
        return f"--json ({about})" if about else "--json"
    if "--limit" in longs and (name == "-n" or head_count(name)):
        after = list(argv)[list(argv).index(word) + 1 :] if word in argv else []
        count = name[2:] or next((w for w in after if w.isdigit()), "N")  # -n 5: 5 is a
        return f"--limit {count}"  # query word by now, after the `--` query_words put
    if name.startswith("--"):
        close = difflib.get_close_matches(name, longs, n=1, cutoff=0.6)
        return close[0] if close else None
    return None


def unrecognized(extra: Sequence[str], parser: Any, argv: Sequence[str] = ()) -> str:
    """argparse's own words, and the option each unknown one is meant to be, as it is
    typed (`-n 5`: `--limit 5`; `-j`, `--format json`: `--json`)."""
    message = f"unrecognized arguments: {' '.join(extra)}"
    meant = list(dict.fromkeys(m for w in extra if (m := _meant(w, parser, argv))))
    if meant:
        message += f"; did you mean {' or '.join(meant)}?"
    elif parser.query and any(w.startswith("--") for w in extra):
        message += "; query words that start with '--' go after a lone '--'"
    elif parser.query and any(map(one_letter, extra)):
        limit = "--limit N says how many; " if "--limit" in _longs(parser) else ""
        message += f"; {limit}a query word like -x goes after a lone '--'"
    if parser.query and any(map(one_letter, extra)) and "lone '--'" not in message:
        message += " (a query word like -x goes after a lone '--')"
    return message


def one_letter(word: str) -> bool:
    """`-n`: an option of other tools; as a query, a one-letter word left out, which no
    one means."""
    return len(word) == 2 and word[0] == "-" and word[1].isascii() and word[1].isalpha()
