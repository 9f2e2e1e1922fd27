"""The reader with a broken actors.toml, and config files put right while it runs: the tree
shows every view, one toast says what is wrong (file, line), the file put right takes it away
and is used at once (its actors matched in the cached articles), with no fetch."""

from __future__ import annotations

from pathlib import Path

from tests import test_app_support as support
from tests.test_app_follow import _record_messages, labels
from tests.test_app_support import SIZE, make_app, settle, until
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.store.db import GAZETTEER_HASH_KEY, get_meta

VIEW = '[[view]]\nname = "Guards"\nquery = "actor:irgc"\n'


def actors(kind: str) -> str:
    return ('[[actor]]\nid = "kazakh-air-inquiry"\nname = "Kazakh Air Inquiry"\n'
            f'kind = "{kind}"\n')


def toasts(app: object) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]  # type: ignore[attr-defined]


async def test_a_broken_actors_file_is_said_and_the_reader_goes_on(tmp_path: Path) -> None:
    path = support.copy_demo(tmp_path / "demo", VIEW)
    mine = path.parent / "actors.toml"
    mine.write_text(actors("organ"), encoding="utf-8")
    config = load_config(path)
    with support.utc_clock(), Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            said = _record_messages(app)
            await settle(pilot)
            await until(pilot, lambda: any(label.startswith("Guards ") for label in labels(app)))
            assert any(label.startswith("All ") for label in labels(app))
            await until(pilot, lambda: len(toasts(app)) == 1)
            assert toasts(app)[0].startswith(
                f"actors.toml not used: the actors you had stay until it is put right: {mine}:4:"
                " actor[0] (id 'kazakh-air-inquiry'): key 'kind': 'organ' is no kind (did you "
                "mean 'org'?)"), toasts(app)

            mine.write_text(actors("organisation"), encoding="utf-8")
            await until(pilot, lambda: any("actors matched again" in m for m in said), 120)
            assert toasts(app) == []
            assert any(m.startswith("actors.toml read again") for m in said), said
            assert get_meta(desk.conn, GAZETTEER_HASH_KEY) == desk.analysis.sources().source_hash
            assert desk.analysis.resolve_actor("Kazakh Air Inquiry") == ["kazakh-air-inquiry"]


async def test_a_feeds_toml_put_right_takes_its_toast_away(tmp_path: Path) -> None:
    """Two broken saves leave one toast, not two over a dialog at 80x24; the fix takes it
    away and says "feeds.toml read again"."""
    path = support.copy_demo(tmp_path / "demo")
    good = path.read_text(encoding="utf-8")
    config = load_config(path)
    with support.utc_clock(), Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=(80, 24)) as pilot:
            said = _record_messages(app)
            await settle(pilot)
            for times, typo in enumerate(("[[feed]\n", "[[feed]\nname = 1\n"), 1):
                path.write_text(good + typo, encoding="utf-8")
                await until(pilot, lambda n=times: sum("feeds.toml has an error" in m
                                                       for m in said) == n)
            await pilot.pause(0.1)
            assert len(toasts(app)) == 1, toasts(app)
            path.write_text(good, encoding="utf-8")
            await until(pilot, lambda: "feeds.toml read again" in said)
            await pilot.pause(0.1)
            assert toasts(app) == []
