-- The card module audits its policy records too: imports, service plans, operator limits and real-name rules.
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_target_type_check;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_target_type_check CHECK (target_type IN (
    'ENTERPRISE', 'CARD', 'ORDER', 'VERIFICATION', 'EXCEPTION', 'API_CLIENT', 'USER', 'AGENT', 'DOCUMENT',
    'CARD_IMPORT', 'SERVICE_PLAN', 'OPERATOR', 'REAL_NAME_RULE'));
