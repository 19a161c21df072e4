-- A batch of entries (the 10,000 cards of one order) is appended under one lock of the head, which then moves once by
-- the whole batch. The head still moves forward only, and by exactly the entries that were appended since it last
-- moved: its count grows by the number of entries between the old and the new last id.
CREATE OR REPLACE FUNCTION audit_chain_head_forward_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.last_id IS NULL OR (OLD.last_id IS NOT NULL AND NEW.last_id <= OLD.last_id)
        OR NEW.entries <= OLD.entries
        OR NEW.entries - OLD.entries <> (SELECT count(*) FROM audit_entry
                                         WHERE id > coalesce(OLD.last_id, 0) AND id <= NEW.last_id) THEN
        RAISE EXCEPTION 'The audit chain head only moves forward by the entries appended'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
