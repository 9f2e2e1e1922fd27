-- Text stored before the sanitizer learned them keeps zero-width characters, variation
-- selectors and Unicode tags inside words ("Pezes<ZWJ>hkian"): such a name was nobody to the
-- actors and to search until the article was fetched again. Each field is cleaned again as
-- ingest cleans it now (newsdesk_unhidden: NULL when it has nothing to lose); only the rows
-- that change are written, so the search index is made again for them alone (the update
-- trigger) and only they are analysed again (actors, rules, links: analysed = 0). Tags, saved
-- and read marks, links and ids are untouched. One transaction: a kill leaves schema 21.
CREATE TEMP TABLE unhidden (id INTEGER PRIMARY KEY, title, author, summary, feed_content, body);
INSERT INTO unhidden
SELECT id, newsdesk_unhidden(title, 1), newsdesk_unhidden(author, 1),
       newsdesk_unhidden(summary, 0), newsdesk_unhidden(feed_content, 0),
       newsdesk_unhidden(body, 0)
FROM articles;
DELETE FROM unhidden WHERE coalesce(title, author, summary, feed_content, body) IS NULL;
UPDATE articles SET
    title = coalesce((SELECT u.title FROM unhidden u WHERE u.id = articles.id), title),
    author = coalesce((SELECT u.author FROM unhidden u WHERE u.id = articles.id), author),
    summary = coalesce((SELECT u.summary FROM unhidden u WHERE u.id = articles.id), summary),
    feed_content = coalesce((SELECT u.feed_content FROM unhidden u WHERE u.id = articles.id),
                            feed_content),
    body = coalesce((SELECT u.body FROM unhidden u WHERE u.id = articles.id), body),
    analysed = 0
WHERE id IN (SELECT id FROM unhidden);
DROP TABLE unhidden;
