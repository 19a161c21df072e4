-- The keyed blind index of an end user's ID address (identity.BlindIndex#ofAddress: normalised, HMAC with the
-- blind-index key; never the clear address), so that the SHARED_ADDRESS risk rule can count the identities that share
-- an address. Rows bound before it get theirs from the Java migration V322 (card.EndUserAddressKeys), which needs the
-- keys; new bindings carry it from the start.
ALTER TABLE card_end_user ADD COLUMN id_address_bidx VARCHAR(64);
CREATE INDEX card_end_user_address_idx ON card_end_user (id_address_bidx) WHERE ended_at IS NULL;
