-- An article's weighed features (~2 KB of JSON) and the document count they were weighed at
-- get a table of their own. They were columns of link_features beside the unweighed `raw` and
-- `df_keys`: the writer stored a row with features '' per article, then weighing rewrote the
-- whole ~2.7 KB row (and its index entry) through the WAL to fill them in, a second copy of
-- every row of a cold run (~0.7 s of a 10k run's writer). Now the raw row is written once and
-- the weighed one once. Rows are copied as they are: nothing is weighed or linked again.
CREATE TABLE link_weighed (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    published REAL NOT NULL,
    docs INTEGER NOT NULL,
    features TEXT NOT NULL
);
INSERT INTO link_weighed(article_id, published, docs, features)
SELECT article_id, published, docs, features FROM link_features WHERE features != '';
-- the fortnight weighed at another document count, found without reading every row (0020)
CREATE INDEX link_weighed_published ON link_weighed (published, docs);
DROP INDEX link_features_published;
ALTER TABLE link_features DROP COLUMN features;
ALTER TABLE link_features DROP COLUMN docs;
-- the newest indexed article (weighed or not yet), without reading every row
CREATE INDEX link_features_published ON link_features (published);
