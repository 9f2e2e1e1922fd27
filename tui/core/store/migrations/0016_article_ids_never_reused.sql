-- foreign keys: off (the articles table is rebuilt; see tui/core/store/db.py)
-- An article's id is never given again once its article is pruned: a script that kept an id
-- gets "no article with id N", never another article. SQLite reuses the highest ids of a
-- table without AUTOINCREMENT, and AUTOINCREMENT needs a new table: the rows are copied with
-- their ids (the full-text index, external content keyed by id, stays as it is), the old
-- table goes with foreign keys off (nothing cascades), and every index and trigger on it is
-- made again as the migrations before left it. The sequence starts at the highest id kept:
-- ids pruned above it before this version are the only ones that may be given once more.
CREATE TABLE articles_kept_ids (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    url TEXT,
    title TEXT NOT NULL,
    author TEXT,
    summary TEXT,
    feed_content TEXT,
    body TEXT,
    body_source TEXT,
    extract_error TEXT,
    lang TEXT,
    published TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    extracted_at TEXT,
    read INTEGER NOT NULL DEFAULT 0,
    saved INTEGER NOT NULL DEFAULT 0,
    dismissed INTEGER NOT NULL DEFAULT 0,
    analysed INTEGER NOT NULL DEFAULT 0,  -- 0 until actors/rules/links have seen the current body
    page_due INTEGER NOT NULL DEFAULT 0,
    body_links TEXT,
    page_tries INTEGER NOT NULL DEFAULT 0,
    page_retry_at TEXT
);
INSERT INTO articles_kept_ids (id, key, url, title, author, summary, feed_content, body,
    body_source, extract_error, lang, published, first_seen, extracted_at, read, saved,
    dismissed, analysed, page_due, body_links, page_tries, page_retry_at)
SELECT id, key, url, title, author, summary, feed_content, body, body_source, extract_error,
    lang, published, first_seen, extracted_at, read, saved, dismissed, analysed, page_due,
    body_links, page_tries, page_retry_at FROM articles;
DROP TABLE articles;
ALTER TABLE articles_kept_ids RENAME TO articles;

CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_unread ON articles (read, published DESC);
CREATE INDEX articles_pending ON articles (id) WHERE analysed = 0;
CREATE INDEX articles_order ON articles (published DESC, id DESC);
CREATE INDEX articles_saved ON articles (published DESC, id DESC) WHERE saved = 1;
CREATE INDEX articles_page_due ON articles (published DESC, id DESC) WHERE page_due = 1;

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body)
    VALUES (new.id, coalesce(newsdesk_fts_text(CAST(new.title AS BLOB)), new.title),
            coalesce(newsdesk_fts_text(CAST(new.body AS BLOB)), new.body, ''));
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.id, coalesce(newsdesk_fts_text(CAST(old.title AS BLOB)), old.title),
            coalesce(newsdesk_fts_text(CAST(old.body AS BLOB)), old.body, ''));
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.id, coalesce(newsdesk_fts_text(CAST(old.title AS BLOB)), old.title),
            coalesce(newsdesk_fts_text(CAST(old.body AS BLOB)), old.body, ''));
    INSERT INTO articles_fts (rowid, title, body)
    VALUES (new.id, coalesce(newsdesk_fts_text(CAST(new.title AS BLOB)), new.title),
            coalesce(newsdesk_fts_text(CAST(new.body AS BLOB)), new.body, ''));
END;
