"""`actor:NAME` in a query: which actors a name the user types means."""

from __future__ import annotations

from tui.core.actors.gazetteer import Gazetteer


def test_resolve(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("sergei-shoigu") == ["sergei-shoigu"]
    assert gazetteer.resolve("Shoygu") == ["sergei-shoigu"]
    assert gazetteer.resolve("IRGC") == ["irgc"]
    assert gazetteer.resolve("irgc") == ["irgc"]
    assert set(gazetteer.resolve("Bagheri")) == {"ali-bagheri-kani", "mohammad-bagheri"}
    assert gazetteer.resolve("Pezeshkan") == ["masoud-pezeshkian"]  # typo
    assert gazetteer.resolve("") == []
    assert gazetteer.resolve("zzzzqqq") == []


def test_resolve_a_surname_with_or_without_its_arabic_article(gazetteer: Gazetteer) -> None:
    """`actor:jalali` found only Kazem Jalali, never Syria's PM al-Jalali (a new user's query)."""
    assert gazetteer.resolve("jalali") == ["kazem-jalali", "mohammad-ghazi-al-jalali"]
    assert gazetteer.resolve("al-Jalali") == ["mohammad-ghazi-al-jalali"]
    assert gazetteer.resolve("Sudani") == ["mohammed-shia-al-sudani"]
