-- What each card keeps of its usage for the risk rules moves from the card row to a narrow table of its own (issue 13,
-- the benchmark at 1,000,000 cards: docs/benchmarks.md, "Usage ingest"). The usage feed changes the summary of every
-- used card every day: on the card row (about thirty columns, nine indexes) each of those updates wrote a new version
-- of the whole wide row, and the ingest locked every card of a batch to do it. The summary row is about 100 bytes,
-- has one index (its primary key) and is written by one INSERT … ON CONFLICT per batch; the card row is now written
-- by the ingest only when the card itself changes (its first use, its device bound, a pre-cancelled card taken back,
-- a separation).
--   last_usage_on: the last day with usage (China time), the card's last sign of life (the cancellation cycle, the
--       card's pages and API read it; it replaces card.last_usage_at);
--   last_imei / last_imei_on: the IMEI of the latest day reported with one, and that day;
--   usage_month: the first day of the latest month with usage, the month the month_* totals belong to;
--   month_*: that month's totals, kept right when a day is reported again (the day is replaced, not added).
-- A card without a row was never used. Distribution (docs/scaling.md): card_id, the primary key.
CREATE TABLE card_usage_summary (
    card_id                  BIGINT  PRIMARY KEY REFERENCES card (id),
    last_usage_on            DATE    NOT NULL,
    last_imei                VARCHAR(15) CHECK (char_length(last_imei) = 15 AND ltrim(last_imei, '0123456789') = ''),
    last_imei_on             DATE,
    usage_month              DATE    NOT NULL CHECK (usage_month = date_trunc('month', usage_month)::date),
    month_data_kb            BIGINT  NOT NULL DEFAULT 0 CHECK (month_data_kb >= 0),
    month_sms_count          BIGINT  NOT NULL DEFAULT 0 CHECK (month_sms_count >= 0),
    month_voice_seconds      BIGINT  NOT NULL DEFAULT 0 CHECK (month_voice_seconds >= 0),
    month_non_directional_kb BIGINT  NOT NULL DEFAULT 0 CHECK (month_non_directional_kb >= 0),
    CONSTRAINT card_usage_summary_imei_ck CHECK ((last_imei IS NULL) = (last_imei_on IS NULL))
) WITH (fillfactor = 80);

INSERT INTO card_usage_summary (card_id, last_usage_on, last_imei, last_imei_on, usage_month,
                                month_data_kb, month_sms_count, month_voice_seconds, month_non_directional_kb)
SELECT c.id, d.last_on, c.last_imei,
       CASE WHEN c.last_imei IS NOT NULL
            THEN coalesce((SELECT max(u.usage_date) FROM card_usage u WHERE u.card_id = c.id AND u.imei = c.last_imei),
                          d.last_on) END,
       coalesce(c.usage_month, date_trunc('month', d.last_on)::date),
       c.month_data_kb, c.month_sms_count, c.month_voice_seconds, c.month_non_directional_kb
  FROM card c,
       LATERAL (SELECT coalesce(c.last_usage_on, (c.last_usage_at AT TIME ZONE 'Asia/Shanghai')::date) AS last_on) d
 WHERE d.last_on IS NOT NULL;

ALTER TABLE card
    DROP COLUMN last_usage_on,
    DROP COLUMN last_usage_at,
    DROP COLUMN last_imei,
    DROP COLUMN usage_month,
    DROP COLUMN month_data_kb,
    DROP COLUMN month_sms_count,
    DROP COLUMN month_voice_seconds,
    DROP COLUMN month_non_directional_kb;

-- card.first_usage_on (V260) stays on the card: it is written once, at a card's first use, and SILENT_CARD asks for
-- the working cards never used, which this small index answers without reading every card (the risk benchmark).
CREATE INDEX card_never_used_idx ON card (activated_at) WHERE state = 'ACTIVE' AND first_usage_on IS NULL;
