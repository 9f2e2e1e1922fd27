"""A listed person's name in another common Latin romanisation is that person, not "not
listed" (Mohammed/Muhammad, Sergei/Sergey, Yevgeny/Evgeny); a variant never takes a spelling
another actor lists, and a lone word gets none."""

from __future__ import annotations

from tui.core.actors.gazetteer import load_gazetteer
from tui.core.actors.matcher import Matcher
from tui.core.actors.translit import spellings

_MATCHER = Matcher(load_gazetteer())


def found(text: str) -> list[str]:
    return [m.actor_id for m in _MATCHER.match("", text)]


def test_the_common_romanisations_of_a_listed_name_match() -> None:
    assert found("Muhammad bin Salman met Sergey Lavrov.") == ["mohammed-bin-salman",
                                                                "sergey-lavrov"]
    assert found("Evgeny Prigozhin spoke; Mahmud Abbas did not.") == ["yevgeny-prigozhin",
                                                                      "mahmoud-abbas"]
    assert found("Andrey Belousov and Aleksey Navalny.") == ["andrei-belousov",
                                                             "alexei-navalny"]


def test_only_given_names_and_known_classes_vary() -> None:
    assert spellings("Ali Khamenei") == []  # a surname's -ei is no Russian ending
    assert spellings("Lavrov") == []  # one word: too easy to meet as something else
    assert "Sergey Lavrov" in spellings("Sergei Lavrov")
    assert "Yemen Post" not in spellings("Emen Post")  # Ye-/E- only before a given name's
    assert spellings("Yemen Times") == []  # consonant patterns: Yemen stays Yemen


def test_a_variant_never_takes_another_actors_spelling() -> None:
    from tui.core.actors.gazetteer import Actor, Gazetteer

    one = Actor(id="mohammed-x", name="Mohammed Haddad", kind="person")
    two = Actor(id="muhammad-y", name="Muhammad Haddad", kind="person")
    matcher = Matcher(Gazetteer(actors={a.id: a for a in (one, two)}, content_hash="t"))
    assert [m.actor_id for m in matcher.match("", "Muhammad Haddad said.")] == ["muhammad-y"]
