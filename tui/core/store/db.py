"""Open the cache database, migrate it, and run writes in short transactions.

WAL lets the TUI read while a cron `newsdesk fetch` writes; a busy timeout turns lock
contention into a short wait instead of "database is locked"; migrations are numbered SQL files
applied in order, each in its own transaction, so a kill mid-upgrade leaves the previous version.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from importlib import resources
from pathlib import Path

from tui.core import arabic_search, tagnames
from tui.core.models import utcnow

DB_NAME = "newsdesk.sqlite3"
BUSY_TIMEOUT_MS = 30_000
YIELD_S = 0.12  # a writer that others wait for leaves the lock free this long (> busy poll)
QUERY_CACHE_KB = 65_536
QUERY_MMAP_BYTES = 268_435_456
BULK_CACHE_KB = 16_384
# A refresh checkpoints the WAL every this many pages (32 MB), not SQLite's 1,000: each
# checkpoint copies the pages and syncs the file twice, on the writer's thread. A cold 10k
# refresh wrote ~25 of them; half the analysis writer's commit time was theirs.
BULK_CHECKPOINT_PAGES = 8_192
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class StoreError(Exception):
    """The cache cannot be used; the message says why and what was done about it.

    `moved_to` is set when the bad file was set aside: only then does retrying make sense.
    `code` is the CLI's exit code: 2 when the configuration points somewhere unusable.
    """

    def __init__(self, message: str, moved_to: Path | None = None, code: int = 1) -> None:
        super().__init__(message)
        self.moved_to = moved_to
        self.code = code


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every bundled migration, in order."""
    found = []
    for entry in resources.files("tui.core.store.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    for expected, (version, name, _) in enumerate(found, 1):
        if version != expected:
            raise RuntimeError(f"migration numbering has a gap or repeat at {name}")
    return found


def latest_version() -> int:
    return len(migrations())


def _statements(sql: str) -> list[str]:
    """Split a migration file into statements (SQLite's own completeness test, so trigger
    bodies with their inner semicolons stay whole)."""
    out, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(ln.strip().startswith("--") or not ln.strip()
                                  for ln in buffer.splitlines()):
        out.append(buffer.strip())
    return out


def _version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Bring the schema up to `target` (default: latest). Returns the version reached.

    Each step runs in its own BEGIN IMMEDIATE transaction that first re-reads the version:
    two processes opening an old cache at once (the TUI and a cron fetch) take turns, and the
    second finds the work done instead of failing on "table already exists".
    """
    steps = migrations()
    target = len(steps) if target is None else target
    current = _version(conn)
    if current > len(steps):
        raise StoreError(
            f"the cache was written by a newer newsdesk (schema {current}, this one knows "
            f"{len(steps)}); upgrade newsdesk or point cache_dir elsewhere"
        )
    for version, name, sql in steps[current:target]:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if _version(conn) < version:
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError) and not _is_corrupt(exc):
                raise StoreError(f"migration {name} failed ({exc}); the cache was left at "
                                 f"schema {version - 1}, unchanged") from None
            raise
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return max(current, target)


def _is_corrupt(exc: sqlite3.Error) -> bool:
    """SQLITE_CORRUPT / SQLITE_NOTADB: the file itself is bad (not a lock, not permissions)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (11, 26)
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions for migrations, triggers and queries: SQLite cannot case-fold beyond ASCII
    nor split Arabic proclitics."""
    conn.create_function("newsdesk_tag_key", 1, _text_function(tagnames.key), deterministic=True)
    conn.create_function("newsdesk_tag_display", 1, _text_function(tagnames.display),
                         deterministic=True)
    conn.create_function("newsdesk_fold", 1, _text_function(tagnames.key), deterministic=True)
    # what the FTS triggers index after a title or body: searchable forms of Arabic words
    conn.create_function("newsdesk_fts_extra", 1, arabic_search.extra_tokens, deterministic=True)


def _text_function(fn: Callable[[str], str]) -> Callable[[object], str | None]:
    def call(value: object) -> str | None:
        return None if value is None else fn(str(value))

    return call


def _configure(conn: sqlite3.Connection) -> None:
    register_functions(conn)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    # A 64 MB page cache and memory-mapped reads: full-text queries over tens of thousands
    # of articles stop re-reading the same pages (one common-word query: 100 ms -> 31 ms).
    conn.execute(f"PRAGMA cache_size = -{QUERY_CACHE_KB}")
    conn.execute(f"PRAGMA mmap_size = {QUERY_MMAP_BYTES}")


@contextmanager
def bulk(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A refresh's settings for this connection while it runs: a 16 MB page cache, no mapping.

    A refresh touches each page a few times and moves on; the query settings would let a cold
    10k fetch hold 64 MB of cached pages plus 30 MB of mapped file (188 MB at its peak, 120
    MB like this, in the same time). The connection's query settings come back afterwards.
    """
    conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KB}")
    conn.execute("PRAGMA mmap_size = 0")
    before = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    conn.execute(f"PRAGMA wal_autocheckpoint = {BULK_CHECKPOINT_PAGES}")
    try:
        yield conn
    finally:
        conn.execute(f"PRAGMA cache_size = -{QUERY_CACHE_KB}")
        conn.execute(f"PRAGMA mmap_size = {QUERY_MMAP_BYTES}")
        conn.execute(f"PRAGMA wal_autocheckpoint = {before}")
        # now, not in the app's next one-row write: what the larger WAL holds is copied back
        with suppress(sqlite3.Error):
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


def _check_is_ours(conn: sqlite3.Connection, path: Path) -> None:
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as exc:
        if not _is_corrupt(exc):
            raise
        raise _quarantine(path, f"it is not a readable SQLite database ({exc})") from None
    if tables and (version == 0 or "articles" not in tables):
        raise _quarantine(path, "it is an SQLite database of some other program")


def _quarantine(path: Path, why: str) -> StoreError:
    """Move a bad file aside (never delete it) and explain."""
    stamp = utcnow().strftime("%Y%m%dT%H%M%S")
    backup = path.with_name(f"{path.name}.broken-{stamp}")
    n = 1
    while any(Path(f"{backup}{suffix}").exists() for suffix in ("", "-wal", "-shm")):
        n += 1  # never overwrite an earlier backup
        backup = path.with_name(f"{path.name}.broken-{stamp}-{n}")
    for suffix in ("", "-wal", "-shm"):
        src = Path(f"{path}{suffix}")
        if src.exists():
            shutil.move(src, f"{backup}{suffix}")
    return StoreError(
        f"{path}: {why}. It was moved to {backup} and a new cache will be created; "
        "nothing was deleted.", moved_to=backup)


def connect(path: Path, *, migrate_to: int | None = None) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the cache at `path`.

    A corrupt or foreign file raises StoreError after being moved aside, so the caller can tell
    the user and simply call connect() again for a fresh cache.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise IsADirectoryError(21, "a folder is in the way of the cache file", str(path))
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
    except (FileExistsError, NotADirectoryError, IsADirectoryError) as exc:
        raise StoreError(f"{path.parent} cannot hold the cache ({exc.strerror}: "
                         f"{exc.filename or path}); set cache_dir in [settings] to a folder",
                         code=2) from None
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"{path}: cannot open the cache ({exc})") from None
    try:
        _configure(conn)
        _check_is_ours(conn, path)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StoreError(f"{path}: cannot switch the cache to WAL mode (got {mode})")
        migrate(conn, migrate_to)
    except sqlite3.Error as exc:
        conn.close()
        if _is_corrupt(exc):
            raise _quarantine(path, f"it is damaged ({exc})") from None
        # Locked past the busy timeout, read-only, disk full: the file is fine, leave it be.
        raise StoreError(f"{path}: cannot open the cache ({exc})") from None
    except BaseException:
        conn.close()
        raise
    conn.row_factory = sqlite3.Row
    return conn


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A reader of a cache another connection writes (a pool worker scoring links): no
    migration, no writes; in WAL mode it sees every committed transaction."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                           timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # small, and no memory map: a worker reads a fortnight's index, and mapped pages would
    # count in every worker's resident memory
    conn.execute("PRAGMA cache_size = -8192")
    conn.execute("PRAGMA mmap_size = 0")
    return conn


def data_version(conn: sqlite3.Connection) -> int:
    """SQLite's count of commits made by other connections, this one's own left out."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def db_file(conn: sqlite3.Connection) -> Path | None:
    """The file behind a connection (None for an in-memory database)."""
    return _db_file(conn)


def replace_article_rows(conn: sqlite3.Connection, table: str, columns: Sequence[str],
                         article_ids: Sequence[int], rows: Sequence[tuple[object, ...]]) -> None:
    """An analysis table's rows for these articles replaced by `rows` (the article id first):
    what the workers found for an article stands in for what was found before."""
    for i in range(0, len(article_ids), 500):  # SQLite's limit on bound parameters
        chunk = list(article_ids[i:i + 500])
        conn.execute(f"DELETE FROM {table} WHERE article_id IN ({','.join('?' * len(chunk))})",
                     chunk)
    conn.executemany(f"INSERT OR REPLACE INTO {table}(article_id, {', '.join(columns)}) "
                     f"VALUES (?{', ?' * len(columns)})", rows)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error (including KeyboardInterrupt)."""
    if conn.in_transaction:  # nested use joins the outer transaction
        yield conn
        return
    begun = time.monotonic()
    _begin(conn)
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    _step_aside(conn, begun)


@contextmanager
def if_free(conn: sqlite3.Connection) -> Iterator[bool]:
    """A transaction only if the write lock is free now (yields False, and writes nothing,
    when another writer holds it): for writes that may be skipped rather than waited for."""
    if not _begin_now(conn):
        yield False
        return
    try:
        yield True
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# SQLite's write lock is not fair: a waiting writer polls every <= 100 ms, while a loop of
# transactions (a cron fetch storing feeds and analysis batches) re-takes the lock within
# microseconds, starving the app's one-row triage writes until "database is locked". So a
# writer that finds the lock taken says so with a small file beside the cache while it waits,
# and a writer in such a loop that sees the file after its COMMIT leaves the lock free for a
# moment. With nobody waiting a bulk ingest never sleeps; a lone write (a keypress) never does.
_WANT = ".want-"
_STALE_WANT_S = BUSY_TIMEOUT_MS / 1000 + 5  # nobody waits longer: a file this old was left


def _db_file(conn: sqlite3.Connection) -> Path | None:
    row = conn.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row is not None and row[2] else None


def _begin_now(conn: sqlite3.Connection) -> bool:
    """BEGIN IMMEDIATE if the write lock is free now; False (no transaction) if it is held."""
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("BEGIN IMMEDIATE")
        return True
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _begin(conn: sqlite3.Connection) -> None:
    if _begin_now(conn):
        return
    db = _db_file(conn)
    want = db.with_name(f"{db.name}{_WANT}{os.getpid()}-{threading.get_ident()}") if db else None
    try:
        if want is not None:
            want.touch()
    except OSError:  # a read-only folder: wait unannounced, as SQLite alone would
        want = None
    try:
        conn.execute("BEGIN IMMEDIATE")
    finally:
        if want is not None:
            want.unlink(missing_ok=True)


def _someone_waits(db: Path) -> bool:
    prefix = db.name + _WANT
    try:
        entries = [e for e in os.scandir(db.parent) if e.name.startswith(prefix)]
    except OSError:
        return False
    now = time.time()
    waiting = False
    for entry in entries:
        try:
            if now - entry.stat().st_mtime > _STALE_WANT_S:
                os.unlink(entry.path)
            else:
                waiting = True
        except OSError:
            continue
    return waiting


_last_commit = threading.local()


def _step_aside(conn: sqlite3.Connection, begun: float) -> None:
    looping = begun - getattr(_last_commit, "at", float("-inf")) < YIELD_S
    if looping and (db := _db_file(conn)) is not None and _someone_waits(db):
        time.sleep(YIELD_S)
    _last_commit.at = time.monotonic()


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else row[0]


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES(?, ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))
