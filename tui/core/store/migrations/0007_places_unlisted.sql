-- People named with a title or an attribution whom the gazetteer does not list ("spokesman John
-- Kirby"): one row per (article, name), with what the text called them, for the reader's panel
-- (shown as unlisted, one key adds them to the user's actors.toml) and `show --json`.
CREATE TABLE unlisted_mentions (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    count INTEGER NOT NULL,
    spans TEXT NOT NULL,
    PRIMARY KEY (article_id, name)
) WITHOUT ROWID;
-- Places each article names (places.toml ids: countries, cities, regions, demonyms), for the
-- place filter: place:iran finds "Tehran", "Iranian", "иранских". Derived data, rebuilt with
-- actor mentions when the bundled data changes.
CREATE TABLE place_mentions (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    place_id TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (article_id, place_id)
) WITHOUT ROWID;
CREATE INDEX place_mentions_place ON place_mentions (place_id, article_id);
