-- An ADMIN may reset an account's password; the person must then choose a new one at their next sign-in.
ALTER TABLE user_account ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
