-- Tags get one canonical form (tui/core/tagnames.py): matched by `key` (NFC plus Unicode case
-- folding, from newsdesk_tag_key, which every connection registers: SQLite's lower() folds
-- ASCII only), shown as `tag`, the user's spelling. Duplicates older versions made ("Iran"
-- from a feed's config and "iran" typed in the app; "Россия" and "россия") merge into one
-- spelling per key: one with capitals if any (older versions lowercased tags typed in the
-- app, the config keeps the user's), else the most used.
CREATE TABLE tags_by_key (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (article_id, key)
) WITHOUT ROWID;

CREATE TEMP TABLE tag_spelling AS
SELECT key, tag FROM (
    SELECT newsdesk_tag_key(tag) AS key, newsdesk_tag_display(tag) AS tag,
           row_number() OVER (
               PARTITION BY newsdesk_tag_key(tag)
               ORDER BY newsdesk_tag_display(tag) = newsdesk_tag_key(tag), count(*) DESC, tag
           ) AS rank
    FROM tags GROUP BY tag
) WHERE rank = 1 AND key != '';

INSERT OR IGNORE INTO tags_by_key (article_id, key, tag)
SELECT t.article_id, s.key, s.tag FROM tags t JOIN tag_spelling s ON s.key = newsdesk_tag_key(t.tag);

DROP TABLE tag_spelling;
DROP TABLE tags;
ALTER TABLE tags_by_key RENAME TO tags;
CREATE INDEX tags_key ON tags (key, article_id);
