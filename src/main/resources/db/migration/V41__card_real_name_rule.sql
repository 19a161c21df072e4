-- The real-name requirement of a card as data: rules evaluated in priority order (lowest first), the first match
-- wins. A null match column matches anything. voice_sms is the wider of the plan's voice and SMS directions
-- (NON_DIRECTIONAL > DIRECTIONAL > NONE). Seeded from the table in domain-rules.md; ADMIN edits them in the browser.

CREATE TABLE real_name_rule (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    priority          INT          NOT NULL,
    code              VARCHAR(60)  NOT NULL,
    msisdn_prefix     VARCHAR(13)  CHECK (msisdn_prefix ~ '^[0-9]{1,13}$'),
    test_package      BOOLEAN,
    data_directional  BOOLEAN,
    voice_sms         VARCHAR(20)  CHECK (voice_sms IN ('NONE', 'DIRECTIONAL', 'NON_DIRECTIONAL')),
    end_user_required BOOLEAN      NOT NULL,
    exception_kind    VARCHAR(30)  NOT NULL
        CHECK (exception_kind IN ('NONE_NEEDED', 'PROVINCIAL_APPROVAL', 'GROUP_APPROVAL', 'NOT_ALLOWED')),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by        VARCHAR(100) NOT NULL DEFAULT 'system',
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT real_name_rule_priority_uk UNIQUE (priority),
    CONSTRAINT real_name_rule_code_uk UNIQUE (code),
    CONSTRAINT real_name_rule_code_ck CHECK (code ~ '^[A-Z0-9][A-Z0-9_]{1,59}$'),
    -- No end-user requirement means nothing to waive; a requirement names whether and how it can be waived.
    CONSTRAINT real_name_rule_exception_ck CHECK (end_user_required = (exception_kind <> 'NONE_NEEDED'))
);

INSERT INTO real_name_rule
    (priority, code, msisdn_prefix, test_package, data_directional, voice_sms, end_user_required, exception_kind)
VALUES
    -- test-card package (测试卡套餐): enterprise-level real-name suffices
    (10, 'TEST_PACKAGE',                  NULL,  TRUE, NULL,  NULL,              FALSE, 'NONE_NEEDED'),
    -- 149 segment with non-directional voice or SMS: required, no approval can waive it
    (20, 'SEGMENT_149_NON_DIRECTIONAL_VOICE_SMS', '149', NULL, NULL, 'NON_DIRECTIONAL', TRUE, 'NOT_ALLOWED'),
    -- 149 segment with directional voice or SMS: required, a group (集团) approval may waive it
    (30, 'SEGMENT_149_DIRECTIONAL_VOICE_SMS',     '149', NULL, NULL, 'DIRECTIONAL',     TRUE, 'GROUP_APPROVAL'),
    -- non-directional data (非定向流量): required, a provincial approval may waive it
    (40, 'NON_DIRECTIONAL_DATA',          NULL,  NULL, FALSE, NULL,              TRUE,  'PROVINCIAL_APPROVAL'),
    -- directional data only (定向流量), no voice/SMS: enterprise-level real-name suffices
    (50, 'DIRECTIONAL_DATA_ONLY',         NULL,  NULL, TRUE,  'NONE',            FALSE, 'NONE_NEEDED'),
    -- where the table is silent (directional data with voice or SMS outside the 149 segment): fail closed to the
    -- end-user requirement, with the ordinary provincial approval as the way out (see docs/card.md)
    (1000, 'DEFAULT',                     NULL,  NULL, NULL,  NULL,              TRUE,  'PROVINCIAL_APPROVAL');
