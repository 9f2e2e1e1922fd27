-- A tag is the user's work unless a [[rule]] gave it: pruning (keep_days) keeps an article
-- with a tag of the user's, and rules' tags (which may tag a whole feed) keep nothing.
-- Tags stored before this version cannot be told apart: they count as the user's, so none
-- of them loses an article it kept before.
ALTER TABLE tags ADD COLUMN by_rule INTEGER NOT NULL DEFAULT 0;
