-- A page that failed for a reason that passes (a 5xx, a refused or dropped connection, a
-- timeout) stays due and is tried again by later refreshes, each try later than the one
-- before: `page_tries` counts the failed tries, `page_retry_at` (UTC ISO) is the earliest
-- refresh that may try again. After the last try the page is given up (page_due = 0).
ALTER TABLE articles ADD COLUMN page_tries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN page_retry_at TEXT;
-- Pages an older version tried once and dropped for such a reason: due again, at once.
UPDATE articles SET page_due = 1, page_tries = 1
WHERE page_due = 0 AND url IS NOT NULL AND coalesce(body_source, '') <> 'page'
  AND (extract_error LIKE 'the server answered 5%'
       OR extract_error LIKE 'the server answered 429 %'
       OR extract_error LIKE 'the server answered 408 %'
       OR extract_error LIKE 'could not connect%'
       OR extract_error LIKE 'timed out%'
       OR extract_error LIKE 'the server broke the HTTP protocol%'
       OR extract_error = 'the host name could not be resolved (DNS failure)')
  AND NOT EXISTS (SELECT 1 FROM pages p WHERE p.article_id = articles.id);
-- How many of a feed's never-tried pages its last complete refresh left for later (the
-- per-feed page budget): pages waiting beyond those were left by a refresh that stopped
-- (Ctrl-C, kill), which `feeds` says instead of blaming the budget.
ALTER TABLE feeds ADD COLUMN pages_deferred INTEGER NOT NULL DEFAULT 0;
