-- Which items each feed sent at its latest read (`in_feed` = 1): keep_days never prunes an
-- article its feed still sends, or the next fetch would store it again as a new unread one.
-- A refresh sets the marks of the feeds it reads; a 304 or a failure leaves them as they are.
-- For a cache from before, a feed's newest `item_count` articles stand for what it sent.
ALTER TABLE article_feeds ADD COLUMN in_feed INTEGER NOT NULL DEFAULT 0;
UPDATE article_feeds SET in_feed = 1 WHERE (article_id, feed_id) IN (
    SELECT article_id, feed_id FROM (
        SELECT af.article_id, af.feed_id, f.item_count,
               row_number() OVER (PARTITION BY af.feed_id
                                  ORDER BY a.published DESC, a.id DESC) AS n
        FROM article_feeds af JOIN articles a ON a.id = af.article_id
        JOIN feeds f ON f.id = af.feed_id)
    WHERE n <= item_count);
