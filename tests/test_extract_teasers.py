# ruff: noqa: RUF001  (Cyrillic and Arabic are the point here)
"""Boilerplate that trafilatura leaves inside an article's body, in the shapes the post-clean
missed: a bare "READ MORE" label over another story's link, a teaser line for another story
("Other headline — read the story"), a newsletter box that never says "newsletter", stacked ad
labels and a photo credit in brackets. None of it may stay in the body, and the other stories'
names may not become this article's actors. Every line here is our own wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import one_page_article
from tests.httpserver import LocalServer
from tui.core.ingest.extract import clean_lines, extract_page

PARAS = [
    "Iranian and Omani officials met in Muscat on Tuesday to discuss a possible exchange of "
    "detainees, according to two people who attended the session.",
    "The delegation from Tehran was led by a deputy foreign minister, who told reporters that "
    "the talks had been constructive and would continue next week.",
    "Diplomats in the region said the mediation had gained pace after a series of phone calls "
    "between the capitals earlier this month.",
    "Observers cautioned that earlier rounds had stalled over the number of people to be "
    "released and the order in which they would be freed.",
]

JUNK = {  # what each shape leaves as a body line once trafilatura is done with it
    "bare label": ('<p><strong>READ MORE</strong></p><p><a href="/o/1">Hezbollah fires rockets '
                   'at Haifa after a speech</a></p>', "READ MORE"),
    "bare also": "<p>Also read</p>", "bare see": ("<p><b>See also</b></p>", "See also"),
    "teaser dash": ('<p><em>Macron meets Xi in Paris to discuss trade</em> — <a href="/o/2">'
                    'read the story</a></p>', "Macron"),
    "teaser bar": ('<p>Kim Jong Un inspects a missile launch | <a href="/o/3">Full story</a>'
                   '</p>', "Kim Jong Un"),
    "teaser no mark": ('<p>Erdogan warns Assad over an Idlib offensive <a href="/o/4">Read more'
                       '</a></p>', "Erdogan"),
    "inbox box": ("<p>Want more stories like this? Get our daily briefing delivered to your "
                  "inbox.</p>", "inbox"),
    "stacked ads": "<p>Advertisement - Scroll to continue</p>",
    "credit": ("<p>Benjamin Netanyahu speaks in Jerusalem on Monday. (AFP via Getty Images)</p>",
               "Netanyahu"),
}


def _html(inserts: list[str]) -> bytes:
    """Our paragraphs with inserts[i] after the i-th (the ones past the last at the end)."""
    body = "".join(f"<p>{p}</p>{inserts[i] if i < len(inserts) else ''}"
                   for i, p in enumerate(PARAS)) + "".join(inserts[len(PARAS):])
    return ("<!doctype html><html><head><meta charset='utf-8'><title>Envoys meet in Muscat"
            "</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Envoys meet in "
            f"Muscat</h1>{body}</article></body></html>").encode()


def body_with(inserts: list[str]) -> str:
    """The body extract_page takes from our paragraphs with `inserts` (as `_html` places them)."""
    return extract_page(_html(inserts), "http://127.0.0.1/a", "text/html; charset=utf-8").body


def _shape(name: str) -> tuple[str, str]:
    value = JUNK[name]
    return value if isinstance(value, tuple) else (value, value.split(">")[-2].split("<")[0])


@pytest.mark.parametrize("name", list(JUNK))
def test_each_shape_leaves_the_body(name: str) -> None:
    html, trace = _shape(name)
    body = body_with([html])
    assert all(p in body for p in PARAS)
    assert trace not in body, body


def test_sentences_like_them_are_kept() -> None:
    lines = ["Read more carefully, the statement leaves room for further talks.",
             "See also the earlier ruling, which the court cited twice in its verdict.",
             "Analysts say the statement from the ministry is not the full story.",
             "Officials met in Muscat — the talks went on for hours, a diplomat said.",
             "Residents said the evacuation alerts were delivered to their phones late.",
             "Critics said the advertisement campaign had cost more than planned.",
             "The photo agency said (in a statement) that Getty Images had the rights."]
    assert clean_lines("\n".join(lines)).split("\n\n") == lines


def test_teasers_names_reach_neither_body_nor_actors(server: LocalServer,
                                                      tmp_path: Path) -> None:
    article, actors = one_page_article(server, tmp_path, _html([_shape(n)[0] for n in JUNK]),
                                       "text/html; charset=utf-8")
    assert article.body.split("\n\n") == PARAS
    assert "oman" in actors
    assert not actors & {"emmanuel-macron", "xi-jinping", "kim-jong-un", "recep-tayyip-erdogan",
                         "bashar-al-assad", "benjamin-netanyahu", "hezbollah"}, actors


MORE = {  # (insert, what may not stay): other stories' names, in more shapes and scripts
    "link, source": ('<p><a href="/o/5">Lukashenko hosts Wagner fighters in Belarus</a> '
                     "(Reuters)</p>", "Lukashenko"),
    "link, age": ('<p><a href="/o/5">Lukashenko hosts Wagner fighters in Belarus</a> - 2 hours '
                  "ago</p>", "Lukashenko"),
    "ru teaser": ('<p>Путин провёл встречу с Эрдоганом в Сочи — <a href="/o/9">читать далее</a>'
                  "</p>", "Путин"),
    "ar teaser": ('<p>أردوغان يحذر الأسد من هجوم إدلب <a href="/o/10">اقرأ المزيد</a></p>',
                  "أردوغان"),
    "tags line": ("<p>Tags: Iran, Oman, Netanyahu, Hamas</p>", "Netanyahu"),
    "ru tags": ("<p>Теги: Иран, Оман, Нетаньяху</p>", "Нетаньяху"),
    # Written with their ZWNJ, which a page's text holds as a stand-in letter (joiners.py).
    "fa tags": ("<p>برچسب‌ها: ایران، عمان، نتانیاهو</p>", "نتانیاهو"),
    "fa share": ("<p>اشتراک‌گذاری</p>", "اشتراک"),
    "watch": ("<p>WATCH: Netanyahu speaks in Jerusalem</p>", "Netanyahu"),
    "agency credit": ("<p>Benjamin Netanyahu speaks in Jerusalem, December 1, 2026. "
                      "REUTERS/Jane Doe</p>", "Netanyahu"),
    "file photo": ("<p>FILE PHOTO: Benjamin Netanyahu speaks in Jerusalem, December 1, 2026."
                   "</p>", "Netanyahu"),
    "story list": ('<ul><li><a href="/o/1">Putin and Erdogan hold talks in Sochi</a><p>The two '
                   "leaders spoke of grain exports and Syria for three hours.</p></li></ul>",
                   "Erdogan"),
    "listen": ("<p>Listen to this article</p>", "Listen"),
    "reading time": ("<p>5 min read</p>", "min read"),
}


@pytest.mark.parametrize("name", list(MORE))
def test_more_shapes_leave_the_body(name: str) -> None:
    html, trace = MORE[name]
    body = body_with([html])
    assert all(p in body for p in PARAS)
    assert trace not in body, body


def test_lines_led_by_a_link_in_the_text_are_kept() -> None:
    """A body paragraph whose first words are a link (to a source, a report) is prose."""
    para = ('<p><a href="/report">The foreign ministry said in a statement</a> on Tuesday that '
            "the talks would resume (after the holiday).</p><p><a href='/r2'>Officials in "
            "Muscat confirmed the date</a> - and the venue.</p>")
    body = body_with([para])
    assert "on Tuesday that the talks would resume (after the holiday)." in body
    assert "Officials in Muscat confirmed the date - and the venue." in body
    points = ("<ul><li><a href='/s1'>Oman</a> has hosted such talks before, in 2023.</li>"
              "<li>The next round is due in Muscat after the holiday, envoys said.</li></ul>")
    body = body_with([points])
    assert "Oman has hosted such talks before, in 2023." in body
    kept = ["Tags were attached to the bags at the border, officials said.",
            "Watch the video of the speech on the ministry's site, he told reporters.",
            "Topics: the ministers discussed grain, energy and the border."]
    assert clean_lines("\n".join(kept)).split("\n\n") == kept
