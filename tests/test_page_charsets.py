# ruff: noqa: RUF001, RUF003  (Arabic, Persian, Cyrillic and Turkish are the point here)
"""Pages whose declared single-byte charset is wrong (charset.py): Russian or Arabic bytes said
to be windows-1252, ISO-8859-15 or KOI8-R. A specific legacy label was trusted as soon as its
codec decoded the bytes, which a single-byte codec always does: the article came out as
'Ìèíèñòð' or 'æÒíÑ' with no word said. Now the text reads right and the article says its
charset was not the one declared; bytes no charset reads better keep the declared reading,
said to be doubtful. The sentences are our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import one_page_article
from tests.httpserver import LocalServer
from tui.core.ingest.charset import decode
from tui.core.ingest.extract import extract_page

RUSSIAN = ["Министр иностранных дел Ирана провёл в Маскате переговоры с оманскими коллегами "
           "об обмене задержанными.",
           "По словам источников, делегация из Тегерана назвала встречу конструктивной и "
           "пообещала продолжить её на следующей неделе."]
ARABIC = ["التقى مسؤولون إيرانيون وعمانيون في مسقط يوم الثلاثاء لبحث تبادل محتمل للمحتجزين.",
          "وقال نائب وزير الخارجية الذي ترأس وفد طهران إن المحادثات كانت بناءة وستستمر."]
# Persian as cp1256 holds it (ي for the Persian yeh it lacks), ZWNJ and پ گ ک included.
PERSIAN = ["وزير امور خارجه ايران روز سه‌شنبه در مسقط با همتاي عماني خود گفت‌وگو کرد.",
           "به گفته دو منبع آگاه، هيئت تهران اين گفت‌وگوها را سازنده خواند و پيگيري مي‌کند."]
# Turkish: windows-1254 differs from windows-1252 in six letters only (ğ ı ş İ Ş Ğ where 1252 has
# ð ý þ Ý Þ Ð), so read as 1252 it is no nonsense to a chaos measure, just wrong letters.
TURKISH = ["Dışişleri Bakanı Hakan Fidan, İstanbul'da Rus ve İranlı mevkidaşlarıyla Suriye'deki "
           "ateşkesi görüştü.",
           "Görüşmeye katılan iki kaynağa göre taraflar, Şam'a yardım ulaştırılması konusunda "
           "uzlaştı ve gelecek ay yeniden buluşacak."]
# Icelandic is what windows-1252's ð þ ý are for: a right label stays.
ICELANDIC = ["Utanríkisráðherra Íslands hitti starfsbræður sína í Reykjavík á þriðjudag og ræddi "
             "ástandið í Mið-Austurlöndum.",
             "Að sögn tveggja heimildarmanna verður fundinum haldið áfram í næstu viku."]
FRENCH = ["Les représentants iraniens et omanais se sont réunis à Mascate mardi, selon deux "
          "personnes présentes à la séance.",
          "Le délégué a déclaré que les pourparlers étaient constructifs et se poursuivraient."]


def _page(paras: list[str], label: str) -> str:
    return (f"<!doctype html><html><head><meta charset='{label}'><title>Talks</title></head>"
            "<body><article>" + "".join(f"<p>{p}</p>" for p in paras)
            + "</article></body></html>")


CASES = [  # (id, paragraphs, the bytes' codec, the label, the charset the note names)
    ("russian-said-1252", RUSSIAN, "cp1251", "windows-1252", "windows-1251"),
    ("russian-said-8859-15", RUSSIAN, "cp1251", "iso-8859-15", "windows-1251"),
    ("russian-cp1251-said-koi8", RUSSIAN, "cp1251", "koi8-r", "windows-1251"),
    ("arabic-said-8859-15", ARABIC, "cp1256", "iso-8859-15", "windows-1256"),
    ("persian-said-1250", PERSIAN, "cp1256", "windows-1250", "windows-1256"),
    ("turkish-said-1252", TURKISH, "cp1254", "windows-1252", "windows-1254"),
    ("turkish-said-latin-1", TURKISH, "cp1254", "iso-8859-1", "windows-1254"),
]


@pytest.mark.parametrize(("paras", "codec", "label", "named"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_a_wrong_single_byte_label_gives_way(paras: list[str], codec: str, label: str,
                                             named: str) -> None:
    found = extract_page(_page(paras, label).encode(codec), "http://127.0.0.1/a", "text/html")
    assert found.body.split("\n\n")[-2:] == paras
    assert found.note is not None and named in found.note and "although it says" in found.note


@pytest.mark.parametrize(("paras", "codec", "label"),
                         [(FRENCH, "cp1252", "windows-1252"), (FRENCH, "iso8859_15", "iso-8859-15"),
                          (RUSSIAN, "koi8_r", "koi8-r"), (ARABIC, "cp1256", "windows-1256"),
                          (TURKISH, "cp1254", "windows-1254"), (TURKISH, "cp1254", "iso-8859-9"),
                          (ICELANDIC, "cp1252", "windows-1252"),
                          (PERSIAN, "cp1256", "windows-1256")])
def test_a_right_label_is_kept_silently(paras: list[str], codec: str, label: str) -> None:
    found = extract_page(_page(paras, label).encode(codec), "http://127.0.0.1/a", "text/html")
    assert found.body.split("\n\n")[-2:] == paras
    assert found.note is None


def test_bytes_no_charset_reads_are_said_to_be_doubtful() -> None:
    noise = bytes(0xC0 + (i * 37) % 64 if i % 6 else 32 for i in range(3000))
    raw = b"<html><head><meta charset='iso-8859-15'></head><body><p>" + noise + b"</p></body>"
    decoded = decode(raw, "text/html")
    assert decoded.how == "doubtful"
    assert decoded.note is not None and "ISO-8859-15" in decoded.note


def test_the_article_says_its_charset_was_guessed(server: LocalServer, tmp_path: Path) -> None:
    article, _ = one_page_article(server, tmp_path, _page(RUSSIAN, "windows-1252").encode("cp1251"),
                                  "text/html; charset=windows-1252", title="Talks in Muscat")
    assert article.body.split("\n\n")[-2:] == RUSSIAN
    assert article.extract_error == ("sent in windows-1251 although it says windows-1252; "
                                     "decoded as windows-1251")


def test_a_turkish_page_without_a_label_reads_turkish() -> None:
    raw = _page(TURKISH, "x").replace("<meta charset='x'>", "").encode("cp1254")
    found = extract_page(raw, "http://127.0.0.1/a", "text/html")
    assert found.body.split("\n\n")[-2:] == TURKISH
    assert found.note is not None and "windows-1254" in found.note


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("content_type", ["text/html; charset=utf-16", "text/html"])
def test_utf16_without_a_bom_reads_right(codec: str, content_type: str) -> None:
    """Its NULs are valid UTF-8: read as such, every letter had a NUL after it."""
    page = _page(ARABIC, "utf-16")
    decoded = decode(page.encode(codec), content_type)
    assert decoded.text == page
    assert (decoded.note is None) == ("utf-16" in content_type)


def test_scattered_nuls_are_no_utf16() -> None:
    raw = bytes(range(256)) * 8  # binary data: a NUL now and then, far from every other byte
    assert decode(raw, "text/html").encoding != "utf-16-le"
