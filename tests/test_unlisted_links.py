# ruff: noqa: RUF001 - Cyrillic letters are meant
"""People nobody listed link articles: one key per surname, in any Russian case, across
Latin and Cyrillic (linking/name_keys.py, round 53)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.core.linking.index import load_raw
from tui.core.linking.name_keys import name_key, name_rows

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.related_data import Labelled, build_cache


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (["Сергей Лавров", "Лаврова", "Лаврову", "Лавровым", "Sergei Lavrov"], "Lavrov"),
        (["Масуд Пезешкиан", "Пезешкиана", "Пезешкианом", "Masoud Pezeshkian"], "Pezeshkian"),
        (["Алексей Навальный", "Алексея Навального", "Alexei Navalny"], "Navalny"),
        (["Владимир Зеленский", "Зеленского", "Зеленским", "Zelensky"], "Zelensky"),
        (["Али Акбаром Ахмадианом", "Ali Akbar Ahmadian"], "Ahmadian"),
        (["Хаменеи", "Khamenei"], "Hamenei"),
        (["Наджиб Микати", "Najib Mikati"], "Mikati"),
    ],
)
def test_one_key_per_surname_across_cases_and_scripts(names: list[str], key: str) -> None:
    assert {name_key(n) for n in names} == {key}


def test_names_in_other_scripts_and_short_ones_have_no_key() -> None:
    assert name_key("مسعود بزشكيان") is None  # left to the text part of its own script
    assert name_key("Ким Чен Ын") is None  # three letters join too many people
    assert name_key("") is None


def test_rows_merge_the_forms_of_one_person() -> None:
    rows = name_rows(
        [("Ерлан Токбергенов", 1, '[["title",0,17]]'), ("Токбергенова", 1, '[["body",40,52]]')]
    )
    assert rows == [("~Tokbergenov", 2, '[["body",40,52],["title",0,17]]')]


WHEN = datetime(2025, 3, 1, 8, tzinfo=UTC)
ENGLISH = Labelled(
    "en-envoy",
    "wire",
    "envoy",
    WHEN,
    "Envoy Yerlan Tokbergenov holds corridor talks in Yerevan",
    "Kazakhstan's special envoy Yerlan Tokbergenov held talks in Yerevan on Saturday about the "
    "transit corridor. Tokbergenov said the route would open next year.",
    "en",
    "",
    (),
    "x",
)
RUSSIAN = Labelled(
    "ru-envoy",
    "tass",
    "envoy",
    WHEN.replace(hour=12),
    "Министр Ерлан Токбергенов провёл переговоры в Ереване",
    "Министр Ерлан Токбергенов провёл переговоры в Ереване о транзитном коридоре. По словам "
    "Токбергенова, маршрут откроется в следующем году.",
    "ru",
    "",
    (),
    "x",
)


def test_an_unlisted_person_links_an_english_and_a_russian_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: the pair shared only Yerevan (and Kazakhstan); now the envoy nobody listed is
    a shared name, shown in the link's reasons as a name, not a key."""
    monkeypatch.setenv("NEWSDESK_PREBUILT_DIR", "")
    cache = build_cache(tmp_path, [ENGLISH, RUSSIAN])
    try:
        en, ru = cache.by_slug["en-envoy"], cache.by_slug["ru-envoy"]
        raws = dict(cache.conn.execute("SELECT article_id, raw FROM link_features"))
        assert '"~Tokbergenov"' in raws[en] and '"~Tokbergenov"' in raws[ru]
        # a relink reads them back from the store (`index.load_raw`): the same features
        again = load_raw(cache.conn, [en, ru])
        assert {a: again[a][1].raw for a in again} == {en: raws[en], ru: raws[ru]}
        reasons = cache.conn.execute(
            "SELECT reasons FROM links WHERE article_id = ? AND other_id = ?", (en, ru)
        ).fetchone()
        assert reasons is not None and reasons[0].startswith("Tokbergenov"), reasons
        assert "~" not in reasons[0]
    finally:
        cache.close()
