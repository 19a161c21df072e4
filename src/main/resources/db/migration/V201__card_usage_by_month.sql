-- Daily usage is partitioned by month of usage_date (PostgreSQL declarative partitioning): a province's feed adds
-- tens of millions of rows a month, and a month past the retention (realsim.card.usage-retention) is dropped as a
-- whole partition instead of deleted row by row. The primary key (card_id, usage_date) already holds the partition
-- key. Partitions are named card_usage_yYYYYmMM; the card module's job keeps them ahead of time and drops old ones
-- through card_usage_partitions() below (the application's role may not create or drop tables itself).
ALTER TABLE card_usage RENAME TO card_usage_unpartitioned;
ALTER INDEX card_usage_pkey RENAME TO card_usage_unpartitioned_pkey;
ALTER INDEX card_usage_enterprise_idx RENAME TO card_usage_unpartitioned_enterprise_idx;
ALTER INDEX card_usage_agent_idx RENAME TO card_usage_unpartitioned_agent_idx;

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
) PARTITION BY RANGE (usage_date);
CREATE INDEX card_usage_enterprise_idx ON card_usage (enterprise_id, usage_date) WHERE enterprise_id IS NOT NULL;
CREATE INDEX card_usage_agent_idx ON card_usage (agent_id, usage_date) WHERE agent_id IS NOT NULL;

-- The partition of the month of this day, created if it does not exist yet (answers whether it created it). Runs with
-- its owner's rights (the owner of card_usage), for the application, which may not create tables itself; callers
-- queue on an advisory lock, so two instances never create one month twice.
CREATE FUNCTION card_usage_partition_for(day DATE) RETURNS BOOLEAN
    LANGUAGE plpgsql SECURITY DEFINER AS
$$
DECLARE
    month DATE := date_trunc('month', day)::date;
    name  TEXT := format('card_usage_y%sm%s', to_char(day, 'YYYY'), to_char(day, 'MM'));
BEGIN
    IF to_regclass(name) IS NOT NULL THEN
        RETURN FALSE;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('card_usage_partitions'));
    IF to_regclass(name) IS NOT NULL THEN
        RETURN FALSE;
    END IF;
    EXECUTE format('CREATE TABLE %I PARTITION OF card_usage FOR VALUES FROM (%L) TO (%L)',
                   name, month, (month + interval '1 month')::date);
    RETURN TRUE;
END;
$$;
ALTER FUNCTION card_usage_partition_for(DATE) SET search_path FROM CURRENT;

-- The partitions of this month and of months_ahead months after it, created where missing, and every partition of a
-- month before keep_from's month dropped. Answers how many it created and dropped.
CREATE FUNCTION card_usage_partitions(this_month DATE, months_ahead INT, keep_from DATE,
                                      OUT created INT, OUT dropped INT)
    LANGUAGE plpgsql SECURITY DEFINER AS
$$
DECLARE
    first_month DATE := date_trunc('month', keep_from)::date;
    month       DATE := date_trunc('month', this_month)::date;
    last_month  DATE := (date_trunc('month', this_month) + make_interval(months => months_ahead))::date;
    partition   RECORD;
BEGIN
    created := 0;
    dropped := 0;
    IF months_ahead < 0 OR first_month > month THEN
        RAISE EXCEPTION 'card_usage_partitions: keep_from % lies after this_month %, or months_ahead % < 0',
            keep_from, this_month, months_ahead;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('card_usage_partitions'));
    WHILE month <= last_month LOOP
        IF card_usage_partition_for(month) THEN
            created := created + 1;
        END IF;
        month := (month + interval '1 month')::date;
    END LOOP;
    FOR partition IN
        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'card_usage'::regclass AND c.relname ~ '^card_usage_y[0-9]{4}m[0-9]{2}$'
          AND to_date(substr(c.relname, 13, 4) || substr(c.relname, 18, 2), 'YYYYMM') < first_month
    LOOP
        EXECUTE format('DROP TABLE %I', partition.relname);
        dropped := dropped + 1;
    END LOOP;
END;
$$;
ALTER FUNCTION card_usage_partitions(DATE, INT, DATE) SET search_path FROM CURRENT;

-- The partitions of every month that has rows, and of this month and the next three (China time); then the rows, and
-- the old table goes.
SELECT card_usage_partition_for(month::date)
FROM (SELECT DISTINCT date_trunc('month', usage_date) AS month FROM card_usage_unpartitioned) AS months;
SELECT card_usage_partitions(
    (now() AT TIME ZONE 'Asia/Shanghai')::date,
    3,
    least((SELECT min(usage_date) FROM card_usage_unpartitioned), (now() AT TIME ZONE 'Asia/Shanghai')::date));
INSERT INTO card_usage SELECT * FROM card_usage_unpartitioned;
DROP TABLE card_usage_unpartitioned;
