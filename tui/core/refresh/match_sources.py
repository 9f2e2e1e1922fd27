"""What the analyzers' tools are built from (the bundled data, the user's actors.toml, the
matchers' versions) and its hash, which tells a cache matched with other data (`Analysis`
re-matches it then). Hashing reads bytes only: an unchanged refresh parses no TOML and builds
no automaton; without a user's actors.toml it reads and hashes nothing either, as the cache
keeps the hash with the bundled files' stamps (`remember`, `keep`).
"""

from __future__ import annotations

import os
import sqlite3

from tui.core.store.db import get_meta, set_meta

TYPE_CHECKING = False
if TYPE_CHECKING:
    import hashlib
    from pathlib import Path

# The bundled data the tools are built from: an unchanged refresh hashes, imports no matcher.
# Paths as text, as stamps name them: an all-304 fetch loads no pathlib.
_DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(
    __file__)))), "data")
BUNDLED_SOURCES = tuple(os.path.join(_DATA, name) for name in (
    "actors.toml", "offices.toml", "places.toml", "bodies.toml", "objects.toml"))
# The matcher code's version, one per `rematch` analyzer (by name), hashed with the data: a fix
# to the matching applies to every cached article once, not to new ones only. BUMP BY HAND
# whenever an analyzer's output for the same text and data changes (a refactor that finds the
# same does not). Named here, not on the analyzers, so an unchanged refresh imports none.
MATCHER_VERSIONS = {"places": 8,  # 8: regions in -ье declined (Приморья); 7: forms matched as
                    # written ("Şam"); 6: West Bank, Gaza in
                    # Hebrew; 5: no-place phrases
                    # 15: Turkish exonyms; the linker's quake verbs and "İran'a" ride on it;
                    # 14: a lone surname by a place's head noun (the linker's Turkish endings and
                    # lexicon ride on it: recent articles relinked); 13: Turkish-letter acronyms
                    "actors": 15,
                    "unlisted": 6}  # 6: no "لل" word in a name; 5: office phrases undated


def matcher_versions() -> str:
    """The versions as hashed: "actors=2 places=1 unlisted=2"."""
    return " ".join(f"{name}={version}" for name, version in sorted(MATCHER_VERSIONS.items()))


_BUNDLED: dict[tuple[object, ...], hashlib._Hash] = {}
# the digest without a user's file, by the bundled files' stamps and the versions (`_known_as`)
_KNOWN: dict[str, str] = {}
MEMO_KEY = "sources_memo"  # meta: that pair as last hashed for this cache, "stamps\ndigest"


def sources_digest(actors_file: Path | None) -> str:
    """The hash of the bundled data, `actors_file` (when there is one) and the versions.
    The bundled files are read and hashed once while they stay as they are (size, time and
    inode): a refresh asked twice, ~1 MB read and hashed each time. Without a user's file
    a digest the cache remembered for the same stamps is the digest (hashlib, which loads
    OpenSSL, and the read were ~7 ms of an unchanged fetch)."""
    user = actors_file is not None and actors_file.exists()
    known = None if user else _known_as()
    if known in _KNOWN:
        return _KNOWN[known]
    import hashlib

    key = tuple(stamp(path) for path in BUNDLED_SOURCES)
    bundled = _BUNDLED.get(key)
    if bundled is None:
        bundled = _BUNDLED[key] = hashlib.sha256(
            b"\0".join(read_bytes(path) for path in BUNDLED_SOURCES))
    digest = bundled.copy()
    if actors_file is not None and user:
        digest.update(b"\0" + actors_file.read_bytes())
    digest.update(b"\0" + matcher_versions().encode())
    if known is not None and known == _known_as(key):  # the stamps read before the bytes
        _KNOWN[known] = digest.hexdigest()
    return digest.hexdigest()


def _known_as(key: tuple[tuple[object, ...], ...] | None = None) -> str:
    """The bundled files' stamps and the matchers' versions, as `_KNOWN` and the cache key
    the digest made without a user's file."""
    key = key or tuple(stamp(path) for path in BUNDLED_SOURCES)
    return repr((key, matcher_versions()))


def remember(conn: sqlite3.Connection) -> None:
    """What the cache recorded (`keep`): its digest stands for the same stamps here."""
    stamps, _, digest = (get_meta(conn, MEMO_KEY) or "").rpartition("\n")
    if stamps and digest:
        _KNOWN.setdefault(stamps, digest)


def keep(conn: sqlite3.Connection) -> None:
    """Record the digest without a user's file with its stamps, when it is not already
    recorded (a write once per upgrade): the next process then need not hash."""
    known = _known_as()
    if known not in _KNOWN or get_meta(conn, MEMO_KEY) == f"{known}\n{_KNOWN[known]}":
        return
    from tui.core.store.write_turns import transaction

    with transaction(conn):
        set_meta(conn, MEMO_KEY, f"{known}\n{_KNOWN[known]}")


def sources_unchanged(conn: sqlite3.Connection, gazetteer_hash: str | None) -> bool:
    """Without a user's actors.toml: the cache recorded the digest of the bundled files as they
    are now (`keep`) and was matched with it (`gazetteer_hash`, stored). Then `remember` makes
    that digest the sources' hash, the analysis has nothing to re-match and `keep` nothing to
    write: the lean fetch (cli/lean_fetch.py) asks this before it skips the analysis."""
    return (gazetteer_hash is not None
            and get_meta(conn, MEMO_KEY) == f"{_known_as()}\n{gazetteer_hash}")


def read_bytes(path: str | Path) -> bytes:
    with open(path, "rb") as file:
        return file.read()


def stamp(path: str | Path) -> tuple[object, ...]:
    """What tells a file changed without reading it: its path, size, times and inode. The
    change time (ctime) is in it because a file rewritten in place keeping its size and a
    restored mtime still gets a new ctime, which no ordinary tool can set back."""
    try:
        found = os.stat(path)
    except OSError:
        return (str(path),)
    return str(path), found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino
