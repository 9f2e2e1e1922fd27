"""Shared fixtures: a loopback HTTP server, config files in tmp_path, a Desk on a real cache."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.httpserver import LocalServer
from tui.core.actors.gazetteer import Gazetteer, load_gazetteer
from tui.core.actors.matcher import Matcher
from tui.core.actors.recognize import Recognizer

if TYPE_CHECKING:
    from tui.core.config.loader import Config

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def _prebuilt_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Built matchers are kept in a folder of the test session, never the user's cache (the
    pool workers the tests start inherit it)."""
    import os

    from tui.core.actors.prebuilt import ENV

    before = os.environ.get(ENV)
    os.environ[ENV] = str(tmp_path_factory.mktemp("prebuilt"))
    yield
    if before is None:
        os.environ.pop(ENV, None)
    else:
        os.environ[ENV] = before


@pytest.fixture(autouse=True)
def _truecolour(monkeypatch: pytest.MonkeyPatch) -> None:
    """Apps draw as on a truecolour terminal whatever the shell's TERM (the actor styles
    differ with 16 colours, and snapshots must not): a test of fewer colours sets its own."""
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.delenv("NO_COLOR", raising=False)
    # nor whether the shell's terminal does bidi: Arabic is drawn in visual order (bidi auto)
    for name in ("VTE_VERSION", "KONSOLE_VERSION", "MLTERM", "TERM_PROGRAM"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as srv:
        yield srv


def write_config(folder: Path, feeds: list[tuple[str, str]] | list[dict[str, object]],
                 extra: str = "", settings: str = "") -> Path:
    """A feeds.toml in `folder` with a cache inside it; short timeouts for tests, which
    `settings` may set otherwise (a test that must hold under load raises them)."""
    given = {line.split("=")[0].strip() for line in settings.splitlines() if "=" in line}
    defaults = ['cache_dir = "cache"', "connect_timeout = 2", "read_timeout = 2"]
    lines = ["[settings]", *(d for d in defaults if d.split("=")[0].strip() not in given),
             settings]
    for feed in feeds:
        entry = feed if isinstance(feed, dict) else {"name": feed[0], "url": feed[1]}
        lines.append("[[feed]]")
        for key, value in entry.items():
            lines.append(f"{key} = {_toml(value)}")
    path = folder / "feeds.toml"
    path.write_text("\n".join(lines) + "\n" + textwrap.dedent(extra), encoding="utf-8")
    return path


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


def rss(items: list[dict[str, str]], title: str = "Test feed") -> bytes:
    """A small RSS 2.0 document from item dicts (title, link, guid, pubDate, description)."""
    out = [f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}'
           "</title><link>http://127.0.0.1/</link><description>t</description>"]
    for item in items:
        out.append("<item>" + "".join(f"<{k}>{v}</{k}>" for k, v in item.items()) + "</item>")
    out.append("</channel></rss>")
    return "".join(out).encode("utf-8")


def one_page_article(server: LocalServer, tmp_path: Path, body: bytes | str, content_type: str,
                     title: str = "Envoys meet in Muscat") -> tuple[Any, set[str]]:
    """The article a one-item feed makes of the page `body` served as `content_type`, fetched
    and extracted by a real refresh, and its actors' ids."""
    from tui.core.config.loader import load_config
    from tui.core.desk import Desk

    page = server.add("/story.html", body=body, headers={"Content-Type": content_type})
    feed = server.add("/feed.xml", body=rss([{"title": title, "link": page, "guid": "m1"}]))
    with Desk.open(load_config(write_config(tmp_path, [("Gulf", feed)]))) as desk:
        desk.refresh()
        article = desk.article(desk.ids()[0])
        assert article is not None and article.body_source == "page"
        return article, {a.id for a in desk.actors_of(article.id)}


@pytest.fixture
def demo_desk(tmp_path: Path) -> Iterator[tuple[Any, Any]]:
    """A Desk on a private copy of the demo cache (built once per process), with its config."""
    from tests import test_app_support as support

    with support.demo_desk(tmp_path) as pair:
        yield pair


@pytest.fixture
def utc_clock() -> Iterator[None]:
    """Local time is UTC for the test: screens show the same dates on every machine."""
    from tests import test_app_support as support

    with support.utc_clock():
        yield


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """The bundled gazetteer (the actor, data and office tests share it)."""
    return load_gazetteer()


@pytest.fixture(scope="module")
def matcher(gazetteer: Gazetteer) -> Matcher:
    return Matcher(gazetteer)


@pytest.fixture(scope="module")
def recognizer(gazetteer: Gazetteer) -> Recognizer:
    """The recogniser over the bundled gazetteer (a module may define its own)."""
    return Recognizer(gazetteer)


def found_in(recognizer: Recognizer, body: str) -> set[str]:
    """The actors a body names, read on a fixed day (offices resolve to that day's holder)."""
    when = datetime(2026, 2, 26, tzinfo=UTC)
    return {m.actor_id for m in recognizer.mentions("", body, when)}


def actors_by_title(config: Config, search: str) -> tuple[dict[str, set[str]], int]:
    """One refresh through a real Desk: each stored title's actors, and how many articles a
    search for `search` finds (the hostile-input tests' check that a name survived ingest)."""
    from tui.core.desk import Desk

    with Desk.open(config) as desk:
        desk.refresh()
        found = {}
        for i in desk.ids():
            article = desk.article(i)
            assert article is not None
            found[article.title] = {a.id for a in desk.actors_of(i)}
        return found, len(desk.ids(search))


@pytest.fixture
def tmux() -> Iterator[Any]:
    """A private tmux server for one test (tests.test_tmux_smoke.Tmux), killed afterwards."""
    from tests.test_tmux_smoke import Tmux

    session = Tmux()
    yield session
    session.kill()


@pytest.fixture
def term(tmux: Any) -> Any:
    """`tmux`, by the name most tmux tests give their terminal."""
    return tmux


@pytest.fixture(autouse=True)
def _keys_delivered_after_press(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot's press returns once the app looks idle; the app now holds each key until the
    one before it has been handled (tui/app/key_order.py), so under load a test could look
    before its keys landed. Wait for them, as a user's next glance would."""
    from textual.pilot import Pilot

    from tests.test_app_support import keys_delivered

    press = Pilot.press

    async def pressed(self: Pilot[object], *keys: str) -> None:
        await press(self, *keys)
        await keys_delivered(self)

    monkeypatch.setattr(Pilot, "press", pressed)
