-- The card module's events moved from com.realsim.card to its named interface com.realsim.card.events (issue 18).
-- Publications still to be delivered or retried are found again by their class name: rename it. The stored JSON
-- names no type, and every listener kept its name, so nothing else changes.
UPDATE event_publication
   SET event_type = 'com.realsim.card.events.' || substr(event_type, length('com.realsim.card.') + 1)
 WHERE event_type IN ('com.realsim.card.CardActivated',
                      'com.realsim.card.CardBlockingReasonCleared',
                      'com.realsim.card.CardCancelled',
                      'com.realsim.card.CardEndUserBound',
                      'com.realsim.card.CardHandedOver',
                      'com.realsim.card.CardImeiBound',
                      'com.realsim.card.CardPreCancelled',
                      'com.realsim.card.CardReplaced',
                      'com.realsim.card.CardRestored',
                      'com.realsim.card.CardResumed',
                      'com.realsim.card.CardSuspended',
                      'com.realsim.card.CardTestPeriodEnded',
                      'com.realsim.card.CardTransferred',
                      'com.realsim.card.CardsImported');
