-- Pages still to fetch: a refresh fetches at most max_pages_per_feed pages a feed (newest
-- first), so one huge feed cannot take a refresh over; the rest wait here for later refreshes
-- (or for the reader to open them). A small partial index: only the waiting rows are in it.
ALTER TABLE articles ADD COLUMN page_due INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_page_due ON articles (published DESC, id DESC) WHERE page_due = 1;
