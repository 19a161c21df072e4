-- The name of the person an account belongs to (姓名), which an ADMIN sets and edits; optional, the username stays the
-- sign-in name and the name the audit trail records.
ALTER TABLE user_account ADD COLUMN display_name VARCHAR(100);
