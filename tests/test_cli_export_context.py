"""`newsdesk export` keeps a dossier's context (real processes, a loopback feed of our own
text): a saved view is named with its query, every article carries its id, language and
story, and the HTML page reads Arabic and Persian right to left."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.httpserver import LocalServer
from tests.test_cli import fetched_feed, newsdesk

PERSIAN = "پزشکیان و پوتین پیمان همکاری راهبردی را امضا کردند"
ARABIC = "وزراء الخارجية يجتمعون في الدوحة لبحث الأوضاع"
ENGLISH = "Ministers meet in Doha to discuss the situation"
ITEMS = [
    {"title": PERSIAN, "description": "این پیمان برای بیست سال امضا شد و همکاری‌های دفاعی را "
                                      "گسترش می‌دهد.",
     "pubDate": "Fri, 17 Jan 2025 09:00:00 +0330"},
    {"title": ARABIC, "description": "وقال المتحدث إن الاجتماع سيبحث الأوضاع في سوريا ولبنان.",
     "pubDate": "Fri, 17 Jan 2025 10:00:00 +0300"},
    {"title": ENGLISH, "description": "The foreign ministers said that the talks were useful "
                                      "and that they will meet again in the spring.",
     "pubDate": "Fri, 17 Jan 2025 11:00:00 +0000"},
]


def test_export_names_the_view_and_marks_language_direction_and_id(
        server: LocalServer, tmp_path: Path) -> None:
    config = fetched_feed(server, tmp_path, ITEMS)
    with open(config, "a", encoding="utf-8") as toml:
        toml.write('\n[[view]]\nname = "Gulf and Iran"\nquery = "lang:fa OR lang:ar"\n')
    page_path = tmp_path / "gulf.html"
    exported = newsdesk("--config", config, "export", 'view:"gulf and iran"', "-o",
                        str(page_path))
    assert exported.returncode == 0, exported.stderr
    page = page_path.read_text(encoding="utf-8")
    assert "<h1>newsdesk: Gulf and Iran</h1>" in page  # its name as written in feeds.toml
    assert '<p class="meta">Query: <code dir="auto">lang:fa OR lang:ar</code></p>' in page
    assert f'<h2 lang="fa" dir="rtl">{PERSIAN}</h2>' in page
    assert f'<h2 lang="ar" dir="rtl">{ARABIC}</h2>' in page
    assert re.search(r'<div class="text" lang="fa" dir="rtl">\n<p>این پیمان', page)

    saved = newsdesk("--config", config, "export").stdout  # the default: saved articles
    assert saved.startswith("# newsdesk: saved articles\n\n**Query:** is:saved\n"), saved
    listed = [json.loads(line) for line in
              newsdesk("--config", config, "list", "--json").stdout.splitlines()]
    ids = {row["title"]: row["id"] for row in listed}
    data = json.loads(newsdesk("--config", config, "export", "-is:dismissed", "--format", "json").stdout)
    assert {(r["title"], r["id"], r["lang"]) for r in data} == {
        (PERSIAN, ids[PERSIAN], "fa"), (ARABIC, ids[ARABIC], "ar"), (ENGLISH, ids[ENGLISH], "en")}
    story = {r["lang"]: r["story"] for r in data}
    # the Arabic and English reports of one meeting in Doha may make a story (the linker
    # links them across scripts, with some fits of its weights); the treaty is another event
    assert story["fa"] is None and story["ar"] == story["en"]
    md = newsdesk("--config", config, "export", f"title:{ENGLISH.split()[0]}").stdout
    assert md.startswith("# newsdesk: title:Ministers\n")  # a query names itself
    assert newsdesk("--config", config, "tag", str(ids[ENGLISH]), "--add", "dossier").returncode == 0
    tagged = newsdesk("--config", config, "export", "+dossier").stdout  # a tag is named, unescaped
    assert tagged.startswith("# newsdesk: articles tagged dossier\n\n**Query:** +dossier\n"), tagged
    assert f" · id {ids[ENGLISH]}*" in md
