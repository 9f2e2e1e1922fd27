-- The core cache: feeds, articles (stored once, linked to every feed that carries them),
-- reader state, tags, raw pages for offline re-extraction, and a full-text index.
CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    title TEXT,
    lang TEXT,
    etag TEXT,
    last_modified TEXT,
    last_attempt TEXT,
    last_ok TEXT,
    last_error TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    item_count INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
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
    analysed INTEGER NOT NULL DEFAULT 0  -- 0 until actors/rules/links have seen the current body
);
CREATE INDEX articles_published ON articles (published DESC);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_unread ON articles (read, published DESC);
CREATE INDEX articles_pending ON articles (id) WHERE analysed = 0;

CREATE TABLE article_feeds (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, feed_id)
) WITHOUT ROWID;
CREATE INDEX article_feeds_feed ON article_feeds (feed_id, article_id);

CREATE TABLE tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (article_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_tag ON tags (tag, article_id);

CREATE TABLE pages (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    url TEXT,
    fetched_at TEXT NOT NULL,
    content_type TEXT,
    raw BLOB NOT NULL
);

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, coalesce(new.body, ''));
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, coalesce(old.body, ''));
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, coalesce(old.body, ''));
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, coalesce(new.body, ''));
END;
