-- The usage feed moves every used card's last_usage_at (and its usage summary) every day. The dormancy index on
-- coalesce(last_usage_at, activated_at) made each of those updates write a new entry into every index of card (an
-- update that changes an indexed column cannot be a heap-only tuple update): at 100,000 records a batch, most of
-- the ingest's time (docs/benchmarks.md, "Usage ingest"). The cancellation cycle, which it served, runs once a day and
-- reads the working cards through card_state_id_idx or one sequential scan instead. Free room on each page lets the
-- daily update stay on its page (HOT).
DROP INDEX card_dormancy_idx;
ALTER TABLE card SET (fillfactor = 85);
