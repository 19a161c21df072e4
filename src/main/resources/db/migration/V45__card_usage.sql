-- Daily usage per card as the operator's feed reports it (POST /api/v1/usage): one row per card and day, replaced
-- when the day is reported again (a feed sends daily totals, and a correction is a repeat). The tenant columns are
-- the card's at the time of the report.
CREATE TABLE card_usage (
    card_id       BIGINT      NOT NULL REFERENCES card (id),
    usage_date    DATE        NOT NULL,
    agent_id      BIGINT,
    enterprise_id BIGINT,
    data_kb       BIGINT      NOT NULL CHECK (data_kb >= 0),
    sms_count     BIGINT      NOT NULL CHECK (sms_count >= 0),
    voice_seconds BIGINT      NOT NULL CHECK (voice_seconds >= 0),
    imei          VARCHAR(15) CHECK (char_length(imei) = 15 AND ltrim(imei, '0123456789') = ''),
    received_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (card_id, usage_date)
);
CREATE INDEX card_usage_enterprise_idx ON card_usage (enterprise_id, usage_date) WHERE enterprise_id IS NOT NULL;
CREATE INDEX card_usage_agent_idx ON card_usage (agent_id, usage_date) WHERE agent_id IS NOT NULL;
