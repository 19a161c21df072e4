-- Issue 18: a business order's OPS decision is a platform Review (maker, hold, decision). The hold's columns are
-- added so that the embeddable maps onto every reviewed table the same way; no page or API claims an order yet, so
-- they stay empty (a hold exists only while the order waits for the decision).
ALTER TABLE business_order
    ADD COLUMN assigned_to      VARCHAR(120),
    ADD COLUMN assigned_to_name VARCHAR(100),
    ADD COLUMN assigned_at      TIMESTAMPTZ,
    ADD CONSTRAINT business_order_assignment_ck CHECK (
        (assigned_to IS NULL) = (assigned_at IS NULL) AND (assigned_to IS NULL OR decision IS NULL));
