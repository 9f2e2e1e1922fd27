"""The analyzer seam: text halves in order, each seeing what came before; the user's actors are
the ones linking weighs (one rule for where actors.toml lives)."""

from __future__ import annotations

from pathlib import Path

from tui.core.config.loader import Config, Settings
from tui.core.desk import Desk
from tui.core.linking.names import actor_kind, display_name
from tui.core.refresh.analyzer import Sources, TextItem
from tui.core.refresh.analyzers import analyse_texts, analyzers


def test_text_halves_run_in_order_and_see_earlier_findings() -> None:
    assert [a.name for a in analyzers()] == ["actors", "places", "unlisted", "rules", "links"]
    item = TextItem(1, "Shoigu lands in Tehran", "Sergei Shoigu met Pezeshkian in Tehran, said "
                    "spokesman Ivo Examplov.", "2024-08-05T10:00:00Z")
    [found] = analyse_texts([item], Sources(None, "bundled"))
    assert {row[1] for row in found["actors"]} >= {"sergei-shoigu", "masoud-pezeshkian"}
    assert {place for place, _n, _spans in found["places"]} == {"tehran"}
    assert [row[1:4] for row in found["unlisted"]] == [("Ivo Examplov", "person", "spokesman")]
    assert "rules" not in found  # no text half
    assert "a:sergei-shoigu" in found["links"].df_keys()  # features built on the mentions


def test_only_runs_the_analyzers_named() -> None:
    item = TextItem(1, "Hamas", "Hamas said so.", "2024-08-05T10:00:00Z")
    [found] = analyse_texts([item], Sources(None, "bundled"), ("actors", "places", "unlisted"))
    assert set(found) == {"actors", "places", "unlisted"}


def test_actors_added_without_a_config_file_are_kept_and_weighed(tmp_path: Path) -> None:
    config = Config(path=None, settings=Settings(cache_dir=tmp_path / "cache"))
    desk = Desk.open(config)
    try:
        actor_id = desk.add_actor("Republic of Examplia", "state", "an invented state")
        assert config.actors_path == tmp_path / "cache" / "actors.toml"
        assert config.actors_file == config.actors_path  # read from where it was written
        assert actor_kind(actor_id) == "state"  # linking knows the user's actors
        assert display_name(f"a:{actor_id}") == "Republic of Examplia"
    finally:
        desk.close()
    reopened = Desk.open(config)
    try:
        assert reopened.actor(actor_id) is not None  # a new session still has it
    finally:
        reopened.close()
