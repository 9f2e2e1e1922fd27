"""The recognizer a pool worker builds from the gazetteer, kept on disk between runs.

Building it (the TOML files parsed, ~120k forms normalised, the Aho-Corasick automaton made)
cost each worker ~0.75 s of CPU at the start of every refresh with new articles, before the
first batch could be analysed; a pickled copy loads in about a third of that. The copy is
named by everything it is built from: the data files (`Sources.source_hash`), the code that
builds it (all of `tui/core`'s source: a class or helper the pickle holds may live outside
`actors/`, and an upgrade rebuilds once), the interpreter and pyahocorasick, so any change
builds afresh. The first process that wants a missing copy builds and writes it (atomically)
while any other that wants it meanwhile waits for it and loads it (`_building`: both pool
workers built the same tools at a user's first fetch, ~3.5 s of CPU each); a copy that fails
to load is built again and written over. The folder is the user's cache (`prebuilt_dir`), not a
desk's: every desk on the machine with the same data shares it, as with compiled bytecode.
The place matchers are kept the same way beside it (`load_places`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from tui.core.actors.recognize import Recognizer
    from tui.core.refresh.analyzer import Sources

ENV = "NEWSDESK_PREBUILT_DIR"  # a folder, or empty for none (built every time)
KEEP = 3  # copies kept (a few data versions: several actors files in use)
_STALE_CLAIM_S = 600  # a writer that claimed the file this long ago died
_WAIT_S = 120.0  # a build elsewhere taking longer is stuck: this process builds its own
_POLL_S = 0.02
T = TypeVar("T")
_code: list[str] = []
made: list[str] = []  # the kinds this process built rather than loaded, in order (a copy
#                       written by two processes was twice the CPU of a user's first fetch)


def prebuilt_dir() -> str | None:
    """Where copies are kept: $NEWSDESK_PREBUILT_DIR, else the user's cache folder."""
    if ENV in os.environ:
        return os.environ[ENV] or None
    from tui.core.config.userdirs import user_dir
    from tui.core.toml_lines import ConfigError

    try:
        return str(user_dir("cache") / "prebuilt")
    except ConfigError:  # no home folder: no copies kept (the cache's own folder is said)
        return None


def _code_hash() -> str:
    """The core's source, the interpreter and pyahocorasick: what the pickle depends on."""
    if not _code:
        import ahocorasick

        digest = hashlib.sha256(sys.version.encode())
        digest.update(str(getattr(ahocorasick, "__version__", "")).encode())
        for name, path in _core_sources():
            digest.update(name.encode() + b"\0" + path.read_bytes())
        _code.append(digest.hexdigest()[:16])
    return _code[0]


def _core_sources() -> list[tuple[str, Path]]:
    """Every module of `tui/core`, by its path inside it, in a fixed order."""
    core = Path(__file__).resolve().parent.parent
    return sorted((path.relative_to(core).as_posix(), path) for path in core.rglob("*.py"))


def _path(sources: Sources, kind: str = "recognizer") -> Path | None:
    from tui.core.refresh.analyzer import USER_CACHE

    folder = prebuilt_dir() if sources.prebuilt_dir == USER_CACHE else sources.prebuilt_dir
    if not folder:
        return None
    name = f"{kind}-{sources.source_hash[:24]}-{_code_hash()}.pickle"
    return Path(folder) / name


def _load(path: Path | None) -> object:
    """The copy at `path`, read with the cyclic collector off: a copy is ~300k containers
    made at once and none of them garbage, and the passes their making set off (a worker's
    paced ones too) walked them all for nothing (recognizer 0.23 -> 0.20 s of a worker)."""
    if path is None:
        return None
    import gc

    was_on = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except Exception:  # none yet, or unreadable: built and written over
        return None
    finally:
        if was_on:
            gc.enable()


def load_or_build(sources: Sources) -> Recognizer:
    """The recognizer for `sources`: loaded when a copy is on disk, else built (and saved)."""
    from tui.core.actors import gazetteer
    from tui.core.actors.recognize import Recognizer

    def build() -> Recognizer:
        actors_file = Path(sources.actors_file) if sources.actors_file else None
        return Recognizer(gazetteer.load_gazetteer(actors_file))

    found, loaded = _kept(_path(sources), lambda f: isinstance(f, Recognizer), build)
    if not loaded:
        made.append("recognizer")
    else:
        gazetteer.adopt(found.gazetteer)  # as load_gazetteer would have
    return found


def load_places(sources: Sources) -> None:
    """The place matchers (places' finder, the linker's matcher) made this process's own:
    loaded when a copy is on disk (~0.07 s), else built (~0.3 s: places.toml parsed twice and
    ~10,000 keys put in an automaton, by each worker before its first article) and saved.
    Named like the recognizer's copy; places.toml is among its sources."""
    from tui.core.linking import text
    from tui.core.places import matcher

    def accept(found: object) -> bool:
        return (isinstance(found, tuple) and len(found) == 2
                and isinstance(found[0], matcher.PlaceFinder)
                and isinstance(found[1], text.PlaceMatcher))

    found, loaded = _kept(_path(sources, "places"), accept,
                          lambda: (matcher.place_finder(), text.place_matcher()))
    if not loaded:
        made.append("places")
    else:
        matcher.adopt_finder(found[0])
        text.adopt_matcher(found[1])


def _kept(path: Path | None, accept: Callable[[object], bool],
          build: Callable[[], T]) -> tuple[T, bool]:
    """(the tool, whether it was loaded): the copy at `path` if one loads and is `accept`ed,
    else built here and saved, unless another process was building it: then its copy, once
    written."""
    found = _load(path)
    if accept(found):
        return found, True  # type: ignore[return-value]
    if path is None:
        return build(), False
    with _building(path) as alone:
        found = _load(path)  # written by the process this one waited for
        if accept(found):
            return found, True  # type: ignore[return-value]
        if alone:  # no live process writes it: a claim left is a killed writer's
            path.with_suffix(".writing").unlink(missing_ok=True)
        built = build()
        _save(path, built)
        return built, False


@contextlib.contextmanager
def _building(path: Path) -> Iterator[bool]:
    """Held while this process builds the copy at `path`: a `flock` on a file beside it,
    waited for while another process holds it (it is building the same copy) and let go by
    the kernel however its holder ends. Yields whether it is held: not where locks cannot be
    taken (no fcntl, a read-only folder) or after `_WAIT_S` of waiting."""
    try:
        import fcntl

        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path.with_suffix(".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    except (ImportError, OSError):
        yield False
        return
    try:
        deadline = time.monotonic() + _WAIT_S
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() < deadline:
                    time.sleep(_POLL_S)
                    continue
                held = False
            except OSError:  # a file system without locks
                held = False
            else:
                held = True
            break
        yield held
    finally:
        os.close(fd)  # the lock goes with it


def _save(path: Path, recognizer: object) -> None:
    """Write once: the worker that claims the file writes it, the others go on analysing."""
    claim = path.with_suffix(".writing")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if claim.exists() and time.time() - claim.stat().st_mtime > _STALE_CLAIM_S:
            claim.unlink(missing_ok=True)
        fd = os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError:
        return  # another worker writes it, or the folder is read-only: build next time too
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(recognizer, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(claim, path)
        _prune(path)
    except Exception:  # a cache: a copy that cannot be written is no error
        claim.unlink(missing_ok=True)


def _prune(kept: Path) -> None:
    """Only the KEEP newest copies of its kind stay (a recognizer is ~17 MB, places ~8)."""
    kind = kept.name.split("-", 1)[0]
    copies = sorted(kept.parent.glob(f"{kind}-*.pickle"),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in copies[KEEP:]:
        if old != kept:
            old.unlink(missing_ok=True)
            old.with_suffix(".lock").unlink(missing_ok=True)
