# ruff: noqa: RUF001  (Cyrillic and Arabic script are the point here)
"""Articles from feeds that declare no language get one from their text, so `lang:` finds
them (a regional feed without `<language>` fell out of every `lang:ru` view)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli import newsdesk
from tui.core.ingest.language import guess_language

SAMPLES = {  # our own sentences
    "en": "The envoy arrived in the capital on Monday and met the new president, officials said.",
    "ru": "Посланник прибыл в столицу в понедельник и провёл переговоры с новым президентом.",
    "uk": "Посланець прибув до столиці та зустрівся з новим президентом, повідомили в міністерстві.",
    "ar": "وصل المبعوث إلى العاصمة يوم الاثنين والتقى الرئيس الجديد في القصر الرئاسي.",
    "fa": "فرستاده روز دوشنبه وارد پایتخت شد و با رئیس جمهور جدید دیدار و گفتگو کرد.",
    "he": "השליח הגיע לבירה ביום שני ונפגש עם הנשיא החדש של המדינה.",
    "fr": "L'envoyé est arrivé dans la capitale lundi pour des entretiens avec le nouveau président.",
    "de": "Der Gesandte ist am Montag in der Hauptstadt eingetroffen und hat mit dem neuen "
          "Präsidenten gesprochen, die Gespräche sind nicht öffentlich.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_each_script_and_language(lang: str) -> None:
    assert guess_language(SAMPLES[lang]) == lang


def test_too_little_text_says_nothing() -> None:
    assert guess_language("Tehran") is None
    assert guess_language("", None) is None
    assert guess_language("Putin Erdogan Pezeshkian Aliyev Pashinyan Tokayev") is None


def test_lang_filter_finds_an_undeclared_feed(server: LocalServer, tmp_path: Path) -> None:
    items = [{"title": "Посланник в столице", "guid": "r1", "description": SAMPLES["ru"]},
             {"title": "Envoy in the capital", "guid": "e1", "description": SAMPLES["en"]}]
    url = server.add("/nolang.xml", body=rss(items))
    config = str(write_config(tmp_path, [("Regional", url)]))
    assert newsdesk("--config", config, "fetch", "--no-extract").returncode == 0
    found = newsdesk("--config", config, "list", "lang:ru").stdout
    assert "Посланник в столице" in found and "Envoy" not in found, found
