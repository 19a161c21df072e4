-- The catalogue's events moved from com.realsim.card to com.realsim.catalogue (issue 18). Publications still to be
-- delivered or retried are found again by their class name: rename it. The stored JSON names no type, and every
-- listener kept its name, so nothing else changes.
UPDATE event_publication
   SET event_type = 'com.realsim.catalogue.' || substr(event_type, length('com.realsim.card.') + 1)
 WHERE event_type IN ('com.realsim.card.OperatorQuotaChanged',
                      'com.realsim.card.RealNameRuleChanged',
                      'com.realsim.card.ServicePlanCreated');
