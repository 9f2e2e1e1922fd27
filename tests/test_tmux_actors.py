"""Role phrases, people not listed yet, news outlets and the place filter in a real terminal, as a
new user meets them: an empty HOME, a fresh interpreter in tmux, a loopback feed of our own.

What is checked on screen: the reader spells out "Russia's defence minister → Andrei Belousov",
the actor panel shows the unlisted person with their title and the news agency last, `L` adds
the person to the user's actors.toml (the file is read back) and `-` takes them back, `+` refuses a
listed actor's surname in the dialog, `a` shows an actor's spellings and a refused one leaves no
"added" behind, `-` takes back one spelling of two (its list moves with `j` `k`, `q` closes
it), `enter` on a person not listed lists the articles naming them, and `f place:iran`
filters by a city's name. A fetch of a story naming someone between two titles ends well (it
used to stop with an internal error).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from email.utils import formatdate
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer, Route
from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux
from tui.core.actors.gazetteer import load_gazetteer

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

STORIES = [
    ("Russia's defence minister tours the Kursk front",
     "Russia's defence minister visited units near the border, the TASS news agency "
     "reported. \"The line holds,\" said spokesman Ivo Examplov, who travelled with him."),
    ("A security failure in the heart of Tehran",
     "Investigators questioned guards after the blast on Thursday night."),
    ("Harvest festival opens in a quiet valley", "Farmers showed their apples."),
]


def page(title: str, text: str) -> bytes:
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1><p>{text}</p><p>This paragraph was written for a test of "
            f"newsdesk and for nothing else.</p></article></body></html>").encode()


def fetch_site(server: LocalServer, folder: Path, stories: list[tuple[str, str]]) -> Path:
    """A feeds.toml in `folder` whose recent articles (title, text) a `newsdesk fetch`
    process has stored from `server`."""
    now = time.time()
    folder.mkdir()
    items = []
    for i, (title, text) in enumerate(stories):
        path = f"/s{i}.html"
        server.add(path, Route(body=page(title, text),
                               headers={"Content-Type": "text/html; charset=utf-8"}))
        items.append({"title": title, "link": server.url(path), "guid": server.url(path),
                      "description": text,
                      "pubDate": formatdate(now - 3600 * (i + 1), usegmt=True)})
    url = server.add("/feed.xml", Route(body=rss(items), headers={
        "Content-Type": "application/rss+xml; charset=utf-8"}))
    config = write_config(folder, [("Wire", url)])
    done = subprocess.run([sys.executable, "-m", "tui", "--config", str(config), "fetch"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return config


@pytest.fixture
def fetched(tmp_path: Path) -> Iterator[Path]:
    """A feeds.toml whose three recent articles a `newsdesk fetch` process has stored."""
    with LocalServer() as server:
        yield fetch_site(server, tmp_path / "site", STORIES)


def start(term: Tmux, tmp_path: Path, config: Path) -> None:
    term.start(f"{user_env(tmp_path / 'home')} {sys.executable} -m tui --config {config}",
               cwd=tmp_path)
    term.wait_for(lambda s: STORIES[0][0] in s)


def panel_index(config: Path, name: str) -> tuple[int, list[str]]:
    """Where the actor panel lists `name` for the newest article, and every name in order (the
    panel wraps long lines in a narrow terminal, so the screen is no place to count them)."""
    from tui.app.widgets.side_panel import panel_order
    from tui.core.config.loader import load_config
    from tui.core.desk import Desk

    with Desk.open(load_config(config)) as desk:
        newest = desk.articles("", limit=1)[0].id
        names = [a.name for a in sorted(desk.actors_of(newest), key=panel_order)]
    return names.index(name), names


def flat(screen: str) -> str:
    return "".join(screen.split())


def test_role_line_a_person_not_listed_and_the_L_key(tmp_path: Path, term: Tmux,
                                                 fetched: Path) -> None:
    start(term, tmp_path, fetched)
    person, names = panel_index(fetched, "Ivo Examplov")
    assert names[0] == "Andrei Belousov" and names[-1] == "TASS"  # the news agency comes last
    term.keys("Enter")  # the newest article: the defence minister's visit
    screen = term.wait_for(lambda s: "Actors (" in s and "→" in s)
    assert "Russia's defence minister → Andrei Belousov" in screen, screen
    assert "not listed: Ivo Examplov (spokesman)" in screen, screen
    assert "IvoExamplovnotlisted·" in flat(screen), screen
    term.keys("Tab", "Tab")  # the article's text, then its actors
    for _ in range(person):
        term.keys("j")
    term.keys("Enter")  # his "timeline": the articles naming him, found by his name
    screen = term.wait_for(lambda s: "Ivo Examplov (not listed)" in s)
    assert STORIES[0][0] in screen and STORIES[1][0] not in screen, screen
    term.keys("Enter")  # the article again, and the person in its panel
    term.wait_for(lambda s: "IvoExamplovnotlisted" in flat(s))
    term.keys("Tab", "Tab")
    for _ in range(person):
        term.keys("j")
    term.keys("L")
    # it says where he is kept and how to take him back
    term.wait_for(lambda s: "Added to your actors" in s and "actors.toml" in s)
    # listed now: the panel shows him as a person once every article was matched again
    screen = term.wait_for(lambda s: "IvoExamplovperson·" in flat(s) or "failed" in s,
                           timeout=90)
    assert "Ivo Examplov added to your" in screen, screen  # the notice may cover the rest
    user_file = fetched.parent / "actors.toml"
    listed = load_gazetteer(user_file).actors["ivo-examplov"]
    assert (listed.name, listed.kind) == ("Ivo Examplov", "person")
    assert listed.description.startswith("spokesman; named in Wire")
    assert "not listed:" not in screen
    term.keys("-")  # a wrong L is taken back: asked first, then matched again
    term.wait_for(lambda s: "Forget Ivo Examplov" in s and "y yes" in s)
    term.keys("y")
    term.wait_for(lambda s: "Ivo Examplov forgotten" in s)
    term.wait_for(lambda s: "IvoExamplovnotlisted" in flat(s), timeout=90)
    assert "ivo-examplov" not in load_gazetteer(user_file).actors
    term.keys("q", "q", "q")


def test_plus_refuses_a_name_a_listed_actor_goes_by(tmp_path: Path, term: Tmux,
                                                    fetched: Path) -> None:
    """`+` Belousov (Andrei Belousov's surname) used to add a second "Belousov" that took his
    mentions; it is refused with whose name it is as soon as it is typed, before the kind is
    asked for, and actors.toml is not written."""
    start(term, tmp_path, fetched)
    term.keys("Enter")  # the defence minister's visit: Andrei Belousov in the panel
    term.wait_for(lambda s: "Andrei Belousov" in s and "Actors (" in s)
    term.keys("+")
    term.wait_for(lambda s: "New actor" in s)
    term.keys("Belousov", "Enter")
    screen = term.wait_for(lambda s: "already a name" in s, timeout=90)
    said = flat(screen)
    assert "New actor" in screen  # still in the dialog: no kind was asked for
    assert "BelousovisalreadyanameofAndreiBelousov(andrei-belousov);nothing" in said, screen
    assert "added(typeanothername,oresc)" in said and "added;" not in said, screen
    term.keys("Escape")
    term.wait_for(lambda s: "New actor" not in s)
    assert not (fetched.parent / "actors.toml").exists()
    term.keys("q", "q", "q")


def test_spellings_refused_added_listed_and_taken_back_one(tmp_path: Path, term: Tmux,
                                                          fetched: Path) -> None:
    """`a` shows the spellings an actor goes by; a refused one leaves a blank status line once
    its message fades (it fell back to "alias ... added" for good); `-` on an actor with two
    spellings of the user's lists them and takes back the one picked, saying which."""
    start(term, tmp_path, fetched)
    term.keys("Enter")
    term.wait_for(lambda s: "Andrei Belousov" in s and "Actors (" in s)
    term.keys("Tab", "Tab")  # the actor panel, Andrei Belousov first
    term.keys("a")
    screen = term.wait_for(lambda s: "Alias for Andrei Belousov" in s and "known as:" in s)
    assert "Белоусов" in screen, screen
    term.keys("Putin", "Enter")
    term.wait_for(lambda s: "already a name of Vladimir Putin" in s, timeout=60)
    term.keys("Escape")
    screen = term.wait_for(lambda s: "Putin" not in s, timeout=20)  # the message fades
    assert "added" not in screen, screen
    user_file = fetched.parent / "actors.toml"
    for spelling in ("Belousoff", "Byelousov"):
        term.keys("a")
        term.wait_for(lambda s: "Alias for Andrei Belousov" in s)
        term.keys(spelling, "Enter")
        term.wait_for(lambda s, spelling=spelling: f"'{spelling}' added to" in s and
                      "matched again" in s, timeout=90)
    term.keys("-")
    term.wait_for(lambda s: "Forget Andrei Belousov" in s and "all 2 aliases" in s)
    term.keys("q")  # nothing taken back
    term.wait_for(lambda s: "Forget Andrei Belousov" not in s)
    term.keys("-")
    screen = term.wait_for(lambda s: "Forget Andrei Belousov" in s and "all 2 aliases" in s)
    assert "alias 'Belousoff'" in screen and "alias 'Byelousov'" in screen, screen
    term.keys("j", "j", "k", "Enter")  # k back up: the second spelling
    screen = term.wait_for(lambda s: "matched again" in s and "removed" in s, timeout=90)
    assert "alias 'Byelousov' removed from Andrei Belousov" in screen, screen
    aliases = load_gazetteer(user_file).actors["andrei-belousov"].aliases
    assert "Belousoff" in aliases and "Byelousov" not in aliases
    term.keys("q", "q", "q")


def test_the_place_filter_finds_a_city(tmp_path: Path, term: Tmux, fetched: Path) -> None:
    start(term, tmp_path, fetched)
    term.keys("f")
    term.wait_for(lambda s: "filter" in s.lower())
    term.keys("place:iran", "Enter")  # the article names only Tehran
    screen = term.wait_for(lambda s: STORIES[1][0] in s and STORIES[0][0] not in s)
    assert STORIES[2][0] not in screen
    term.keys("q", "q", "q")


def test_fetch_survives_a_name_between_two_titles(tmp_path: Path, term: Tmux) -> None:
    """'Qatar's Prime Minister X, CIA Director Y': the second title sat beside the first name
    too and stopped the analysis (StopIteration), so `newsdesk fetch` failed on such a story."""
    title = "Mediators meet in Doha"
    text = ("The talks were joined by Qatar's Prime Minister Mohammed bin Abdulrahman Al Thani, "
            "CIA Director William Burns and two Egyptian officials.")
    (tmp_path / "site").mkdir()
    with LocalServer() as server:
        link = server.add("/m.html", Route(body=page(title, text), headers={
            "Content-Type": "text/html; charset=utf-8"}))
        url = server.add("/feed.xml", Route(body=rss([{
            "title": title, "link": link, "guid": link, "description": text,
            "pubDate": formatdate(time.time() - 3600, usegmt=True)}]), headers={
            "Content-Type": "application/rss+xml; charset=utf-8"}))
        config = write_config(tmp_path / "site", [("Wire", url)])
        term.start(f"sh -c '{user_env(tmp_path / 'home')} {sys.executable} -m tui --config "
                   f"{config} fetch; echo fetch-exit-$?; sleep 30'", cwd=tmp_path)
        screen = term.wait_for(lambda s: "fetch-exit-" in s, timeout=120)
    assert "fetch-exit-0" in screen, screen
    assert "Traceback" not in screen, screen
    from tui.core.config.loader import load_config
    from tui.core.desk import Desk

    with Desk.open(load_config(config)) as desk:
        [article] = desk.articles("", limit=5)
        names = {a.name for a in desk.actors_of(article.id)}
    assert {"Mohammed bin Abdulrahman Al Thani", "William Burns"} <= names, names
