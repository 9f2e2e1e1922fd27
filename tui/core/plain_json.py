"""`json.dumps(data, ensure_ascii=False)` and its `indent=2` form for plain data (dicts with
str keys, lists, tuples, str, int, float, bool, None), without loading json: its import
compiles its patterns and loads re, a few ms of an all-304 `fetch --json` that writes one
summary and binds a few lists of ids. Strings are escaped by json's own C function; anything
else is handed to json itself. tests/test_plain_json.py compares the two."""

from __future__ import annotations

from _json import encode_basestring


class _NotPlain(Exception):
    """A value this does not write: json writes the whole of it."""


def dumps(data: object, indent: int | None = None) -> str:
    """What `json.dumps(data, ensure_ascii=False, indent=indent)` returns."""
    try:
        return _text(data, indent, 0)
    except _NotPlain:
        import json

        return json.dumps(data, ensure_ascii=False, indent=indent)


def _text(value: object, indent: int | None, level: int) -> str:
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise _NotPlain
        return float.__repr__(value)
    if isinstance(value, list | tuple):
        return _joined("[", [_text(item, indent, level + 1) for item in value], "]",
                       indent, level)
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise _NotPlain
        return _joined("{", [f"{encode_basestring(key)}: {_text(item, indent, level + 1)}"
                             for key, item in value.items()], "}", indent, level)
    raise _NotPlain


def _joined(opening: str, items: list[str], closing: str, indent: int | None,
            level: int) -> str:
    if not items:
        return opening + closing
    if indent is None:
        return opening + ", ".join(items) + closing
    inner = "\n" + " " * (indent * (level + 1))
    return f"{opening}{inner}{(',' + inner).join(items)}\n{' ' * (indent * level)}{closing}"
