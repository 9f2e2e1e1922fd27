# ruff: noqa: RUF001  (Turkish, Hebrew, Russian and Ukrainian cue words are the point here)
"""Boilerplate inside an article body, round 10's probe in each language the desk reads.
English, Russian, Arabic and Persian read-more lines, ad slots, captions and newsletter boxes
already left the body; these Turkish, Hebrew and Ukrainian shapes stayed (a shouted "AYRICA
OKUYUN" lowered to no known opener), their names the article's actors. Sentences that only
look like them stay. Every line here is our own wording."""

from __future__ import annotations

import pytest

from tests.test_extract_teasers import PARAS, body_with
from tui.core.ingest.extract import clean_lines

INSIDE = {  # (markup inside the article's body, what may not stay): Turkish, Hebrew and
    # Ukrainian shapes the post-clean missed, each probed in a body like the ones above
    "tr read also, shouted": (
        "<p><strong>AYRICA OKUYUN:</strong> <a href='/o/1'>Erdoğan "
        "Tahran'da Pezeşkiyan ile görüştü</a></p>",
        "Pezeşkiyan",
    ),
    "tr read this too": (
        "<p>Bunu da okuyun: <a href='/o/2'>Fidan Moskova'da Lavrov ile buluştu</a></p>",
        "Lavrov",
    ),
    "tr related, shouted": (
        "<p>İLGİLİ HABER: <a href='/o/3'>Hakan Fidan Doha'ya gitti</a></p>",
        "Fidan",
    ),
    "tr ad label": ("<p>Reklam</p>", "Reklam"),
    "tr after the ad": ("<p>Haberin devamı reklamdan sonra</p>", "reklamdan"),
    "tr newsletter": ("<p>Günün öne çıkan haberleri için e-bültenimize abone olun</p>", "bülten"),
    "tr subscribe button": ("<p>Abone ol</p>", "Abone"),
    "tr photo credit": ("<p>Fotoğraf: Anadolu Ajansı</p>", "Anadolu"),
    "he ad label": ("<p>פרסומת</p>", "פרסומת"),
    "he photo credit": ("<p>צילום: רויטרס</p>", "רויטרס"),
    "he newsletter": ("<p>הירשמו לניוזלטר שלנו וקבלו את העדכונים</p>", "ניוזלטר"),
    "ru read us in": ("<p>Читайте нас в Telegram</p>", "Telegram"),
    "uk read also": (
        "<p>Читайте також: <a href='/o/4'>Зеленський зустрівся з Ердоганом</a></p>",
        "Ердоганом",
    ),
}
KEPT = [
    "Reklam sektörü geçen yıl yüzde on büyüdü, dedi bakan.",
    "Fotoğraf sergisi Ankara'da açıldı ve bir ay sürecek.",
    "Abone olmak isteyenler için fiyatlar değişmedi.",
    "צילום הסרט הסתיים בירושלים בשבוע שעבר.",
    "פרסומת של המפלגה עוררה סערה בכנסת.",
    "Читайте внимательно условия соглашения, сказал министр.",
    "Bunu da okuyunca bakanın neden istifa ettiği anlaşıldı.",
]


@pytest.mark.parametrize("name", list(INSIDE))
def test_each_shape_leaves_the_body(name: str) -> None:
    markup, trace = INSIDE[name]
    body = body_with(["", markup])
    assert body.split("\n\n")[-len(PARAS) :] == PARAS, body
    assert trace not in body, body


def test_sentences_like_them_are_kept() -> None:
    assert clean_lines("\n".join(KEPT)).split("\n\n") == KEPT
