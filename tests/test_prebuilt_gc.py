"""A prebuilt copy is read with the cyclic collector off, and the collector is on again after
(actors/prebuilt.py `_load`): its ~300k containers are none of them garbage."""

from __future__ import annotations

import gc
import pickle
from pathlib import Path

from tui.core.actors import prebuilt

_seen: list[bool] = []


class Probe:
    """Says, as it is read back, whether the collector was on."""

    def __init__(self) -> None:
        self.made = True  # some state, so that unpickling sets it

    def __setstate__(self, state: dict[str, object]) -> None:
        _seen.append(gc.isenabled())
        self.__dict__.update(state)


def test_read_with_the_collector_off_then_on_again(tmp_path: Path) -> None:
    path = tmp_path / "probe.pickle"
    path.write_bytes(pickle.dumps(Probe()))
    _seen.clear()
    assert gc.isenabled()
    found, loaded = prebuilt._kept(path, lambda f: isinstance(f, Probe), Probe)
    assert loaded and isinstance(found, Probe)
    assert _seen == [False]
    assert gc.isenabled()


def test_a_broken_copy_leaves_the_collector_on(tmp_path: Path) -> None:
    path = tmp_path / "broken.pickle"
    path.write_bytes(b"not a pickle")
    assert prebuilt._load(path) is None
    assert gc.isenabled()


def test_a_collector_turned_off_stays_off(tmp_path: Path) -> None:
    path = tmp_path / "probe.pickle"
    path.write_bytes(pickle.dumps(Probe()))
    gc.disable()
    try:
        assert isinstance(prebuilt._load(path), Probe)
        assert not gc.isenabled()
    finally:
        gc.enable()
