-- Arabic search: a bare Arabic word ("لبنان") did not find its forms with attached proclitics
-- ("ولبنان", "بلبنان") or another spelling (أ/ا, ة/ه, vowel marks). The index now gets each
-- title and body followed by newsdesk_fts_extra (tui/core/arabic_search.py): the searchable
-- forms of its Arabic-script words; for text without Arabic script, nothing. The text goes
-- to it as a blob, so a body without Arabic is never decoded for it.
-- The triggers send the same value on delete as on insert, as an external-content index needs.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body)
    VALUES (new.id, new.title || newsdesk_fts_extra(CAST(new.title AS BLOB)),
            coalesce(new.body, '') || newsdesk_fts_extra(CAST(new.body AS BLOB)));
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title || newsdesk_fts_extra(CAST(old.title AS BLOB)),
            coalesce(old.body, '') || newsdesk_fts_extra(CAST(old.body AS BLOB)));
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title || newsdesk_fts_extra(CAST(old.title AS BLOB)),
            coalesce(old.body, '') || newsdesk_fts_extra(CAST(old.body AS BLOB)));
    INSERT INTO articles_fts (rowid, title, body)
    VALUES (new.id, new.title || newsdesk_fts_extra(CAST(new.title AS BLOB)),
            coalesce(new.body, '') || newsdesk_fts_extra(CAST(new.body AS BLOB)));
END;
-- Only articles with Arabic script are indexed differently: take out what was indexed for
-- them (the text as written) and put in the new form. Other articles are left as they are.
INSERT INTO articles_fts (articles_fts, rowid, title, body)
    SELECT 'delete', id, title, coalesce(body, '') FROM articles
    WHERE newsdesk_fts_extra(CAST(title AS BLOB)) != ''
       OR newsdesk_fts_extra(CAST(body AS BLOB)) != '';
INSERT INTO articles_fts (rowid, title, body)
    SELECT id, title || newsdesk_fts_extra(CAST(title AS BLOB)),
           coalesce(body, '') || newsdesk_fts_extra(CAST(body AS BLOB)) FROM articles
    WHERE newsdesk_fts_extra(CAST(title AS BLOB)) != ''
       OR newsdesk_fts_extra(CAST(body AS BLOB)) != '';
