-- Notifications (issue 15): the bell of each signed-in user. A row is one thing one user should know of, written by
-- the notification module when it hears another module's event (docs/notifications.md); its text is a message key of
-- the kind and arguments (codes, numbers, ICCIDs, enterprise names: never personal data), rendered in the reader's
-- language when read.
--   agent_id / enterprise_id: the recipient's tenant when it was written; the user reads only those of the tenant
--       they belong to now (a user moved to another agent does not keep reading the old agent's news);
--   source_key: what the event was (e.g. ORDER_REJECTED:42); a redelivered event writes nothing twice;
--   read_at: when the user read it or marked it read; NULL while unread (the bell counts these).
-- Placement (docs/scaling.md): local, like the other per-user bookkeeping (sessions); it references only the
-- reference table user_account.
CREATE TABLE notification (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       BIGINT       NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    agent_id      BIGINT,
    enterprise_id BIGINT,
    kind          VARCHAR(40)  NOT NULL CHECK (kind IN ('ENTERPRISE_VERIFIED', 'ENTERPRISE_REJECTED',
                                                        'VERIFICATION_APPROVED', 'VERIFICATION_REJECTED',
                                                        'EXCEPTION_APPROVED', 'EXCEPTION_REJECTED',
                                                        'ORDER_COMPLETED', 'ORDER_REJECTED',
                                                        'REVERIFICATION_REQUIRED', 'REVERIFICATION_OVERDUE',
                                                        'RISK_ALERTS_OPENED', 'CARDS_STOPPED_ARREARS',
                                                        'CARDS_STOPPED_DATA_LIMIT', 'DATA_LIMIT_NEAR')),
    arguments     TEXT[]       NOT NULL DEFAULT '{}',
    link          VARCHAR(300) NOT NULL CHECK (link LIKE '/%'),
    source_key    VARCHAR(120) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    read_at       TIMESTAMPTZ,
    CONSTRAINT notification_source_uk UNIQUE (user_id, source_key)
);
-- the page: a user's notifications newest first, by id (cursor paging)
CREATE INDEX notification_user_idx ON notification (user_id, id DESC);
-- the bell: a user's unread ones, counted on every page
CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL;
