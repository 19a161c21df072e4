-- A plan's monthly data allowance (issue 15, notifications): the operator stops a card that uses it up
-- (DATA_LIMIT_REACHED from its feed); knowing the allowance lets the platform warn the enterprise's admin and the
-- agent when a card has used 90 % of it this month, before it is stopped (seed 000: cards must not be cut off
-- unawares). NULL: the plan's allowance is not known here, and no warning is given. In MB (1 MB = 1024 KB, as
-- card_usage_summary.month_data_kb counts).
ALTER TABLE service_plan
    ADD COLUMN monthly_data_mb INTEGER CHECK (monthly_data_mb BETWEEN 1 AND 100000000);
