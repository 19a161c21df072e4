-- The road to Citus (docs/scaling.md): an enterprise's responsible persons, change requests and revisions live with
-- the enterprise, distributed by enterprise_id: it is part of their primary keys, and the foreign keys between them
-- join through it (a change request's responsible person and a revision's change request are the same
-- enterprise's).

ALTER TABLE enterprise_revision DROP CONSTRAINT enterprise_revision_change_request_id_fkey;
ALTER TABLE enterprise_change_request DROP CONSTRAINT enterprise_change_request_responsible_person_id_fkey;

ALTER TABLE responsible_person DROP CONSTRAINT responsible_person_pkey;
ALTER TABLE responsible_person ADD CONSTRAINT responsible_person_pkey PRIMARY KEY (enterprise_id, id);
CREATE INDEX responsible_person_id_idx ON responsible_person (id);
DROP INDEX responsible_person_enterprise_idx; -- the primary key starts with enterprise_id

ALTER TABLE enterprise_change_request DROP CONSTRAINT enterprise_change_request_pkey;
ALTER TABLE enterprise_change_request ADD CONSTRAINT enterprise_change_request_pkey PRIMARY KEY (enterprise_id, id);
CREATE INDEX enterprise_change_request_id_idx ON enterprise_change_request (id);

ALTER TABLE enterprise_revision DROP CONSTRAINT enterprise_revision_pkey;
ALTER TABLE enterprise_revision ADD CONSTRAINT enterprise_revision_pkey PRIMARY KEY (enterprise_id, id);
CREATE INDEX enterprise_revision_id_idx ON enterprise_revision (id);
DROP INDEX enterprise_revision_enterprise_idx; -- (enterprise_id, id): the primary key now

ALTER TABLE enterprise_change_request ADD CONSTRAINT enterprise_change_request_responsible_person_fkey
    FOREIGN KEY (enterprise_id, responsible_person_id) REFERENCES responsible_person (enterprise_id, id);
ALTER TABLE enterprise_revision ADD CONSTRAINT enterprise_revision_change_request_fkey
    FOREIGN KEY (enterprise_id, change_request_id) REFERENCES enterprise_change_request (enterprise_id, id);
