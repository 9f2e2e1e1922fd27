-- Search folds what readers take as one: ё as е ("партнерстве" finds "партнёрстве"), Arabic-
-- Indic and Persian digits as 0-9 (۲۲۳۱ and 2231), and more Persian spellings (رییس/رئیس,
-- تحریم‌ها/تحریم‌های, نصرالله/نصر الله). The index now gets newsdesk_fts_text of each title
-- and body (tui/core/search_fold.py): NULL for a text indexed as stored, which SQLite then
-- indexes itself; the folded text and its Arabic-script forms otherwise.
-- The triggers send the same value on delete as on insert, as an external-content index needs.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
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
-- What the old index holds for an Arabic article was made by the old forms, which this
-- version cannot make again to take them out one by one: the index is emptied and every
-- article indexed again (a 10k cache: see BENCHMARKS.md).
INSERT INTO articles_fts (articles_fts) VALUES ('delete-all');
INSERT INTO articles_fts (rowid, title, body)
    SELECT id, coalesce(newsdesk_fts_text(CAST(title AS BLOB)), title),
           coalesce(newsdesk_fts_text(CAST(body AS BLOB)), body, '') FROM articles;
