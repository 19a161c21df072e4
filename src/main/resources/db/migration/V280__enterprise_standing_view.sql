-- The enterprise module's published read of an enterprise's standing: the columns EnterpriseStanding is judged on
-- (StandingFacts), for other modules' statements that read a card and its enterprise together (the card-status read
-- is one statement). Other modules join this view, never the enterprise tables; the rule stays in EnterpriseService.
CREATE VIEW enterprise_standing AS
SELECT e.id AS enterprise_id,
       e.agent_id,
       e.status,
       p.legal_representative,
       p.authorization_valid_from,
       p.authorization_valid_to
FROM enterprise e
LEFT JOIN responsible_person p ON p.enterprise_id = e.id AND p.status = 'CURRENT';
