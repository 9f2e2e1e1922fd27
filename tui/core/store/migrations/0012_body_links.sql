-- The links an article's page text cites (tui/core/ingest/links.py), kept beside the body
-- and written with it: JSON [[url, [offset, ...]], ...], number n is the n-th entry, each
-- offset where its marker goes in `body`. The body holds no marker and no address, so search,
-- actors and event linking read the same text as before. NULL: none known (a feed's text, or
-- a page stored before links were kept: `newsdesk reextract` reads them from the raw page).
ALTER TABLE articles ADD COLUMN body_links TEXT;
