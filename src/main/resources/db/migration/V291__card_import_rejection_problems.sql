-- A rejected inventory line keeps every problem found on it, not only the first (code, field and message_key stay the
-- first one's): a JSON array of {"code", "field", "messageKey"}. Lines rejected before this column, and lines refused
-- as duplicates, have the one problem of their columns.
ALTER TABLE card_import_rejection ADD COLUMN problems JSONB NOT NULL DEFAULT '[]'
    CHECK (jsonb_typeof(problems) = 'array');
