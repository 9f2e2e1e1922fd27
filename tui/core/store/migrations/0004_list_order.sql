-- The article list sorts by (published, id): one index that covers both avoids a temporary
-- B-tree sort on every page of a 50k list.
DROP INDEX articles_published;
CREATE INDEX articles_order ON articles (published DESC, id DESC);
-- Saved articles are few and looked at often (is:saved): a small index of just them.
CREATE INDEX articles_saved ON articles (published DESC, id DESC) WHERE saved = 1;
-- +tag compares without case (a tag typed "Iran" finds "iran"): that needs its own index.
CREATE INDEX tags_nocase ON tags (tag COLLATE NOCASE, article_id);
