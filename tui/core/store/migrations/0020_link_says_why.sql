-- Whether a link's reasons say more than the time apart (a shared actor, place or event type,
-- the same copy, text in common), stored where the link is scored: a related list decides
-- what it shows from this flag (tui.core.related_items), not by reading its reasons back.
-- For a cache from before, the flag comes from the reasons once: the time apart alone ("same
-- hour", "3 h apart", "2 days apart") is the one part with no "; " joining it to another.
ALTER TABLE links ADD COLUMN says_why INTEGER NOT NULL DEFAULT 1;
UPDATE links SET says_why = 0
WHERE instr(reasons, ';') = 0 AND (reasons = 'same hour' OR reasons GLOB '[0-9]* apart');
