-- One end-user binding as PUT /api/v1/cards/{iccid}/end-user sends it to PostgreSQL, statement for statement
-- (recorded with datasource-proxy): the request's transaction, then the audit entry that a listener appends after the
-- commit (its event publication's bookkeeping and the audit chain's head). For CardReadBenchmark: pgbench -f this
-- -D first_card=… -D clients=… -D n=0 -D agent=… -D enterprise=…, on the application's database, as its owner.
-- What differs from the application, and why:
--  * the card is looked up by id (the application: by ICCID; both one probe of a unique index);
--  * a new identity each transaction: its blind index is md5 of a random number (the application: an HMAC), its
--    sealed name, number and address are bytes of the sealed values' lengths (the application seals them in Java);
--  * an UPDATE ends the card's previous binding (the application only when there is one: here there never is, so it
--    finds nothing, one probe of card_end_user's index);
--  * the audit entry and the event publication go to copies of audit_entry, audit_chain_head and event_publication
--    (CREATE TABLE … (LIKE … INCLUDING ALL): same columns, checks and indexes), so that the application's audit chain
--    and its outstanding events stay its own; the entry's hash is SHA-256 in SQL (the application: in Java);
--  * no colon inside a literal (pgbench would take it for a variable): JSON is built with json_build_object.
-- each client walks its own cards (client_id, client_id + clients, …): no two bind one card, none races
\set card :first_card + :client_id + :clients * :n
\set n :n + 1
\set person random(1, 2000000000)
BEGIN;
SELECT c1_0.id, c1_0.activated_at, c1_0.agent_id, c1_0.bound_imei, c1_0.cancelled_at, c1_0.created_at,
       c1_0.enterprise_id, c1_0.handled_by_order_id, c1_0.iccid, c1_0.imei_binding, c1_0.imsi,
       (SELECT s.last_usage_on FROM card_usage_summary s WHERE s.card_id = c1_0.id),
       c1_0.msisdn, c1_0.operator, c1_0.plan_id, c1_0.pre_cancelled_at, c1_0.rebind_month, c1_0.rebinds_in_month,
       c1_0.state, c1_0.updated_at, c1_0.version
  FROM card c1_0 WHERE c1_0.id = :card;
SELECT id FROM card WHERE id = :card FOR NO KEY UPDATE;
SELECT c1_0.id, c1_0.activated_at, c1_0.agent_id, c1_0.bound_imei, c1_0.cancelled_at, c1_0.created_at,
       c1_0.enterprise_id, c1_0.handled_by_order_id, c1_0.iccid, c1_0.imei_binding, c1_0.imsi,
       (SELECT s.last_usage_on FROM card_usage_summary s WHERE s.card_id = c1_0.id),
       c1_0.msisdn, c1_0.operator, c1_0.plan_id, c1_0.pre_cancelled_at, c1_0.rebind_month, c1_0.rebinds_in_month,
       c1_0.state, c1_0.updated_at, c1_0.version, b1_0.card_id, b1_0.id, b1_0.added_by, b1_0.clear_note,
       b1_0.cleared_at, b1_0.cleared_by, b1_0.note, b1_0.reason, b1_0.since
  FROM card c1_0 LEFT JOIN card_blocking_reason b1_0 ON c1_0.id = b1_0.card_id
 WHERE c1_0.id = :card ORDER BY b1_0.since, b1_0.id;
SELECT pg_advisory_xact_lock(hashtextextended('realsim/bar/' || md5(:person::text), 0));
SELECT EXISTS (SELECT 1 FROM barred_identity WHERE subject_key = md5(:person::text) AND status = 'ACTIVE'
                  AND valid_from <= CURRENT_DATE AND valid_to >= CURRENT_DATE);
SELECT ceu1_0.id, ceu1_0.agent_id, ceu1_0.bound_at, ceu1_0.bound_by, ceu1_0.card_id, ceu1_0.copied_from_id,
       ceu1_0.decided_at, ceu1_0.end_reason, ceu1_0.ended_at, ceu1_0.enterprise_id, ceu1_0.id_address_enc,
       ceu1_0.id_address_masked, ceu1_0.id_back_document_id, ceu1_0.id_front_document_id, ceu1_0.id_number_bidx,
       ceu1_0.id_number_enc, ceu1_0.id_number_masked, ceu1_0.id_type, ceu1_0.live_photo_document_id, ceu1_0.name_enc,
       ceu1_0.name_masked, ceu1_0.seal_key, ceu1_0.status, ceu1_0.verification_case_id, ceu1_0.version
  FROM card_end_user ceu1_0 WHERE ceu1_0.card_id = :card AND ceu1_0.ended_at IS NULL;
SELECT os1_0.operator, os1_0.max_cards_per_id, os1_0.updated_at, os1_0.updated_by
  FROM operator_setting os1_0 WHERE os1_0.operator = 'CHINA_MOBILE';
INSERT INTO identity_quota (operator, id_bidx, cards_held) VALUES ('CHINA_MOBILE', md5(:person::text), 0)
    ON CONFLICT DO NOTHING;
SELECT cards_held FROM identity_quota WHERE operator = 'CHINA_MOBILE' AND id_bidx = md5(:person::text) FOR UPDATE;
UPDATE card_end_user SET ended_at = now(), end_reason = 'REPLACED', version = version + 1
 WHERE card_id = :card AND ended_at IS NULL;
INSERT INTO card_end_user (agent_id, bound_at, bound_by, card_id, copied_from_id, decided_at, end_reason, ended_at,
                           enterprise_id, id_address_enc, id_address_masked, id_back_document_id,
                           id_front_document_id, id_number_bidx, id_number_enc, id_number_masked, id_type,
                           live_photo_document_id, name_enc, name_masked, seal_key, status, verification_case_id,
                           version)
     VALUES (:agent, now(), 'bench agent', :card, NULL, NULL, NULL, NULL, :enterprise, decode(repeat('a5', 96), 'hex'),
             '北京市东城区****', NULL, NULL, md5(:person::text), decode(repeat('5a', 54), 'hex'),
             '1****************4', 'RESIDENT_ID', NULL, decode(repeat('c3', 45), 'hex'), '王*明', gen_random_uuid(),
             'BOUND', NULL, 0);
INSERT INTO bench_event_publication (id, event_type, listener_id, publication_date, serialized_event, status,
                                     completion_attempts, last_resubmission_date)
     VALUES (md5('publication ' || :person)::uuid, 'com.realsim.card.CardEndUserBound',
             'com.realsim.audit.AuditTrail.on(com.realsim.platform.AuditedEvent)', now(),
             json_build_object('cardId', :card::bigint, 'channel', 'AGENT', 'person', :person::bigint)::text, 'PUBLISHED', 0,
             NULL);
UPDATE card SET activated_at = activated_at, agent_id = agent_id, bound_imei = bound_imei,
                cancelled_at = cancelled_at, enterprise_id = enterprise_id, handled_by_order_id = handled_by_order_id,
                imei_binding = imei_binding, plan_id = plan_id,
                pre_cancelled_at = pre_cancelled_at, rebind_month = rebind_month, rebinds_in_month = rebinds_in_month,
                state = state, updated_at = now(), version = version + 1
 WHERE id = :card AND version = version;
SELECT c.id, c.iccid, c.msisdn, c.imsi, c.operator, c.plan_id, c.state, c.agent_id, c.enterprise_id,
       c.imei_binding, c.bound_imei, c.rebinds_in_month, c.handled_by_order_id, c.created_at,
       c.activated_at, g.last_usage_on::timestamp AT TIME ZONE 'Asia/Shanghai' AS last_usage_at,
       c.pre_cancelled_at, c.updated_at,
       b.reason, b.since, b.added_by, b.note, b.cleared_at, b.cleared_by, b.clear_note,
       u.name_masked, u.id_type, u.id_number_masked, u.id_address_masked, u.status AS end_user_status,
       u.verification_case_id, u.id_front_document_id, u.id_back_document_id,
       u.live_photo_document_id, u.bound_at, u.bound_by,
       x.exception_id, x.kind AS exception_kind, x.requirement_code, x.approved_by, x.approved_at,
       s.enterprise_id AS standing_enterprise_id, s.agent_id AS standing_agent_id,
       s.status AS enterprise_status, s.legal_representative, s.authorization_valid_from,
       s.authorization_valid_to
  FROM card c
  LEFT JOIN card_usage_summary g ON g.card_id = c.id
  LEFT JOIN card_blocking_reason b ON b.card_id = c.id
  LEFT JOIN card_end_user u ON u.card_id = c.id AND u.ended_at IS NULL
  LEFT JOIN approved_exception x ON x.card_id = c.id
  LEFT JOIN enterprise_standing s ON s.enterprise_id = c.enterprise_id
 WHERE c.id = :card AND c.agent_id = :agent
 ORDER BY b.cleared_at IS NOT NULL, b.since, b.id;
END;
UPDATE bench_event_publication SET status = 'PROCESSING' WHERE id = md5('publication ' || :person)::uuid
   AND status != 'PROCESSING';
SELECT * FROM bench_event_publication
 WHERE serialized_event = json_build_object('cardId', :card::bigint, 'channel', 'AGENT', 'person', :person::bigint)::text
   AND listener_id = 'com.realsim.audit.AuditTrail.on(com.realsim.platform.AuditedEvent)'
   AND (completion_date IS NULL OR status = 'FAILED') ORDER BY publication_date;
BEGIN;
SELECT last_hash AS prev FROM bench_audit_chain_head WHERE singleton FOR UPDATE \gset
SELECT nextval(pg_get_serial_sequence('bench_audit_entry', 'id')) AS entry FROM generate_series(1, 1) ORDER BY 1 \gset
INSERT INTO bench_audit_entry (id, at, occurred_at, actor, role, agent_id, enterprise_id, action, target_type,
                               target_id, outcome, details, prev_hash, hash) OVERRIDING SYSTEM VALUE
     VALUES (:entry, now(), now(), 'api-client bench agent', 'AGENT', :agent, :enterprise, 'END_USER_BOUND', 'CARD',
             :card::text, 'SUCCESS', jsonb_build_object('channel', 'AGENT', 'replaced', false), :prev,
             encode(sha256(convert_to(:prev::text || :entry::text || :card::text, 'UTF8')), 'hex'));
UPDATE bench_audit_chain_head SET last_id = :entry,
       last_hash = encode(sha256(convert_to(:prev::text || :entry::text || :card::text, 'UTF8')), 'hex'), entries = entries + 1
 WHERE singleton;
END;
UPDATE bench_event_publication SET status = 'COMPLETED', completion_date = now()
 WHERE id = md5('publication ' || :person)::uuid;
