-- Partner API clients: each acts as one role and, for AGENT and ENTERPRISE_ADMIN, one organisation.
CREATE TABLE api_client (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id         VARCHAR(100) NOT NULL,
    name              VARCHAR(200) NOT NULL,
    secret_hash       VARCHAR(255) NOT NULL,
    role              VARCHAR(32)  NOT NULL CHECK (role IN ('ADMIN', 'OPS', 'AGENT', 'ENTERPRISE_ADMIN')),
    agent_id          BIGINT REFERENCES agent_organisation (id),
    enterprise_id     BIGINT,
    enabled           BOOLEAN      NOT NULL DEFAULT TRUE,
    created_by        VARCHAR(100) NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    secret_rotated_at TIMESTAMPTZ  NOT NULL,
    disabled_at       TIMESTAMPTZ,
    CONSTRAINT api_client_client_id_uk UNIQUE (client_id),
    CONSTRAINT api_client_tenant_ck CHECK (
        (role = 'AGENT' AND agent_id IS NOT NULL AND enterprise_id IS NULL)
        OR (role = 'ENTERPRISE_ADMIN' AND enterprise_id IS NOT NULL AND agent_id IS NULL)
        OR (role IN ('ADMIN', 'OPS') AND agent_id IS NULL AND enterprise_id IS NULL))
);
