-- Webhooks (issue 15, docs/webhooks.md): partners' API clients register a URL for some event types of their own
-- tenant; each event of that tenant becomes a delivery kept here (the outbox) until the URL answers 2xx or the retries
-- run out. Both tables are the platform's bookkeeping (placement local in docs/scaling.md): no foreign key to or from
-- a tenant table.

CREATE TABLE webhook (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the API client (or user) that registered it: only it lists and deletes it
    owner_kind    VARCHAR(20)   NOT NULL CHECK (owner_kind IN ('USER', 'API_CLIENT')),
    owner_id      BIGINT        NOT NULL,
    owner_name    VARCHAR(120)  NOT NULL,
    -- the tenant whose events it receives: an agent's (every enterprise of the agent) or one enterprise's
    agent_id      BIGINT,
    enterprise_id BIGINT,
    url           VARCHAR(2000) NOT NULL,
    events        VARCHAR(40)[] NOT NULL CHECK (cardinality(events) > 0),
    -- the signing secret, sealed with the personal-data AEAD key (associated data: webhook-secret:<id>)
    secret        BYTEA         NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    CONSTRAINT webhook_one_tenant_ck CHECK ((agent_id IS NULL) <> (enterprise_id IS NULL))
);
CREATE INDEX webhook_owner_idx ON webhook (owner_kind, owner_id, id);
CREATE INDEX webhook_agent_idx ON webhook (agent_id) WHERE agent_id IS NOT NULL;
CREATE INDEX webhook_enterprise_idx ON webhook (enterprise_id) WHERE enterprise_id IS NOT NULL;

-- One event for one webhook. body is exactly what is sent (and signed): {"id","type","at","data"}, masked.
-- A card's deliveries to one webhook go out in id order: a later one waits while an earlier one is PENDING.
CREATE TABLE webhook_delivery (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id       BIGINT       NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_id         UUID         NOT NULL,
    type             VARCHAR(40)  NOT NULL,
    -- the card the event is about (its order key); null for an event about no one card (an order)
    iccid            VARCHAR(20),
    body             TEXT         NOT NULL,
    status           VARCHAR(10)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INT          NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    created_at       TIMESTAMPTZ  NOT NULL,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    -- an instance sending it holds it until then; another instance may take it after (the sender died)
    claimed_until    TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    last_status      INT,
    last_error       VARCHAR(200),
    finished_at      TIMESTAMPTZ
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_card_idx ON webhook_delivery (webhook_id, iccid, id)
    WHERE status = 'PENDING' AND iccid IS NOT NULL;
CREATE INDEX webhook_delivery_webhook_idx ON webhook_delivery (webhook_id, status, id);
