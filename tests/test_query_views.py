"""view:NAME names a saved [[view]] of feeds.toml in any query: the CLI's, the filter bar's,
a rule's or another view's. `newsdesk list 'view:Shoigu'` used to be "unknown field 'view:'"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_query_db import ids, make_db
from tui.core.config.loader import ConfigError, View, load_config
from tui.core.query import QueryError, SavedView, parse

VIEWS = (View("Levant desk", "feed:levant"), View("Saved Gulf", "is:saved OR +gulf"),
         View("Inside", "view:\"levant desk\" -is:read"), View("Everything", ""))


def test_view_is_a_field_with_any_case_and_quotes() -> None:
    assert parse('view:"Levant desk"') == SavedView("Levant desk")
    assert parse("VIEW:x").column == 1  # type: ignore[union-attr]
    assert parse("iran view:x").items[1].column == 6  # type: ignore[union-attr]


def test_a_view_term_is_the_views_query(tmp_path: Path) -> None:
    conn = make_db(tmp_path / "c.sqlite3")
    assert ids(conn, 'view:"LEVANT DESK"', views=VIEWS) == ids(conn, "feed:levant")
    assert ids(conn, "view:\"saved gulf\" -is:read", views=VIEWS) == \
        ids(conn, "(is:saved OR +gulf) -is:read")
    assert ids(conn, "-view:inside", views=VIEWS) == ids(conn, "-(feed:levant -is:read)")
    assert ids(conn, "view:everything", views=VIEWS) == ids(conn, "")


def test_an_unknown_view_names_the_views(tmp_path: Path) -> None:
    conn = make_db(tmp_path / "c.sqlite3")
    with pytest.raises(QueryError) as caught:
        ids(conn, "iran view:levant", views=VIEWS)
    assert caught.value.column == 6
    assert caught.value.message == ("no saved view is called 'levant'; did you mean "
                                     'view:"Levant desk"? the views are "Levant desk", '
                                     '"Saved Gulf", Inside, Everything')
    with pytest.raises(QueryError, match="'shoigu'; the views are"):
        ids(conn, "view:shoigu", views=VIEWS)
    with pytest.raises(QueryError, match=r"feeds.toml has no \[\[view\]\] yet \(V in the"):
        ids(conn, "view:x")


def test_a_view_inside_a_view_is_said_at_the_term_written(tmp_path: Path) -> None:
    conn = make_db(tmp_path / "c.sqlite3")
    views = (View("A", "+iran view:B"), View("B", "view:gone"), View("Loop", "view:loop"))
    with pytest.raises(QueryError) as caught:
        ids(conn, "is:read view:a", views=views)
    assert caught.value.column == 9
    assert "no saved view is called 'gone' (in view 'B')" in caught.value.message
    with pytest.raises(QueryError, match=r"'Loop' leads back to itself \(view:Loop -> "):
        ids(conn, "view:loop", views=views)


def _config(tmp_path: Path, tables: str) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text('[[feed]]\nname = "A"\nurl = "https://a.example/rss"\n\n' + tables,
                    encoding="utf-8")
    return path


def test_a_config_naming_no_such_view_is_refused_with_its_line(tmp_path: Path) -> None:
    path = _config(tmp_path, '[[view]]\nname = "Iran"\nquery = "+iran"\n\n'
                             '[[rule]]\nquery = "view:irna"\ntag = "x"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    said = str(caught.value)
    assert said.startswith(f"{path}:10: rule #1 query 'view:irna': no saved view is called "
                           "'irna'; did you mean view:Iran?")
    path = _config(tmp_path, '[[view]]\nname = "A"\nquery = "view:b"\n\n'
                             '[[view]]\nname = "B"\nquery = "+x OR view:A"\n')
    with pytest.raises(ConfigError, match=r"view #1 query 'view:b': view 'A' leads back to "
                                          r"itself \(view:A -> view:B -> view:A\)"):
        load_config(path)


def test_a_rule_may_name_a_view(tmp_path: Path) -> None:
    from tui.core.query.rules import apply_rules

    conn = make_db(tmp_path / "c.sqlite3")
    path = _config(tmp_path, '[[view]]\nname = "Levant desk"\nquery = "feed:levant"\n\n'
                             '[[rule]]\nquery = "view:\\"levant desk\\""\ntag = "levant"\n')
    config = load_config(path)
    from tests.test_query_db import NOW

    apply_rules(conn, config.rules, config.mutes, None, NOW, views=config.views)
    assert ids(conn, "+levant") == ids(conn, "feed:levant") != set()


def test_newsdesk_list_takes_a_saved_view(tmp_path: Path) -> None:
    """The demo's feeds.toml saves "Iran security" and "Shoigu" as views (as `V` does)."""
    from tests.test_app_support import copy_demo
    from tests.test_cli import newsdesk

    config = str(copy_demo(tmp_path / "demo"))

    def listed(*query: str) -> list[str]:
        done = newsdesk("--config", config, "list", *query, "--json", "--limit", "0")
        assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()

    assert listed("view:shoigu") == listed("actor:sergei-shoigu") != []
    assert listed('view:"IRAN SECURITY"', "-is:read") == \
        listed("(actor:irgc OR actor:ali-akbar-ahmadian OR actor:mohammad-bagheri) -is:read")
    wrong = newsdesk("--config", config, "list", "view:shoigy")
    assert wrong.returncode == 2 and wrong.stdout == ""
    assert wrong.stderr == ("newsdesk: bad query: column 1: no saved view is called 'shoigy'; "
                            "did you mean view:Shoigu? the views are Shoigu, \"Iran security\", "
                            "\"Unread analysis\"\n")


async def test_the_filter_bar_takes_a_saved_view(demo_desk) -> None:
    from tests.test_app_support import SIZE, listed_ids, main, make_app, note_text

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", *"view:shoigu", "enter")
        await pilot.pause()
        assert not main(app).query_bar.display
        assert listed_ids(app) == desk.ids("is:unread actor:sergei-shoigu") != []
        await pilot.press("f", "ctrl+u", *"view:nope", "enter")
        await pilot.pause()
        said = note_text(app)  # under the open bar, where the name is fixed
        assert "(column 1): no saved view is called 'nope'; the views are Shoigu" in said
        assert main(app).query_bar.display  # open, to fix the name


def test_v_refuses_a_name_that_differs_only_in_case(tmp_path: Path) -> None:
    """view:shoigu must name one view: "SHOIGU" beside "Shoigu" would leave it to chance."""
    from tests.test_app_support import copy_demo
    from tui.core.desk import Desk

    path = copy_demo(tmp_path / "demo")
    before = path.read_text(encoding="utf-8")
    with Desk.open(load_config(path)) as desk, \
            pytest.raises(ConfigError, match="already a view named 'SHOIGU'"):
        desk.save_view("SHOIGU", "+russia")
    assert path.read_text(encoding="utf-8") == before
