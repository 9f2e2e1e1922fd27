"""The cache keeps the data's hashes with the files' stamps (path, size, times, inode), so an
unchanged fetch hashes nothing; a stamp that differs (an upgrade, an edit) is hashed again."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core.refresh import match_sources, relink
from tui.core.refresh.match_sources import (
    BUNDLED_SOURCES,
    MEMO_KEY,
    keep,
    matcher_versions,
    remember,
    sources_digest,
)
from tui.core.refresh.relink import LINKER_HASH_KEY, LINKER_STAMP_KEY
from tui.core.store.db import connect, get_meta, set_meta


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    db = connect(tmp_path / "cache.sqlite3")
    yield db
    db.close()


def _hashed(paths: tuple[Path, ...]) -> str:
    digest = hashlib.sha256(b"\0".join(path.read_bytes() for path in paths))
    digest.update(b"\0" + matcher_versions().encode())
    return digest.hexdigest()


def bundled_copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The bundled data files copied where a test may rewrite them, and read from there."""
    copies = [tmp_path / Path(path).name for path in BUNDLED_SOURCES]
    for path, copy in zip(BUNDLED_SOURCES, copies, strict=True):
        copy.write_bytes(Path(path).read_bytes())
    monkeypatch.setattr(match_sources, "BUNDLED_SOURCES", tuple(copies))
    monkeypatch.setattr(match_sources, "_KNOWN", {})
    return copies


def test_a_remembered_digest_stands_only_for_the_same_stamps(
        conn: sqlite3.Connection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copies = bundled_copies(tmp_path, monkeypatch)
    assert sources_digest(None) == _hashed(tuple(copies))
    keep(conn)
    stamps, _, kept = get_meta(conn, MEMO_KEY).rpartition("\n")
    assert kept == _hashed(tuple(copies)) and str(copies[0]) in stamps

    # another process, the same files: the cache's digest is taken (a planted one shows it)
    monkeypatch.setattr(match_sources, "_KNOWN", {})
    set_meta(conn, MEMO_KEY, f"{stamps}\nplanted")
    remember(conn)
    assert sources_digest(None) == "planted"
    # an upgraded file (another size and time): hashed again, and kept for the next run
    copies[1].write_bytes(copies[1].read_bytes() + b"\n# a new office\n")
    os.utime(copies[1], ns=(1, 1))
    assert sources_digest(None) == _hashed(tuple(copies))
    keep(conn)
    assert get_meta(conn, MEMO_KEY).endswith("\n" + _hashed(tuple(copies)))
    # a user's actors.toml is always read and hashed
    mine = tmp_path / "actors.toml"
    mine.write_text('[[actor]]\nid = "x"\nname = "X"\n', encoding="utf-8")
    assert sources_digest(mine) not in ("planted", sources_digest(None))


def test_the_weights_are_hashed_again_when_their_stamp_changes(
        conn: sqlite3.Connection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    weights = tmp_path / "weights.json"
    weights.write_bytes(Path(relink._WEIGHTS).read_bytes())
    monkeypatch.setattr(relink, "_WEIGHTS", weights)
    version = f"\nfeatures={relink.FEATURES_VERSION}"
    relink.relink_if_linker_changed(conn)
    first = get_meta(conn, LINKER_HASH_KEY)
    assert first == hashlib.sha256(weights.read_bytes() + version.encode()).hexdigest()
    stamped = f"{match_sources.stamp(weights)!r} features={relink.FEATURES_VERSION}"
    assert get_meta(conn, LINKER_STAMP_KEY) == stamped
    weights.write_bytes(weights.read_bytes() + b"\n")  # a refit: another stamp, another hash
    relink.relink_if_linker_changed(conn)
    assert get_meta(conn, LINKER_HASH_KEY) == hashlib.sha256(
        weights.read_bytes() + version.encode()).hexdigest()
    stamped = f"{match_sources.stamp(weights)!r} features={relink.FEATURES_VERSION}"
    assert get_meta(conn, LINKER_STAMP_KEY) == stamped


def test_a_file_rewritten_in_place_with_its_size_and_mtime_is_hashed_again(
        conn: sqlite3.Connection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit that keeps the size and puts the old mtime back (an editor, `touch -r`, an
    unpacked archive) must not keep the old digest: the stamp holds the change time too."""
    copies = bundled_copies(tmp_path, monkeypatch)
    before = sources_digest(None)
    keep(conn)
    was = copies[0].stat()
    data = bytearray(copies[0].read_bytes())
    data[-1:] = b"!" if data[-1:] != b"!" else b"?"  # same size, other bytes
    copies[0].write_bytes(bytes(data))
    os.utime(copies[0], ns=(was.st_atime_ns, was.st_mtime_ns))
    assert copies[0].stat().st_size == was.st_size
    monkeypatch.setattr(match_sources, "_KNOWN", {})  # another process
    remember(conn)
    assert sources_digest(None) == _hashed(tuple(copies)) != before
