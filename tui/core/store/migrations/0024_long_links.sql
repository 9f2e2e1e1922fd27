-- A link over 8,192 bytes is no address (tui/core/item_keys.py: a 1 MB link was stored whole,
-- used as the key of an item with no guid, and fetched as its page). Such an item is keyed by
-- the link's SHA-256 now and keeps no link, as ingest makes it, so the next fetch finds the
-- same item (no new copy, marks and tags kept). Only keys in the 'url:' range of the key index
-- over the cap are rewritten; the links are read through their index.
UPDATE articles SET key = newsdesk_url_key(substr(key, 5))
WHERE key >= 'url:' AND key < 'url;' AND length(CAST(key AS BLOB)) > 8196;
UPDATE articles SET url = NULL, page_due = 0
WHERE id IN (SELECT id FROM articles INDEXED BY articles_url
             WHERE length(CAST(url AS BLOB)) > 8192);
