"""Open the cache database, migrate it, and run writes in short transactions.

WAL lets the TUI read while a cron `newsdesk fetch` writes; a busy timeout turns lock
contention into a short wait instead of "database is locked"; migrations are numbered SQL files
applied in order, each in its own transaction, so a kill mid-upgrade leaves the previous version.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager, suppress

from tui.core.basics import utcnow
from tui.core.store.sql_functions import register_functions
from tui.core.store.write_turns import BUSY_TIMEOUT_MS

TYPE_CHECKING = False
if TYPE_CHECKING:  # (an all-304 fetch opens the cache without pathlib, re or typing)
    from collections.abc import Callable, Iterator, Sequence
    from pathlib import Path

DB_NAME = "newsdesk.sqlite3"
QUERY_CACHE_KB = 65_536
QUERY_MMAP_BYTES = 268_435_456
BULK_CACHE_KB = 16_384
# A refresh checkpoints the WAL every this many pages (32 MB), not SQLite's 1,000: each
# checkpoint copies the pages and syncs the file twice, on the writer's thread. A cold 10k
# refresh wrote ~25 of them; half the analysis writer's commit time was theirs.
BULK_CHECKPOINT_PAGES = 8_192
_MIGRATION_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")  # NNNN_name.sql
_REINDEX = "the search index is made again"
SLOW: dict[int, str] = {10: _REINDEX, 14: _REINDEX, 19: _REINDEX,
                         16: "the article table is rebuilt so that ids are never reused",
                         21: "the links' features are moved to a table of their own",
                         22: "hidden characters are taken out of the stored articles"}
"""What the migrations whose work grows with the cache do: `migrate` tells the user before
it starts ("..., for the N cached articles"), not after a pause. Landed migrations are
never edited, so it is said here; a new slow one adds its line."""

# A migration that rebuilds a table others refer to starts with this line: SQLite's DROP TABLE
# would cascade to every child row, so the step runs with foreign keys off (a pragma that
# works only outside a transaction) and is checked before it commits.
_FOREIGN_KEYS_OFF = "-- foreign keys: off"
# the package tui.core.store.migrations
_MIGRATIONS = os.path.join(os.path.dirname(__file__), "migrations")


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
    return [(version, name, _sql(name)) for version, name in _migration_names()]


def _migration_names() -> list[tuple[int, str]]:
    """(version, file name) of every bundled migration, in order. Only the names: opening a
    cache that is up to date reads no SQL (nor loads importlib.resources, 5 ms a command)."""
    found = sorted((int(name[:4]), name) for name in os.listdir(_MIGRATIONS)
                   if name[:4].isdigit() and name[4:5] == "_" and name.endswith(".sql")
                   and _MIGRATION_CHARS.issuperset(name[5:-4]) and len(name) > 9)
    for expected, (version, name) in enumerate(found, 1):
        if version != expected:
            raise RuntimeError(f"migration numbering has a gap or repeat at {name}")
    return found


def _sql(name: str) -> str:
    with open(os.path.join(_MIGRATIONS, name), encoding="utf-8") as file:
        return file.read()


def latest_version() -> int:
    return len(_migration_names())


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


def migrate(conn: sqlite3.Connection, target: int | None = None,
            on_slow: Callable[[str], None] | None = None) -> int:
    """Bring the schema up to `target` (default: latest). Returns the version reached.

    Each step runs in its own BEGIN IMMEDIATE transaction that first re-reads the version:
    two processes opening an old cache at once (the TUI and a cron fetch) take turns, and the
    second finds the work done instead of failing on "table already exists". `on_slow` hears,
    before any step runs, what the steps that take time on a cache with articles will do.
    """
    steps = _migration_names()
    target = len(steps) if target is None else target
    current = _version(conn)
    if current > len(steps):
        raise StoreError(
            f"the cache was written by a newer newsdesk (schema {current}, this one knows "
            f"{len(steps)}); upgrade newsdesk or point cache_dir elsewhere"
        )
    if on_slow is not None and current > 0:  # a new cache has no articles to work through
        said = slow_work(conn, [version for version, _ in steps[current:target]])
        if said:
            on_slow(said)
    for version, name in steps[current:target]:
        sql = _sql(name)
        keys_off = sql.startswith(_FOREIGN_KEYS_OFF)
        if keys_off:
            conn.execute("PRAGMA foreign_keys = OFF")
        try:
            _step(conn, version, name, sql, check_keys=keys_off)
        finally:
            if keys_off:
                conn.execute("PRAGMA foreign_keys = ON")
    return max(current, target)


def slow_work(conn: sqlite3.Connection, pending: Sequence[int]) -> str:
    """What the pending migrations (their versions) will take a while doing, or "" (no such
    step, or no article to do it for)."""
    whats = list(dict.fromkeys(SLOW[v] for v in pending if v in SLOW))
    if not whats:
        return ""
    count = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    if not count:
        return ""
    articles = f"{count:,} cached article" + ("" if count == 1 else "s")
    return f"{' and '.join(whats)}, for the {articles}"


def _step(conn: sqlite3.Connection, version: int, name: str, sql: str, *,
          check_keys: bool) -> None:
    """One migration in one transaction: all of it, or none (a kill included)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if _version(conn) < version:
            for statement in _statements(sql):
                conn.execute(statement)
            if check_keys and conn.execute("PRAGMA foreign_key_check").fetchone():
                raise sqlite3.OperationalError("a row would refer to nothing")
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


def _is_corrupt(exc: sqlite3.Error) -> bool:
    """SQLITE_CORRUPT / SQLITE_NOTADB: the file itself is bad (not a lock, not permissions)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (11, 26)
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


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
    from pathlib import Path

    stamp = utcnow().strftime("%Y%m%dT%H%M%S")
    backup = path.with_name(f"{path.name}.broken-{stamp}")
    n = 1
    while any(Path(f"{backup}{suffix}").exists() for suffix in ("", "-wal", "-shm")):
        n += 1  # never overwrite an earlier backup
        backup = path.with_name(f"{path.name}.broken-{stamp}-{n}")
    import shutil  # a damaged cache only: its import loads bz2 and lzma

    for suffix in ("", "-wal", "-shm"):
        src = Path(f"{path}{suffix}")
        if src.exists():
            shutil.move(src, f"{backup}{suffix}")
    return StoreError(
        f"{path}: {why}. It was moved to {backup} and a new, empty cache will be created; "
        "nothing was deleted. `newsdesk fetch` downloads the feeds again (articles the feeds "
        "no longer carry are not coming back); read marks, tags and saved articles were in "
        f"the moved file only: if it is readable at all, `sqlite3 {backup} .recover` may get "
        "part of them back as SQL, to copy by hand", moved_to=backup)


def connect(path: Path, *, migrate_to: int | None = None,
            on_slow: Callable[[str], None] | None = None) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the cache at `path`.

    A corrupt or foreign file raises StoreError after being moved aside, so the caller can tell
    the user and simply call connect() again for a fresh cache. A cache that cannot be written
    (a read-only mount, a folder of another user) is opened read-only (`_open_read_only`).
    """
    if read_only_place(path):
        return _open_read_only(path)
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
        migrate(conn, migrate_to, on_slow)
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


def open_current(path: str | Path) -> sqlite3.Connection | None:
    """`connect`'s connection when opening needs nothing of the cache: it is a file, ours,
    readable, at this version's schema and in WAL mode (the lean fetch's test, refresh/lean.py).
    Else None, with nothing migrated, set aside or created: `connect` does what it must."""
    if not os.path.isfile(path):
        return None
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        _configure(conn)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        current = _version(conn) == latest_version() and "articles" in tables \
            and conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    except sqlite3.Error:
        current = False
    if not current:
        conn.close()
        return None
    conn.row_factory = sqlite3.Row
    return conn


READ_ONLY = ("the cache is read-only ({where}): this command changes it; list, show, feeds, "
             "stories and export only read it and work")


def read_only_place(path: str | Path) -> bool:
    """The cache exists but this process cannot write it, or the folder that holds its
    journal (SQLite writes -wal and -shm files beside it)."""
    folder = os.path.dirname(path) or "."
    return os.path.isfile(path) and not (os.access(path, os.W_OK) and os.access(folder, os.W_OK))


def _open_read_only(path: Path) -> sqlite3.Connection:
    """For the commands that only read. With no -wal file beside it the cache was closed
    cleanly and nothing else can write it: `immutable` (no locks, no -shm to create, which a
    read-only folder refuses). With one, a plain read-only open reads what it holds too.
    A write then fails with SQLite's "readonly database", which the CLI says in its words."""
    immutable = "&immutable=1" if not os.path.exists(f"{path}-wal") else ""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{immutable}", uri=True,
                               timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
        register_functions(conn)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = _version(conn)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the read-only cache ({exc})") from None
    if version != latest_version():
        conn.close()
        newer = "a newer" if version > latest_version() else "an older"
        raise StoreError(f"{path}: the cache is read-only and was written by {newer} newsdesk "
                         f"(schema {version}, this one knows {latest_version()}): it cannot be "
                         "upgraded in place; copy it somewhere writable")
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


GAZETTEER_HASH_KEY = "gazetteer_hash"  # the data the cache's actors were matched with


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else row[0]


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES(?, ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))
