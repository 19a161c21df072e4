-- Usage at operator volume and the operator's feed about cards (issue 13, card side).

-- Daily usage may carry the traffic outside the plan's directional whitelist, as the operator reports it (0 when the
-- operator reports none). Added to the partitioned parent, it reaches every partition.
ALTER TABLE card_usage ADD COLUMN non_directional_kb BIGINT NOT NULL DEFAULT 0 CHECK (non_directional_kb >= 0);

-- What each card keeps of its usage, so that no rule reads all usage (the risk module's scans read these columns):
--   first_usage_on / last_usage_on: the first and the last day with usage (China time);
--   last_imei: the IMEI of the latest day reported with one;
--   usage_month: the first day of the latest month with usage, the month the month_* totals belong to;
--   month_*: that month's totals, kept right when a day is reported again (the day is replaced, not added).
-- The ingest keeps them in the statement that stores a batch (CardUsageService); last_usage_at stays the start of
-- last_usage_on, for the cancellation cycle.
ALTER TABLE card
    ADD COLUMN first_usage_on           DATE,
    ADD COLUMN last_usage_on            DATE,
    ADD COLUMN last_imei                VARCHAR(15)
        CHECK (char_length(last_imei) = 15 AND ltrim(last_imei, '0123456789') = ''),
    ADD COLUMN usage_month              DATE CHECK (usage_month = date_trunc('month', usage_month)::date),
    ADD COLUMN month_data_kb            BIGINT NOT NULL DEFAULT 0 CHECK (month_data_kb >= 0),
    ADD COLUMN month_sms_count          BIGINT NOT NULL DEFAULT 0 CHECK (month_sms_count >= 0),
    ADD COLUMN month_voice_seconds      BIGINT NOT NULL DEFAULT 0 CHECK (month_voice_seconds >= 0),
    ADD COLUMN month_non_directional_kb BIGINT NOT NULL DEFAULT 0 CHECK (month_non_directional_kb >= 0);

-- Form factor (插拔卡, 贴片卡, eSIM) and, for an eSIM profile, the EID of the device it was issued for. Patch and eSIM
-- cards are always bound to their device (imei_binding is set for them at import).
ALTER TABLE card
    ADD COLUMN form_factor VARCHAR(10) NOT NULL DEFAULT 'PLUG_IN' CHECK (form_factor IN ('PLUG_IN', 'PATCH', 'ESIM')),
    ADD COLUMN eid         VARCHAR(32) COLLATE "C"
        CHECK (char_length(eid) = 32 AND ltrim(eid, '0123456789') = ''),
    ADD CONSTRAINT card_esim_eid_ck CHECK (form_factor <> 'ESIM' OR eid IS NOT NULL),
    ADD CONSTRAINT card_bound_form_factor_ck CHECK (form_factor = 'PLUG_IN' OR imei_binding);

-- The summary of the usage stored so far.
UPDATE card c
   SET first_usage_on = s.first_on,
       last_usage_on = s.last_on,
       usage_month = date_trunc('month', s.last_on)::date,
       month_data_kb = s.data_kb,
       month_sms_count = s.sms_count,
       month_voice_seconds = s.voice_seconds,
       last_imei = s.last_imei
  FROM (SELECT u.card_id, min(u.usage_date) AS first_on, max(u.usage_date) AS last_on,
               sum(u.data_kb) FILTER (WHERE date_trunc('month', u.usage_date) = m.month) AS data_kb,
               sum(u.sms_count) FILTER (WHERE date_trunc('month', u.usage_date) = m.month) AS sms_count,
               sum(u.voice_seconds) FILTER (WHERE date_trunc('month', u.usage_date) = m.month) AS voice_seconds,
               (SELECT i.imei FROM card_usage i WHERE i.card_id = u.card_id AND i.imei IS NOT NULL
                 ORDER BY i.usage_date DESC LIMIT 1) AS last_imei
          FROM card_usage u
          JOIN (SELECT card_id, date_trunc('month', max(usage_date)) AS month FROM card_usage GROUP BY card_id) m
            ON m.card_id = u.card_id
         GROUP BY u.card_id) s
 WHERE c.id = s.card_id;

-- The data-limit stop (达量停机) from the operator's feed is a blocking reason of its own, cleared by the limit's reset.
ALTER TABLE card_blocking_reason DROP CONSTRAINT card_blocking_reason_reason_check;
ALTER TABLE card_blocking_reason ADD CONSTRAINT card_blocking_reason_reason_check CHECK (reason IN ('UNVERIFIED',
    'MACHINE_CARD_SEPARATION', 'RISK_REVERIFICATION_OVERDUE', 'CUSTOMER_REQUEST', 'ARREARS', 'OPS_ACTION',
    'DATA_LIMIT_REACHED'));

-- eSIM profile events from the operator's feed (POST /api/v1/esim/events), kept on the card. A repeated event (same
-- card, moment, operation and EID) is stored once.
CREATE TABLE card_esim_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    card_id     BIGINT      NOT NULL REFERENCES card (id),
    eid         VARCHAR(32) COLLATE "C" NOT NULL CHECK (char_length(eid) = 32 AND ltrim(eid, '0123456789') = ''),
    operation   VARCHAR(10) NOT NULL CHECK (operation IN ('DOWNLOAD', 'ENABLE', 'DISABLE', 'DELETE')),
    occurred_at TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT card_esim_event_uk UNIQUE (card_id, occurred_at, operation, eid)
);

-- A usage file uploaded on the page (OPS) is a platform job: its status and progress live in platform_job. Kept here:
-- the file's name and size, the lines done (committed with each slice of records, so that a run restarted on another
-- instance goes on after them) and the counts, and each rejected line.
CREATE TABLE card_usage_upload (
    job_id     BIGINT       PRIMARY KEY REFERENCES platform_job (id) ON DELETE CASCADE,
    file_name  VARCHAR(255) NOT NULL,
    bytes      BIGINT       NOT NULL CHECK (bytes >= 0),
    lines_done BIGINT       NOT NULL DEFAULT 0 CHECK (lines_done >= 0),
    accepted   BIGINT       NOT NULL DEFAULT 0 CHECK (accepted >= 0),
    rejected   BIGINT       NOT NULL DEFAULT 0 CHECK (rejected >= 0)
);
CREATE TABLE card_usage_upload_rejection (
    job_id      BIGINT       NOT NULL REFERENCES platform_job (id) ON DELETE CASCADE,
    line        BIGINT       NOT NULL,
    code        VARCHAR(40)  NOT NULL,
    field       VARCHAR(40),
    message_key VARCHAR(100) NOT NULL,
    raw         TEXT         NOT NULL,
    PRIMARY KEY (job_id, line)
);
