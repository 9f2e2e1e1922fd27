-- Cross-outlet linking (tui.core.related, tui.core.store.links). All rows are derived data.
-- link_features: each article's event features (JSON, see related.Features) with rarity frozen
-- at index time; df_keys lists what it added to link_df so a delete (prune, re-index) takes it
-- back. link_df: document frequency per key ('a:actor', 'p:place', 't:term'; '' counts
-- documents). link_keys: the inverted index used to find candidates within a time window.
CREATE TABLE link_features (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    published REAL NOT NULL,
    features TEXT NOT NULL,
    df_keys TEXT NOT NULL
);

CREATE TABLE link_df (
    key TEXT PRIMARY KEY,
    df INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE link_keys (
    key TEXT NOT NULL,
    published REAL NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (key, published, article_id)
) WITHOUT ROWID;
CREATE INDEX link_keys_article ON link_keys (article_id);

CREATE TRIGGER link_features_uncount AFTER DELETE ON link_features BEGIN
    UPDATE link_df SET df = df - 1
    WHERE key = '' OR key IN (SELECT value FROM json_each(old.df_keys));
END;

-- Top links per article, both directions, with the score's named parts as text.
CREATE TABLE links (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    other_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    score REAL NOT NULL,
    reasons TEXT NOT NULL,
    PRIMARY KEY (article_id, other_id)
) WITHOUT ROWID;
CREATE INDEX links_other ON links (other_id);

-- Stories: clusters of articles about one event (two or more articles).
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    first TEXT NOT NULL,
    last TEXT NOT NULL
);
CREATE INDEX stories_last ON stories (last DESC);

CREATE TABLE story_articles (
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX story_articles_story ON story_articles (story_id, article_id);

CREATE TRIGGER story_articles_gone AFTER DELETE ON story_articles BEGIN
    DELETE FROM stories WHERE id = old.story_id
    AND (SELECT count(*) FROM story_articles WHERE story_id = old.story_id) = 0;
END;
