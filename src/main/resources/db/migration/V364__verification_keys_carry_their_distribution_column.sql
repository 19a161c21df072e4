-- The road to Citus (docs/scaling.md): a verification case is distributed by its id (its random seal key is unique
-- with it); a self-service link is found by its token only, so it is distributed by token_hash, which joins its
-- primary key. The link's case is in another group: case_id keeps no foreign key. It is set once, when the link is
-- used, by SelfServiceLinks.redeem in the transaction in which the subject opened that case.

ALTER TABLE verification_case DROP CONSTRAINT verification_case_seal_key_key;
ALTER TABLE verification_case ADD CONSTRAINT verification_case_seal_key_uk UNIQUE (id, seal_key);

ALTER TABLE self_service_link DROP CONSTRAINT self_service_link_case_id_fkey;
ALTER TABLE self_service_link DROP CONSTRAINT self_service_link_pkey;
ALTER TABLE self_service_link ADD CONSTRAINT self_service_link_pkey PRIMARY KEY (token_hash, id);
CREATE INDEX self_service_link_id_idx ON self_service_link (id);
