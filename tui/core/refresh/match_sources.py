"""What the analyzers' tools are built from (the bundled data, the user's actors.toml, the
matchers' versions) and its hash, which tells a cache matched with other data (`Analysis`
re-matches it then). Hashing reads bytes only: an unchanged refresh parses no TOML and builds
no automaton.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

# The bundled data the tools are built from: an unchanged refresh hashes, imports no matcher.
_DATA = Path(__file__).resolve().parents[2] / "data"
BUNDLED_SOURCES = (_DATA / "actors.toml", _DATA / "offices.toml", _DATA / "places.toml",
                   _DATA / "bodies.toml")
# The matcher code's version, one per `rematch` analyzer (by name), hashed with the data: a fix
# to the matching applies to every cached article once, not to new ones only. BUMP BY HAND
# whenever an analyzer's output for the same text and data changes (a refactor that finds the
# same does not). Named here, not on the analyzers, so an unchanged refresh imports none.
MATCHER_VERSIONS = {"places": 4,  # 4: two Arabic clitics; 3: read without vowel marks
                    "actors": 9,  # 9: two Arabic clitics, SNSC short forms; 8: UKMTO, SNSC
                    "unlisted": 6}  # 6: no "لل" word in a name; 5: office phrases undated


def matcher_versions() -> str:
    """The versions as hashed: "actors=2 places=1 unlisted=2"."""
    return " ".join(f"{name}={version}" for name, version in sorted(MATCHER_VERSIONS.items()))


_BUNDLED: dict[tuple[object, ...], hashlib._Hash] = {}


def sources_digest(actors_file: Path | None) -> str:
    """The hash of the bundled data, `actors_file` (when there is one) and the versions.
    The bundled files are read and hashed once while they stay as they are (size, time and
    inode): a refresh asked twice, ~1 MB read and hashed each time."""
    key = tuple(_stamp(path) for path in BUNDLED_SOURCES)
    bundled = _BUNDLED.get(key)
    if bundled is None:
        bundled = _BUNDLED[key] = hashlib.sha256(
            b"\0".join(path.read_bytes() for path in BUNDLED_SOURCES))
    digest = bundled.copy()
    if actors_file is not None and actors_file.exists():
        digest.update(b"\0" + actors_file.read_bytes())
    digest.update(b"\0" + matcher_versions().encode())
    return digest.hexdigest()


def _stamp(path: Path) -> tuple[object, ...]:
    try:
        found = path.stat()
    except OSError:
        return (str(path),)
    return str(path), found.st_size, found.st_mtime_ns, found.st_ino
