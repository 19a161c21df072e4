-- Agent organisations (tenants of the AGENT role) and browser accounts.

CREATE TABLE agent_organisation (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    status     VARCHAR(20)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'REVOKED')),
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT agent_organisation_name_uk UNIQUE (name)
);

CREATE TABLE user_account (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username             VARCHAR(64)  NOT NULL,
    password_hash        VARCHAR(255) NOT NULL,
    role                 VARCHAR(32)  NOT NULL CHECK (role IN ('ADMIN', 'OPS', 'AGENT', 'ENTERPRISE_ADMIN')),
    agent_id             BIGINT REFERENCES agent_organisation (id),
    enterprise_id        BIGINT,
    enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins        INT          NOT NULL DEFAULT 0,
    locked_until         TIMESTAMPTZ,
    last_login_at        TIMESTAMPTZ,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT user_account_username_uk UNIQUE (username),
    CONSTRAINT user_account_tenant_ck CHECK (
        (role = 'AGENT' AND agent_id IS NOT NULL AND enterprise_id IS NULL)
        OR (role = 'ENTERPRISE_ADMIN' AND enterprise_id IS NOT NULL AND agent_id IS NULL)
        OR (role IN ('ADMIN', 'OPS') AND agent_id IS NULL AND enterprise_id IS NULL))
);
CREATE INDEX user_account_agent_idx ON user_account (agent_id);
CREATE INDEX user_account_enterprise_idx ON user_account (enterprise_id);
