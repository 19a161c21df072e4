-- The card list's searches (docs/card.md, "Search"), each served by an index so that a page stays cheap at a million
-- cards (SearchBenchmark, docs/benchmarks.md). The search by an end user's ID uses card_end_user_bidx_idx (V44): the
-- blind index of the current binding, never the number.

-- The last digits of an ICCID, as a range over the reversed ICCID (C collation, as the column's): '5678' finds the
-- ICCIDs whose reverse lies in ['8765', '8765:').
CREATE INDEX card_iccid_reversed_idx ON card (reverse(iccid));

-- An IMSI, whole.
CREATE INDEX card_imsi_idx ON card (imsi);

-- The cards blocked by a reason now (the stack keeps cleared reasons as history: they stay out of the index).
CREATE INDEX card_blocking_reason_active_reason_idx ON card_blocking_reason (reason, card_id)
    WHERE cleared_at IS NULL;

-- Enterprises by their whole USCC (a public record kept in clear; duplicates of a code included).
CREATE INDEX enterprise_certificate_number_idx ON enterprise (certificate_number)
    WHERE certificate_number IS NOT NULL;
