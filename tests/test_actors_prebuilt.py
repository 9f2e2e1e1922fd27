"""The recognizer kept on disk between runs (actors/prebuilt.py): the same mentions as one
built afresh, written once, rebuilt when its copy is unreadable or its data changed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tui.core.actors import gazetteer, prebuilt
from tui.core.refresh.analyzer import Sources

TEXTS = [
    ("Shoigu meets Pezeshkian in Tehran",
     "Russian Security Council secretary Sergei Shoigu met Iranian President Masoud "
     "Pezeshkian on Monday. Hamas and the IRGC were discussed, a spokesman said."),
    ("Путин провёл совещание", "Владимир Путин и Сергей Лавров обсудили ситуацию в Курской "
     "области, сообщил Дмитрий Песков."),
]


def _mentions(recognizer: object) -> list[object]:
    when = datetime(2025, 3, 1, tzinfo=UTC)
    return [recognizer.mentions(t, b, when) for t, b in TEXTS]  # type: ignore[attr-defined]


def test_a_copy_is_written_once_and_loads_the_same_recognizer(tmp_path: Path) -> None:
    sources = Sources(None, "a" * 64, str(tmp_path))
    built = prebuilt.load_or_build(sources)
    copies = list(tmp_path.glob("recognizer-*.pickle"))
    assert len(copies) == 1 and not list(tmp_path.glob("*.writing"))
    stamp = copies[0].stat().st_mtime_ns
    loaded = prebuilt.load_or_build(sources)
    assert loaded is not built
    assert _mentions(loaded) == _mentions(built) and any(_mentions(built))
    assert gazetteer.in_use() is loaded.gazetteer  # linking's names read the one in use
    assert copies[0].stat().st_mtime_ns == stamp  # loaded, not written again


def test_an_unreadable_copy_is_built_again_and_replaced(tmp_path: Path) -> None:
    sources = Sources(None, "b" * 64, str(tmp_path))
    prebuilt.load_or_build(sources)
    (copy,) = tmp_path.glob("recognizer-*.pickle")
    copy.write_bytes(b"not a pickle")
    again = prebuilt.load_or_build(sources)
    assert any(_mentions(again))
    assert copy.read_bytes() != b"not a pickle"


def test_other_data_gets_its_own_copy_and_only_a_few_are_kept(tmp_path: Path) -> None:
    import os

    for n in range(prebuilt.KEEP):  # copies for older data, oldest first
        old = tmp_path / f"recognizer-{n}-old.pickle"
        old.write_bytes(b"")
        os.utime(old, (1_000 + n, 1_000 + n))
    prebuilt.load_or_build(Sources(None, "d" * 64, str(tmp_path)))
    kept = sorted(p.name for p in tmp_path.glob("recognizer-*.pickle"))
    assert len(kept) == prebuilt.KEEP and "recognizer-0-old.pickle" not in kept
    assert any(name.startswith("recognizer-dddd") for name in kept)


def test_no_folder_means_built_every_time(tmp_path: Path) -> None:
    recognizer = prebuilt.load_or_build(Sources(None, "c" * 64, None))
    assert any(_mentions(recognizer))
    assert not list(tmp_path.iterdir())


def test_the_copy_is_named_by_all_of_the_cores_code() -> None:
    """A class or helper the pickle holds may live outside actors/: any core module counts."""
    names = {name for name, _ in prebuilt._core_sources()}
    assert {"actors/recognize.py", "actors/prebuilt.py", "config/userfiles.py",
            "linking/features.py"} <= names


def test_the_place_matchers_are_kept_beside_it_and_load_the_same(tmp_path: Path) -> None:
    """Each worker adopts the copy before its first article: the same places found by both."""
    from tui.core.linking import text
    from tui.core.places import matcher

    title, body = "Talks in Tehran", "Envoys met in Tehran and Doha; the Iranian side left."
    sources = Sources(None, "e" * 64, str(tmp_path))
    finder, linker = matcher.place_finder(), text.place_matcher()
    prebuilt.load_places(sources)  # none yet: this process's own are saved
    (copy,) = tmp_path.glob("places-*.pickle")
    stamp = copy.stat().st_mtime_ns
    try:
        prebuilt.load_places(sources)
        assert matcher.place_finder() is not finder and text.place_matcher() is not linker
        assert matcher.place_finder().find(f"{title}\n\n{body}") == finder.find(
            f"{title}\n\n{body}") != []
        assert text.place_matcher().match(title, body) == linker.match(title, body) != {}
        assert copy.stat().st_mtime_ns == stamp  # loaded, not written again
        assert list(tmp_path.glob("recognizer-*.pickle")) == []  # a kind of its own
    finally:
        matcher.adopt_finder(finder)
        text.adopt_matcher(linker)


_CHILD = """
import sys
from tui.core.actors import prebuilt
from tui.core.refresh.analyzer import Sources
sources = Sources(None, "f" * 64, sys.argv[1])
prebuilt.load_or_build(sources)
prebuilt.load_places(sources)
print(",".join(prebuilt.made) or "-")
"""


def _child(folder: Path) -> object:
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.Popen([sys.executable, "-c", _CHILD, str(folder)], env=env,
                            stdout=subprocess.PIPE, text=True)


def test_two_processes_wanting_a_missing_copy_build_it_once(tmp_path: Path) -> None:
    """A user's first fetch: both pool workers want the tools at once. One builds each copy,
    the other waits for it and loads it (each built both before: ~3.5 s of CPU twice)."""
    children = [_child(tmp_path), _child(tmp_path)]
    said = sorted(c.communicate(timeout=300)[0].strip() for c in children)  # type: ignore[attr-defined]
    assert all(c.returncode == 0 for c in children)  # type: ignore[attr-defined]
    built = [kind for line in said for kind in line.split(",") if kind != "-"]
    assert sorted(built) == ["places", "recognizer"], said
    assert len(list(tmp_path.glob("*.pickle"))) == 2 and not list(tmp_path.glob("*.writing"))


def test_a_builder_killed_mid_build_keeps_no_one_waiting(tmp_path: Path) -> None:
    """The lock goes with its process however it ends: the next one builds at once."""
    import time

    child = _child(tmp_path)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob("recognizer-*.lock")) and time.monotonic() < deadline:
        time.sleep(0.01)
    child.kill()  # type: ignore[attr-defined]
    child.wait()  # type: ignore[attr-defined]
    assert not list(tmp_path.glob("recognizer-*.pickle"))  # killed before it wrote one
    start = time.monotonic()
    recognizer = prebuilt.load_or_build(Sources(None, "f" * 64, str(tmp_path)))
    assert any(_mentions(recognizer)) and time.monotonic() - start < prebuilt._WAIT_S / 2
    assert len(list(tmp_path.glob("recognizer-*.pickle"))) == 1
