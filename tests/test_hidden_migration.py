"""Migration 0022 on a cache built at schema 21: articles stored before the sanitizer knew them
keep zero-width characters, variation selectors and tags inside names. The migration cleans
them once, writes only the rows that change (their search entries with them), has the actors
matched again for those rows, and keeps tags, saved and read marks and links. A kill -9 in the
middle leaves a cache at schema 21 that the next open migrates."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import write_config
from tests.test_query_db import ids
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.store.db import DB_NAME, connect
from tui.core.store.write_turns import transaction

OLD = {  # id -> (title, body) as schema-21 versions stored them
    1: ("Pezes\u200dhkian meets Putin in Kazan", "Pezes\ufe0fhkian spoke for an hour."),
    2: ("Talks on the corridor", "Netan\u2063yahu said nothing new about it."),
    3: ("Ankara hosts envoys", "The envoys met on Sunday and will meet again."),
    4: ("Fans \u2764\ufe0f the team", "Plain words, kept as they are."),
}
CLEAN = {1: ("Pezeshkian meets Putin in Kazan", "Pezeshkian spoke for an hour."),
         2: ("Talks on the corridor", "Netanyahu said nothing new about it."),
         3: OLD[3], 4: OLD[4]}


def _old_cache(path: Path, articles: dict[int, tuple[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = connect(path, migrate_to=21)
    with transaction(conn):
        conn.executemany(
            "INSERT INTO articles (id, key, url, title, summary, body, published, first_seen, "
            "read, saved, analysed) VALUES (?, ?, ?, ?, ?, ?, '2026-11-20T10:00:00Z', "
            "'2026-11-20T10:00:00Z', ?, ?, 1)",
            [(i, f"k{i}", f"https://news.example/{i}", t, t, b, i % 2, int(i == 1))
             for i, (t, b) in articles.items()])
    conn.close()


def test_the_migration_cleans_stored_names_and_keeps_the_rest(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, []))
    path = tmp_path / "cache" / DB_NAME
    _old_cache(path, OLD)
    old = sqlite3.connect(path)
    with old:
        old.executemany("INSERT INTO tags (article_id, key, tag, by_rule) VALUES (?, ?, ?, 0)",
                        [(1, "dossier", "dossier"), (3, "turkey", "turkey")])
        old.execute("INSERT INTO links (article_id, other_id, score, reasons) "
                    "VALUES (1, 2, 0.9, 'names')")
    old.close()
    conn = connect(path)
    got = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, title, body FROM articles")}
    assert got == CLEAN
    assert dict(conn.execute("SELECT id, summary FROM articles")) == {
        i: t for i, (t, _) in CLEAN.items()}
    assert dict(conn.execute("SELECT id, analysed FROM articles")) == {1: 0, 2: 0, 3: 1, 4: 1}
    assert [tuple(r) for r in conn.execute("SELECT id, read, saved FROM articles")] == [
        (1, 1, 1), (2, 0, 0), (3, 1, 0), (4, 0, 0)]
    assert [tuple(r) for r in conn.execute("SELECT article_id, tag FROM tags ORDER BY 1")] == [
        (1, "dossier"), (3, "turkey")]
    assert [tuple(r) for r in conn.execute("SELECT article_id, other_id FROM links")] == [(1, 2)]
    assert ids(conn, "Pezeshkian") == {1} and ids(conn, "Netanyahu") == {2}
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
    conn.close()
    with Desk.open(config) as desk:  # the changed rows are matched again
        desk.analyse_pending()
        assert {a.id for a in desk.actors_of(1)} >= {"masoud-pezeshkian"}
        assert "benjamin-netanyahu" in {a.id for a in desk.actors_of(2)}
        assert desk.ids("tag:dossier") == [1]


_MIGRATE = """
import sys
from pathlib import Path
from tui.core.store.db import connect
connect(Path(sys.argv[1]), on_slow=lambda said: print(said, flush=True))
print("done", flush=True)
"""


def test_a_kill_mid_migration_leaves_a_cache_that_finishes_it(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    body = "Pezes\u200dhkian met the envoys. " * 60
    _old_cache(path, {i: (f"Pezes\u200dhkian visit {i}", body) for i in range(1, 20_001)})
    proc = subprocess.Popen([sys.executable, "-c", _MIGRATE, str(path)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None
    said = proc.stdout.readline()
    time.sleep(0.5)
    running = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert "hidden characters are taken out of the stored articles, for the 20,000" in said
    assert running, "the migration finished before the kill: make the cache larger"
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 21
    assert raw.execute("SELECT count(*) FROM articles WHERE analysed = 1").fetchone()[0] == 20_000
    raw.close()
    conn = connect(path, migrate_to=22)  # (later migrations are their own tests)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 22
    assert conn.execute("SELECT count(*) FROM articles WHERE title LIKE 'Pezeshkian visit %' "
                        "AND analysed = 0").fetchone()[0] == 20_000
    assert len(ids(conn, "Pezeshkian")) == 20_000
    conn.close()
