"""Where a key sits in a TOML file, and the error that says so: feeds.toml's checks and the
user's actors.toml (core/actors, which the store's types import, so not core/config) share
them. tomllib keeps no positions, so the line is found in the text.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

# compiled when a mistake is worded (`Source._index`), not by every command
_HEADER = r"^\s*(\[\[?)\s*([A-Za-z0-9_.\"' -]+?)\s*\]\]?\s*(?:#.*)?$"
_KEY = r"""^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*="""


class ConfigError(Exception):
    """A problem with the configuration, worded for the user."""


class Source:
    """Where a key sits in the file: `where("feed", 2, "url")` -> "feeds.toml:14"."""

    def __init__(self, file: Path | str, text: str | None = None) -> None:
        self.file = file
        self._lines = text.splitlines() if text is not None else None
        self._where: dict[tuple[str | None, int | None, str | None], int] | None = None

    def where(self, table: str | None = None, index: int | None = None,
              key: str | None = None) -> str:
        line = self._line(table, index, key)
        return f"{self.file}:{line}" if line else str(self.file)

    def at(self, table: str | None = None, index: int | None = None,
           key: str | None = None) -> Where:
        """`where`, worked out only when an error is worded: a feed list's checks name a
        place per key, and finding lines in a 200-feed file cost more than the checks."""
        return Where(self, table, index, key)

    def _line(self, table: str | None, index: int | None, key: str | None) -> int | None:
        if self._lines is None:
            return None
        if self._where is None:
            self._where = self._index(self._lines)
        if key is not None and (table, index, key) in self._where:
            return self._where[(table, index, key)]
        return self._where.get((table, index, None))

    @staticmethod
    def _index(lines: list[str]) -> dict[tuple[str | None, int | None, str | None], int]:
        """Every header's and key's line, in one pass (a check per feed asked for its line
        and each walked the whole file: a 200-feed list spent a sixth of an unchanged refresh
        there). A table asked without an index: the first line with the key, or its header."""
        out: dict[tuple[str | None, int | None, str | None], int] = {}
        current: str | None = None
        seen: dict[str, int] = {}
        import re  # a mistake is being worded: only then

        header_line, key_line = re.compile(_HEADER), re.compile(_KEY)
        for number, text in enumerate(lines, 1):
            header = header_line.match(text)
            if header:
                current = header.group(2).strip().strip("\"'")
                seen[current] = seen.get(current, 0) + 1
                out.setdefault((current, seen[current], None), number)
                out.setdefault((current, None, None), number)
                continue
            found = key_line.match(text)
            if found:
                for key in filter(None, found.groups()):
                    out.setdefault((current, seen.get(current or "", 0), key), number)
                    out.setdefault((current, None, key), number)
        return out


class Where:
    """A place in the file, as `Source.where` words it, once shown (`str`, an f-string)."""

    __slots__ = ("_args", "_src")

    def __init__(self, src: Source, table: str | None, index: int | None,
                 key: str | None) -> None:
        self._src, self._args = src, (table, index, key)

    def __str__(self) -> str:
        return self._src.where(*self._args)
