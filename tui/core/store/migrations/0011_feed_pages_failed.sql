-- How many of a feed's article pages gave no text at the last refresh that tried some: `feeds`
-- and the reader's feed list warn with the count (the feed itself was read fine). A count kept
-- per refresh, not the cache's failed pages: one failure of last month is no warning today.
ALTER TABLE feeds ADD COLUMN pages_failed INTEGER NOT NULL DEFAULT 0;
