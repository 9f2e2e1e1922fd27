-- Linking asks, once per run, for the newest indexed article and for the fortnight's articles
-- weighed at another document count. Without an index both read every row of link_features
-- (with its features text): the writer's cost per new article grew with the whole cache
-- (8 + 12 ms at 20k articles). This index answers both from the fortnight alone.
CREATE INDEX link_features_published ON link_features (published, docs);
