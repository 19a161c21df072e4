-- Hand-over (issue 14): an enterprise's history follows the enterprise to the agent that holds it now. The trail's
-- entries are never rewritten (the chain is keyed, and the application may not UPDATE audit_entry); instead the audit
-- module keeps, for every enterprise that changed agent, the agent that holds it now. An AGENT reads an entry about
-- an enterprise when it holds that enterprise now (this table; else the entry's own agent_id), and no longer reads
-- the entries of an enterprise it handed over. Written in the hand-over's transaction, so it moves with the records.
CREATE TABLE audit_enterprise_holder (
    enterprise_id BIGINT      PRIMARY KEY,
    agent_id      BIGINT      NOT NULL,
    since         TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_enterprise_holder_agent_idx ON audit_enterprise_holder (agent_id, enterprise_id);
