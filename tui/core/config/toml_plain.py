"""feeds.toml read without tomllib when it is written plainly, as ours and the curated list are.

tomllib cost ~15 % of an unchanged 200-feed fetch (loading it compiles its patterns, and it
reads a character at a time). `loads` reads only a plain subset, one line at a time: `[table]`
and `[[array]]` headers and `key = value` lines with bare keys, whose value is a string without
escapes, a boolean, a plain integer or decimal, or a one-line array of such strings. Anything
else (an escape, a dotted key, an inline table, a date, a repeated key or table) returns None,
and tomllib reads the file (and words its mistakes): what this accepts, it reads as tomllib does.
"""

from __future__ import annotations

from tui.core.toml_lines import ConfigError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

# What tomllib refuses anywhere in a file (a tab is allowed; a line ends with \n or \r\n).
# A set, not a pattern: an all-304 fetch reads this file and loads no `re`.
_CONTROL = frozenset(map(chr, (*range(0x09), *range(0x0B, 0x20), 0x7F)))
_SPACE = " \t"


def document(path: Path, text: str) -> dict[str, Any]:
    """feeds.toml's document: read here when plainly written, else by tomllib (which an
    unchanged fetch of a plain file then never loads), its mistakes a ConfigError."""
    data = loads(text)
    if data is not None:
        return data
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def loads(text: str) -> dict[str, Any] | None:
    """The document, or None when it is not plainly written (tomllib's, then)."""
    text = text.replace("\r\n", "\n")
    if not text.replace("\n", "").replace("\t", "").isprintable() \
            and not _CONTROL.isdisjoint(text):  # (isprintable: no control, most often)
        return None
    root: dict[str, Any] = {}
    arrays: set[str] = set()  # names made by [[name]]
    table = root
    for line in text.split("\n"):
        line = line.strip(_SPACE)
        if not line or line[0] == "#":
            continue
        if line[0] == "[":
            made = _header(root, arrays, line)
            if made is None:
                return None
            table = made
            continue
        key, equals, rest = line.partition("=")
        key = key.rstrip(_SPACE)
        if not equals or not _bare(key) or key in table:
            return None
        value = _value(rest.lstrip(_SPACE))
        if value is None:
            return None
        table[key] = value
    return root


def _bare(key: str) -> bool:
    return bool(key) and key.isascii() and key.replace("_", "a").replace("-", "a").isalnum()


def _header(root: dict[str, Any], arrays: set[str], line: str) -> dict[str, Any] | None:
    """The table a header line opens (made in `root`), or None when it is not a plain one."""
    head = line.partition("#")[0]
    head = head.rstrip(_SPACE)
    many = head.startswith("[[")
    if many != head.endswith("]]") or not head.endswith("]"):
        return None
    name = head[2:-2] if many else head[1:-1]
    name = name.strip(_SPACE)
    if not _bare(name):
        return None
    table: dict[str, Any] = {}
    if many:
        if name in root and name not in arrays:
            return None
        arrays.add(name)
        root.setdefault(name, []).append(table)
    else:
        if name in root:
            return None
        root[name] = table
    return table


def _value(text: str) -> Any:
    """A value and nothing after it but a comment; None when it is not a plain one."""
    value: Any
    if text[:1] in ('"', "'"):
        got = _string(text)
        if got is None:
            return None
        value, rest = got
    elif text[:1] == "[":
        got_list = _array(text[1:])
        if got_list is None:
            return None
        value, rest = got_list
    else:
        word, hash_, comment = text.partition("#")
        value, rest = _scalar(word.rstrip(_SPACE)), hash_ + comment
    rest = rest.lstrip(_SPACE)
    return value if not rest or rest[0] == "#" else None


def _string(text: str) -> tuple[str, str] | None:
    """A one-line string without escapes, and what follows it."""
    quote = text[0]
    end = text.find(quote, 1)
    if end < 0:
        return None
    value = text[1:end]
    if quote == '"' and "\\" in value:
        return None
    rest = text[end + 1:]
    if end == 1 and rest[:1] == quote:  # """ or ''': a multi-line string
        return None
    return value, rest


def _array(text: str) -> tuple[list[str], str] | None:
    """A one-line array of plain strings (after its "["), and what follows its "]"."""
    out: list[str] = []
    while True:
        text = text.lstrip(_SPACE)
        if text[:1] == "]":
            return out, text[1:]
        if text[:1] not in ('"', "'"):
            return None
        got = _string(text)
        if got is None:
            return None
        out.append(got[0])
        text = got[1].lstrip(_SPACE)
        if text[:1] == ",":
            text = text[1:]
        elif text[:1] != "]":
            return None


def _scalar(word: str) -> bool | int | float | None:
    if word == "true":
        return True
    if word == "false":
        return False
    digits = word[1:] if word[:1] in ("+", "-") else word
    whole, dot, fraction = digits.partition(".")
    if not (whole.isascii() and whole.isdigit()) or (whole[0] == "0" and len(whole) > 1):
        return None
    if not dot:
        return int(word)
    if fraction.isascii() and fraction.isdigit():
        return float(word)
    return None
