-- Service plans (套餐) and operators with their one-ID-N-cards limit.

CREATE TABLE service_plan (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code             VARCHAR(40)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    data_directional BOOLEAN      NOT NULL,
    voice            VARCHAR(20)  NOT NULL CHECK (voice IN ('NONE', 'DIRECTIONAL', 'NON_DIRECTIONAL')),
    sms              VARCHAR(20)  NOT NULL CHECK (sms IN ('NONE', 'DIRECTIONAL', 'NON_DIRECTIONAL')),
    test_package     BOOLEAN      NOT NULL,
    imei_binding     BOOLEAN      NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by       VARCHAR(100) NOT NULL,
    CONSTRAINT service_plan_code_uk UNIQUE (code),
    CONSTRAINT service_plan_code_ck CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{1,39}$')
);

CREATE TABLE operator_setting (
    operator         VARCHAR(20)  PRIMARY KEY
        CHECK (operator IN ('CHINA_MOBILE', 'CHINA_UNICOM', 'CHINA_TELECOM', 'CHINA_BROADNET')),
    max_cards_per_id INT          NOT NULL DEFAULT 5 CHECK (max_cards_per_id > 0),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by       VARCHAR(100) NOT NULL DEFAULT 'system'
);

INSERT INTO operator_setting (operator) VALUES
    ('CHINA_MOBILE'), ('CHINA_UNICOM'), ('CHINA_TELECOM'), ('CHINA_BROADNET');
