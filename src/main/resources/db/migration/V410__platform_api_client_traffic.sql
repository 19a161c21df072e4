-- The Partner API's traffic per client and hour (issue 15, ADMIN's dashboard): each instance counts requests in
-- memory and adds its counts here in one statement every few seconds (platform.security.ApiTraffic), never a write
-- per request. Bookkeeping, not a tenant's data: no foreign key (a removed client's hours stay until they age out).
CREATE TABLE api_client_traffic (
    client_id BIGINT      NOT NULL,
    hour      TIMESTAMPTZ NOT NULL CHECK (date_trunc('hour', hour) = hour),
    requests  BIGINT      NOT NULL DEFAULT 0 CHECK (requests >= 0),
    -- answered 429: the client's rate limit was exhausted
    refused   BIGINT      NOT NULL DEFAULT 0 CHECK (refused >= 0),
    -- answered 4xx other than 429 (the client's mistakes)
    rejected  BIGINT      NOT NULL DEFAULT 0 CHECK (rejected >= 0),
    -- answered 5xx
    failed    BIGINT      NOT NULL DEFAULT 0 CHECK (failed >= 0),
    PRIMARY KEY (client_id, hour)
);
CREATE INDEX api_client_traffic_hour_idx ON api_client_traffic (hour);
