-- A guid over 1,024 bytes is keyed by its SHA-256 now (tui/core/item_keys.py: a 1 MB guid
-- was stored whole as the key). Stored items with such a guid get the key ingest makes for it
-- now, so the next fetch finds them as the same items (no new copy, marks and tags kept).
-- Only keys in the 'guid:' range of the key index and over the cap are read and written.
UPDATE articles SET key = newsdesk_guid_key(substr(key, 6))
WHERE key >= 'guid:' AND key < 'guid;' AND length(CAST(key AS BLOB)) > 1029;
