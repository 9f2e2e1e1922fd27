-- Which gazetteer actors each article mentions. One row per (article, actor); `spans` is JSON
-- [[field, start, end], ...] with field "title" or "body" so the reader can highlight them.
-- Rows are derived data: they are rebuilt when the gazetteer changes (meta 'gazetteer_hash').
CREATE TABLE actor_mentions (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    count INTEGER NOT NULL,
    spans TEXT NOT NULL,
    PRIMARY KEY (article_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX actor_mentions_actor ON actor_mentions (actor_id, article_id);
