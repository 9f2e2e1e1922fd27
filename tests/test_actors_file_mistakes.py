"""A user's actors.toml with a mistake: a config error like feeds.toml's (file, line, what is
wrong; exit 2), the words people write for a kind accepted, and a hand edit that reaches the
cached articles at the next command, not the next fetch. CLI runs are subprocesses on a cache
a real `newsdesk fetch` filled from a loopback feed."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.httpserver import LocalServer
from tests.test_tmux_actors import STORIES, fetch_site
from tui.core.actors.gazetteer import GazetteerError, load_gazetteer

INQUIRY = ("Kazakh Air Inquiry reports on the crash",
           "The Kazakh Air Inquiry said on Monday the plane was hit. Officials confirmed it.")


def actors(kind: str) -> str:
    return ('# my own actors\n\n[[actor]]\nid = "kazakh-air-inquiry"\n'
            f'name = "Kazakh Air Inquiry"\nkind = "{kind}"\n')


@pytest.mark.parametrize(("word", "kind"), [("organisation", "org"), ("organization", "org"),
                                             ("Country", "state"), ("news outlet", "media"),
                                             ("outlet", "media"), ("person", "person")])
def test_the_words_people_write_for_a_kind(tmp_path: Path, word: str, kind: str) -> None:
    path = tmp_path / "actors.toml"
    path.write_text(actors(word), encoding="utf-8")
    assert load_gazetteer(path).actors["kazakh-air-inquiry"].kind == kind


def test_a_wrong_kind_names_the_line_and_the_kind_meant(tmp_path: Path) -> None:
    path = tmp_path / "actors.toml"
    path.write_text(actors("organ"), encoding="utf-8")
    with pytest.raises(GazetteerError) as info:
        load_gazetteer(path)
    assert str(info.value).startswith(f"{path}:6: actor[0] (id 'kazakh-air-inquiry'): key "
                                      "'kind': 'organ' is no kind (did you mean 'org'?)")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A feeds.toml whose four articles (one naming the inquiry) a fetch stored."""
    with LocalServer() as server:
        yield fetch_site(server, tmp_path_factory.mktemp("mistakes") / "site",
                         [*STORIES, INQUIRY])


def newsdesk(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", "--config", str(config), *args],
                          capture_output=True, text=True, timeout=300)


def test_a_broken_actors_file_is_a_config_error_in_every_command(site: Path) -> None:
    (site.parent / "actors.toml").write_text(actors("organ"), encoding="utf-8")
    try:
        for args in (("list", "actor:kazakh-air-inquiry"), ("fetch",), ("list",)):
            done = newsdesk(site, *args)
            assert done.returncode == 2, done.stderr
            assert "internal error" not in done.stderr
            assert done.stderr.startswith(f"newsdesk: config error: {site.parent}/actors.toml:6:"
                                          " actor[0]"), done.stderr
            assert "did you mean 'org'?" in done.stderr
    finally:
        (site.parent / "actors.toml").unlink()


def test_a_hand_edit_reaches_the_cache_at_the_next_command(site: Path) -> None:
    assert "no known actor" in newsdesk(site, "list", "actor:kazakh-air-inquiry").stderr
    (site.parent / "actors.toml").write_text(actors("organisation"), encoding="utf-8")
    try:
        done = newsdesk(site, "list", "actor:kazakh-air-inquiry")
        assert done.returncode == 0, done.stderr
        assert "Kazakh Air Inquiry reports on the crash" in done.stdout
        assert "matching the 4 cached articles again" in done.stderr
        again = newsdesk(site, "list", "actor:kazakh-air-inquiry")  # matched: said once
        assert again.returncode == 0 and again.stderr == ""
        assert "Kazakh Air Inquiry reports" in again.stdout
    finally:
        (site.parent / "actors.toml").unlink()
