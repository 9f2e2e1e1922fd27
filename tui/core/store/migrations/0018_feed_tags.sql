-- The tags feeds.toml gives a feed follow feeds.toml, as newsboat's do: an article's tag row
-- with by_rule = 2 came from its feed's `tags` (0: the user's, 1: a [[rule]]'s), and
-- feeds.tags keeps the tags last given (JSON), so an edit of them reaches the articles
-- stored before it (tui/core/store/feed_tags.py). NULL: tags stored by an older version,
-- which stored a feed's tags as the user's; the first sync takes back those its feed gives.
ALTER TABLE feeds ADD COLUMN tags TEXT;
