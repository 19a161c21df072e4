-- The approval module's published read of approved exceptions (at most one per card): the columns of
-- ApprovedException, for other modules' statements that read a card and its exception together (the card-status read
-- is one statement). Other modules join this view, never exception_request.
CREATE VIEW approved_exception AS
SELECT id AS exception_id,
       card_id,
       iccid,
       kind,
       requirement_code,
       decided_by_name AS approved_by,
       decided_at AS approved_at
FROM exception_request
WHERE status = 'APPROVED';
