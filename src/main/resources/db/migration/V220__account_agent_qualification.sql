-- Agents' qualification (issue 14): a USCC, a third status SUSPENDED (may read, may change nothing), the reason of
-- the last change, the history of every change, and the channel blacklist that a revocation puts the USCC on.
ALTER TABLE agent_organisation DROP CONSTRAINT agent_organisation_status_check;
ALTER TABLE agent_organisation ADD CONSTRAINT agent_organisation_status_check
    CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED'));
ALTER TABLE agent_organisation ADD COLUMN uscc VARCHAR(18);
ALTER TABLE agent_organisation ADD COLUMN status_reason VARCHAR(1000);
ALTER TABLE agent_organisation ADD COLUMN status_changed_at TIMESTAMPTZ;
CREATE UNIQUE INDEX agent_organisation_uscc_uk ON agent_organisation (uscc) WHERE uscc IS NOT NULL;

CREATE TABLE agent_status_change (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agent_id    BIGINT       NOT NULL REFERENCES agent_organisation (id),
    from_status VARCHAR(20)  NOT NULL,
    to_status   VARCHAR(20)  NOT NULL CHECK (to_status IN ('ACTIVE', 'SUSPENDED', 'REVOKED')),
    reason      VARCHAR(1000) NOT NULL CHECK (reason <> ''),
    changed_by  TEXT         NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX agent_status_change_agent_idx ON agent_status_change (agent_id, changed_at DESC, id DESC);

-- A revoked agent's USCC: no agent may be created with it again (MIIT 2016, 渠道黑名单).
CREATE TABLE channel_blacklist (
    uscc       VARCHAR(18)  PRIMARY KEY,
    agent_id   BIGINT       NOT NULL REFERENCES agent_organisation (id),
    reason     VARCHAR(1000) NOT NULL,
    listed_at  TIMESTAMPTZ  NOT NULL
);
