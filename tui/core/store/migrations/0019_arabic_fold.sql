-- Arabic-script text is matched as readers take it (tui/core/arabic_search.py):
-- 1. A quoted phrase finds its words however they are spelt ("اسماعيل هنية" finds "إسماعيل
--    هَنِيَّة"): the index now gets the text's normalised words in order after their forms, so
--    what it holds for an Arabic article changed, and the index is made again (as in 0014).
-- 2. Tag names compare in that spelling too (tagnames.key): "ایران" (Persian ye) and "ايران"
--    (Arabic ya) are one tag. Keys are made again and tags one key now names merge into the
--    spelling most used, on an article that had both into one row (the user's if either was).
INSERT INTO articles_fts (articles_fts) VALUES ('delete-all');
INSERT INTO articles_fts (rowid, title, body)
    SELECT id, coalesce(newsdesk_fts_text(CAST(title AS BLOB)), title),
           coalesce(newsdesk_fts_text(CAST(body AS BLOB)), body, '') FROM articles;

CREATE TEMP TABLE tag_spelling AS
SELECT key, tag FROM (
    SELECT newsdesk_tag_key(tag) AS key, tag,
           row_number() OVER (PARTITION BY newsdesk_tag_key(tag) ORDER BY count(*) DESC, tag)
               AS rank
    FROM tags GROUP BY tag
) WHERE rank = 1;

CREATE TABLE tags_folded (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    tag TEXT NOT NULL,
    by_rule INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, key)
) WITHOUT ROWID;

INSERT INTO tags_folded (article_id, key, tag, by_rule)
SELECT t.article_id, s.key, s.tag, min(t.by_rule)
FROM tags t JOIN tag_spelling s ON s.key = newsdesk_tag_key(t.tag)
GROUP BY t.article_id, s.key;

DROP TABLE tag_spelling;
DROP TABLE tags;
ALTER TABLE tags_folded RENAME TO tags;
CREATE INDEX tags_key ON tags (key, article_id);
