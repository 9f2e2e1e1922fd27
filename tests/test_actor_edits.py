# ruff: noqa: RUF001  (Cyrillic script is the point here)
"""Adding actors and aliases from the app: the user's actors.toml, then a re-match of the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tui.core.actors.edits import add_actor, add_alias, added_ids, additions, forget
from tui.core.actors.gazetteer import Gazetteer, GazetteerError, load_gazetteer
from tui.core.actors.owners import NameTaken, check_free, refusal, spelt_alike
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def test_alias_appends_then_edits(tmp_path: Path) -> None:
    path = tmp_path / "actors.toml"
    add_alias(path, "sergei-shoigu", "Shoygoo")
    path.write_text(path.read_text() + "# my note\n")
    assert "# my note" in path.read_text()
    add_alias(path, "sergei-shoigu", "Šojgu")
    actor = load_gazetteer(path).actors["sergei-shoigu"]
    assert {"Shoygoo", "Šojgu"} <= set(actor.aliases)


def test_new_actor_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "actors.toml"
    actor_id = add_actor(path, "Abu Example al-Testi", "person", "an invented commander")
    assert actor_id == "abu-example-al-testi"
    assert load_gazetteer(path).actors[actor_id].kind == "person"
    with pytest.raises(GazetteerError):
        add_actor(path, "Abu Example al-Testi", "person")
    with pytest.raises(GazetteerError):
        add_actor(path, "Someone", "tribe")
    with pytest.raises(GazetteerError):
        add_alias(path, "sergei-shoigu", "   ")


def test_alias_from_the_desk_rematches_the_cache(server: LocalServer, tmp_path: Path) -> None:
    items = [{"title": "Shoygoo in town", "link": server.url("/x.html"), "guid": "x",
              "description": "The envoy Shoygoo met officials on Monday in the capital."}]
    url = server.add("/f.xml", body=rss(items))
    with Desk.open(load_config(write_config(tmp_path, [("F", url)]))) as desk:
        desk.refresh(extract=False)
        article_id = desk.articles()[0].id
        assert "sergei-shoigu" not in {a.id for a in desk.actors_of(article_id)}
        desk.add_actor_alias("sergei-shoigu", "Shoygoo")
        desk.analyse_pending()
        found = {a.id: a for a in desk.actors_of(article_id)}
        assert found["sergei-shoigu"].count == 2
        assert desk.ids("actor:shoygoo") == [article_id]


def test_names_in_other_scripts_get_valid_ids(tmp_path: Path) -> None:
    path = tmp_path / "actors.toml"
    first = add_actor(path, "Иван Тестов", "person")
    second = add_actor(path, "علي التجريبي", "person")
    assert first.startswith("actor-") and second.startswith("actor-") and first != second
    assert add_actor(path, "Recep Ünal", "person") == "recep-unal"
    assert {first, second} <= set(load_gazetteer(path).actors)


def test_forget_takes_back_only_what_the_user_added(tmp_path: Path) -> None:
    path = tmp_path / "actors.toml"
    mine = add_actor(path, "Abu Example al-Testi", "person", "an invented commander")
    add_alias(path, "sergei-shoigu", "Shoygoo")
    assert added_ids(path) == {mine, "sergei-shoigu"}
    assert forget(path, mine) == "actor"
    assert mine not in load_gazetteer(path).actors
    assert "Shoygoo" in load_gazetteer(path).actors["sergei-shoigu"].aliases
    assert forget(path, "sergei-shoigu") == "aliases"
    shoigu = load_gazetteer(path).actors["sergei-shoigu"]
    assert "Shoygoo" not in shoigu.aliases and shoigu.name  # the bundled actor stays
    with pytest.raises(GazetteerError, match="only actors and spellings you added"):
        forget(path, "sergei-shoigu")
    assert added_ids(tmp_path / "none.toml") == set()


def test_names_listed_actors_go_by_are_taken(gazetteer: Gazetteer) -> None:
    """As the matcher reads them: a surname, an alias in Russian or Arabic, the name itself,
    an acronym, an inflected form; a decoy phrase ("Shoigu Street") is nobody's name."""
    for name, owner in (("Shoigu", "sergei-shoigu"), ("  shoigu ", "sergei-shoigu"),
                        ("Шойгу", "sergei-shoigu"), ("شويغو", "sergei-shoigu"),
                        ("Sergei Shoigu", "sergei-shoigu"), ("IRGC", "irgc"),
                        ("Путина", "vladimir-putin")):
        with pytest.raises(NameTaken) as refused:
            check_free(gazetteer, name)
        assert refused.value.owners == (owner,), name
    check_free(gazetteer, "Shoigu Street")
    check_free(gazetteer, "Abu Example al-Testi")
    check_free(gazetteer, "Shoigu", "sergei-shoigu")  # its own surname may become an alias


def test_a_new_actor_named_like_a_listed_one_is_refused(tmp_path: Path) -> None:
    """A new actor "Shoigu" took Sergei Shoigu's mentions (a full name beats a surname)."""
    path = tmp_path / "actors.toml"
    with pytest.raises(NameTaken, match=r"^Shoigu is already a name of Sergei Shoigu "
                                        r"\(sergei-shoigu\)$"):
        add_actor(path, "Shoigu", "person")
    assert not path.exists()  # nothing written


def test_an_alias_another_actor_goes_by_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "actors.toml"
    with pytest.raises(NameTaken, match="Shoigu is already a name of Sergei Shoigu"):
        add_alias(path, "andrei-belousov", "Shoigu")
    with pytest.raises(NameTaken, match=r"Sergei Shoigu \(sergei-shoigu\) already goes by"):
        add_alias(path, "sergei-shoigu", "Сергей Шойгу")
    assert not path.exists()
    add_alias(path, "sergei-shoigu", "Shoigu")  # its own surname becomes a full name
    assert "Shoigu" in load_gazetteer(path).actors["sergei-shoigu"].aliases


def test_forget_one_spelling_of_several(tmp_path: Path) -> None:
    """`-` takes back the one spelling picked; the others, and the user's own actor with its
    spellings, stay until asked for."""
    path = tmp_path / "actors.toml"
    add_alias(path, "sergei-shoigu", "Shoygoo")
    add_alias(path, "sergei-shoigu", "Shoyguu")
    mine = add_actor(path, "Abu Example al-Testi", "person")
    add_alias(path, mine, "Abu Ex")
    assert additions(path, "sergei-shoigu") == (False, ["Shoygoo", "Shoyguu"])
    assert additions(path, mine) == (True, ["Abu Ex"])
    assert forget(path, "sergei-shoigu", "Shoyguu") == "alias"
    shoigu = load_gazetteer(path).actors["sergei-shoigu"]
    assert "Shoygoo" in shoigu.aliases and "Shoyguu" not in shoigu.aliases
    with pytest.raises(GazetteerError, match="no spelling you added"):
        forget(path, "sergei-shoigu", "Shoigu")  # a bundled spelling is not the user's
    assert forget(path, "sergei-shoigu", "Shoygoo") == "alias"
    assert "sergei-shoigu" not in added_ids(path)  # an entry left saying nothing goes
    assert forget(path, mine, "Abu Ex") == "alias"
    assert not load_gazetteer(path).actors[mine].aliases
    assert additions(path, mine) == (True, [])


def test_names_spelt_like_a_listed_one(gazetteer: Gazetteer) -> None:
    """The same words, one for one, differing only in vowels, as transliterations do: a new
    actor under such a name is most likely a duplicate. The actor's own names are not
    'alike', and neither are other words or a short name."""
    for name, owner, form in (
            ("Абу Мухаммад аль-Джулани", "ahmed-al-sharaa", "Абу Мухаммед аль-Джулани"),
            ("Abu Muhammad al-Julani", "ahmed-al-sharaa", "Abu Mohammad al-Julani"),
            ("Сергий Шойгу", "sergei-shoigu", "Сергей Шойгу")):
        assert [(a.id, f) for a, f in spelt_alike(gazetteer, name)] == [(owner, form)], name
    for name in ("Sergei Shoigu", "Hassan Nasrallah", "Ivo Examplov", "Ali Hassan", "Ali"):
        assert spelt_alike(gazetteer, name) == [], name
    taken = refusal(gazetteer, "Shoigu", "andrei-belousov")
    assert taken is not None and taken.owners == ("sergei-shoigu",)
    assert refusal(gazetteer, "Shoygoo", "sergei-shoigu") is None


def test_an_entry_merged_by_name_into_a_bundled_actor_is_found_and_forgotten(
        tmp_path: Path) -> None:
    """An entry with an id of its own and a bundled actor's name and kind extends that actor
    (the reader shows the bundled id): `-` said it "comes with newsdesk", and forget found
    nothing; now both find it, and forget takes the user's entry only."""
    path = tmp_path / "actors.toml"
    path.write_text('[[actor]]\nid = "hizbollah-lb"\nname = "Hezbollah"\nkind = "org"\n'
                    'aliases = ["Hizb Allah", "Hizbollah"]\n\n[[actor]]\nid = "mine"\n'
                    'name = "Kura Watch"\nkind = "org"\n', encoding="utf-8")
    same_as = load_gazetteer(path).same_as
    assert same_as == {"hizbollah-lb": "hezbollah"}
    assert added_ids(path, same_as) == {"hezbollah", "mine"}
    assert additions(path, "hezbollah", same_as) == (False, ["Hizb Allah", "Hizbollah"])
    assert forget(path, "hezbollah", "Hizb Allah", same_as) == "alias"
    assert load_gazetteer(path).actors["hezbollah"].aliases.count("Hizbollah") == 1
    assert forget(path, "hezbollah", "Hizbollah", same_as) == "alias"  # nothing left: it goes
    assert added_ids(path, load_gazetteer(path).same_as) == {"mine"}
    path.write_text(path.read_text(encoding="utf-8") + '\n[[actor]]\nid = "hizbollah-lb"\n'
                    'name = "Hezbollah"\nkind = "org"\naliases = ["Hizb Allah"]\n',
                    encoding="utf-8")
    assert forget(path, "hezbollah", None, load_gazetteer(path).same_as) == "aliases"
    gazetteer = load_gazetteer(path)
    assert "Hizb Allah" not in gazetteer.actors["hezbollah"].aliases
    assert "حزب الله" in gazetteer.actors["hezbollah"].aliases and "mine" in gazetteer.actors


def test_the_desk_forgets_an_entry_merged_into_a_bundled_actor(tmp_path: Path) -> None:
    """`-` in the reader reaches the Desk with the bundled id: it said "comes with newsdesk"."""
    config = load_config(write_config(tmp_path, []))
    config.actors_path.write_text('[[actor]]\nid = "hizbollah-lb"\nname = "Hezbollah"\n'
                                  'kind = "org"\naliases = ["Hizb Allah"]\n', encoding="utf-8")
    with Desk.open(config) as desk:
        assert desk.forget_actor("hezbollah") == "aliases"
        assert "Hizb Allah" not in desk.gazetteer.actors["hezbollah"].aliases
