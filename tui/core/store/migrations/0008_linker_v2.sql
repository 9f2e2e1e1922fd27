-- Linking v2 (tui.core.linking, issue 15): features keep states apart from people and carry
-- the day an article's lead speaks of; a link's score is the probability of the same event
-- from a fitted model; stories are re-clustered from the links. Features, links and stories
-- of the earlier linker do not mix with these: they are dropped, and every article is
-- analysed again by the next refresh (all rows here are derived data; nothing of the user's).
DELETE FROM links;
DELETE FROM story_articles;
DELETE FROM stories;
DELETE FROM link_keys;
DELETE FROM link_features;
DELETE FROM link_df;
UPDATE articles SET analysed = 0;
-- What an article's features were weighed from (counts and salience, before rarity) and the
-- number of documents then: when the cache has grown or shrunk by a tenth since, the recent
-- fortnight is weighed again from `raw` and re-linked, so rarity, links and stories do not
-- depend on which articles came first.
ALTER TABLE link_features ADD COLUMN raw TEXT NOT NULL DEFAULT '';
ALTER TABLE link_features ADD COLUMN docs INTEGER NOT NULL DEFAULT 0;
