/**
 * What the card module publishes: past-tense events of cards (handed over, activated, suspended, a blocking reason
 * cleared, resumed, pre-cancelled, restored, cancelled, an end user bound, a device bound, transferred, replaced, a
 * test period ended) and of the inventory (cards imported). Audited ones carry masked values only. Other modules may
 * listen to them (the audit trail today; notifications, risk and reports later).
 */
@org.springframework.modulith.NamedInterface("events")
package com.realsim.card.events;
