-- Arabic search: a bare Arabic word ("لبنان") did not find its forms with attached proclitics
-- ("ولبنان", "بلبنان") or another spelling (أ/ا, ة/ه, vowel marks). The index now gets each
-- title and body through newsdesk_fts_text (tui/core/arabic_search.py), which appends the
-- searchable forms of Arabic-script words; text without Arabic script goes in unchanged.
-- The triggers send the same value on delete as on insert, as an external-content index needs.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body)
    VALUES (new.id, newsdesk_fts_text(new.title), newsdesk_fts_text(coalesce(new.body, '')));
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.id, newsdesk_fts_text(old.title),
            newsdesk_fts_text(coalesce(old.body, '')));
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.id, newsdesk_fts_text(old.title),
            newsdesk_fts_text(coalesce(old.body, '')));
    INSERT INTO articles_fts (rowid, title, body)
    VALUES (new.id, newsdesk_fts_text(new.title), newsdesk_fts_text(coalesce(new.body, '')));
END;
-- Only articles with Arabic script are indexed differently: take out what was indexed for
-- them (the text as written) and put in the new form. Other articles are left as they are.
INSERT INTO articles_fts (articles_fts, rowid, title, body)
    SELECT 'delete', id, title, coalesce(body, '') FROM articles
    WHERE newsdesk_has_arabic(title || ' ' || coalesce(body, ''));
INSERT INTO articles_fts (rowid, title, body)
    SELECT id, newsdesk_fts_text(title), newsdesk_fts_text(coalesce(body, '')) FROM articles
    WHERE newsdesk_has_arabic(title || ' ' || coalesce(body, ''));
